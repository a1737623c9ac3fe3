package io.wudoctor.internal.gather.scan;

import io.wudoctor.facts.LogKind;
import io.wudoctor.internal.kb.SignatureDef;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A log signature ready to scan with: its compiled pattern, the literal text every match
 * contains (null when none could be found) and the names of its captures.
 */
public record Signature(String id, LogKind log, Pattern pattern, String literal, List<String> captureNames) {

    public static Signature compile(SignatureDef def) {
        RegexShape shape = RegexShape.of(def.pattern());
        return new Signature(def.id(), def.log(), Pattern.compile(def.pattern()), shape.literal(), shape.groupNames());
    }

    /** Why {@code regex} does not compile, or empty when it does: for the rule-pack loader's problem list. */
    public static Optional<String> patternProblem(String regex) {
        try {
            Pattern.compile(regex);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of("invalid regex: " + e.getDescription() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
    }

    /**
     * The 1-based line of the {@code pattern:} key of the signature declared at {@code idLine} in
     * a signatures file, or {@code idLine} when it cannot be told (a flow mapping, say).
     */
    public static int patternLine(String content, int idLine) {
        String[] lines = content.split("\n", -1);
        for (int i = Math.max(idLine, 1); i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("pattern:")) {
                return i + 1;
            }
            if (l.startsWith("- ")) {
                break; // the next signature
            }
        }
        return idLine;
    }
}
