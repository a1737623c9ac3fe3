package io.wudoctor.internal.logs;

import io.wudoctor.facts.LogKind;
import io.wudoctor.internal.pack.SignatureDef;
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
            return Optional.of("the pattern is not a valid Java regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near character " + (e.getIndex() + 1) : ""));
        }
    }
}
