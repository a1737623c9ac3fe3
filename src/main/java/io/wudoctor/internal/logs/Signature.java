package io.wudoctor.internal.logs;

import io.wudoctor.facts.LogKind;
import io.wudoctor.internal.pack.SignatureDef;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A log signature ready to scan with: its compiled pattern, the literal text every match
 * contains (null when none could be found), the names of its captures and its context lines
 * (outer first; see {@link SignatureDef}).
 */
public record Signature(String id, LogKind log, Pattern pattern, String literal, List<String> captureNames,
        List<Context> context) {

    /** A context line's pattern, its literal (always present: see {@link #contextProblem}) and capture names. */
    public record Context(Pattern pattern, String literal, List<String> captureNames) {
    }

    public Signature {
        context = List.copyOf(context);
    }

    public static Signature compile(SignatureDef def) {
        RegexShape shape = RegexShape.of(def.pattern());
        List<Context> context = def.context().stream().map(c -> {
            RegexShape s = RegexShape.of(c);
            return new Context(Pattern.compile(c), s.literal(), s.groupNames());
        }).toList();
        return new Signature(def.id(), def.log(), Pattern.compile(def.pattern()), shape.literal(), shape.groupNames(), context);
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
     * Why a signature's context lines cannot be used, or empty when they can. The scanner takes
     * context lines from the same literal search that finds the hits, in the order of the file,
     * so the signature and each context pattern need a literal (docs/authoring-rules.md).
     */
    public static Optional<String> contextProblem(SignatureDef def) {
        if (def.context().isEmpty()) {
            return Optional.empty();
        }
        if (RegexShape.of(def.pattern()).literal() == null) {
            return Optional.of("a signature with context lines needs a pattern with literal text of "
                    + RegexShape.MIN_LITERAL + " characters or more outside groups and alternations");
        }
        for (int i = 0; i < def.context().size(); i++) {
            String c = def.context().get(i);
            Optional<String> bad = patternProblem(c);
            if (bad.isPresent()) {
                return Optional.of("context " + (i + 1) + ": " + bad.get());
            }
            if (RegexShape.of(c).literal() == null) {
                return Optional.of("context " + (i + 1) + " needs literal text of " + RegexShape.MIN_LITERAL
                        + " characters or more outside groups and alternations, for the scanner to search for");
            }
        }
        return Optional.empty();
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
