package io.wudoctor.internal.kb;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wudoctor.api.SourceRef;
import io.wudoctor.facts.LogKind;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A log signature ({@code *.signatures.yaml}): a Java regular expression applied to one line
 * of one kind of log; its named groups become the log match's captures. {@code context} are
 * patterns for the lines a multi-line record names its subject on (a setupapi.dev.log
 * section header, the driver package inside it): the latest line before a hit that matches
 * each adds its named captures to the hit, outer first - a context line older than the one
 * before it in the list belongs to an earlier record and is left out.
 */
public record SignatureDef(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) LogKind log,
        String title,
        String status,
        SourceRef source,
        @JsonProperty(required = true) String pattern,
        List<String> examples,
        List<String> counterexamples,
        List<String> context) {

    /** A signature without context lines. */
    public SignatureDef(String id, LogKind log, String title, String status, SourceRef source, String pattern,
            List<String> examples, List<String> counterexamples) {
        this(id, log, title, status, source, pattern, examples, counterexamples, null);
    }

    public SignatureDef {
        status = status == null ? "stable" : status;
        examples = examples == null ? List.of() : List.copyOf(examples);
        counterexamples = counterexamples == null ? List.of() : List.copyOf(counterexamples);
        context = context == null ? List.of() : List.copyOf(context);
    }

    /** Why this signature cannot be used (its pattern, then its context lines), or empty: for the loader's problem list. */
    public Optional<String> problem() {
        return patternProblem(pattern).or(this::contextProblem);
    }

    /** Why {@code regex} does not compile, or empty when it does. */
    static Optional<String> patternProblem(String regex) {
        try {
            Pattern.compile(regex);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of("invalid regex: " + e.getDescription() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
    }

    /**
     * Why the context lines cannot be used, or empty when they can. The scanner takes context
     * lines from the same literal search that finds the hits, in the order of the file, so the
     * signature and each context pattern need a literal (docs/authoring-rules.md).
     */
    private Optional<String> contextProblem() {
        if (context.isEmpty()) {
            return Optional.empty();
        }
        if (RegexShape.of(pattern).literal() == null) {
            return Optional.of("a signature with context lines needs a pattern with literal text of "
                    + RegexShape.MIN_LITERAL + " characters or more outside groups and alternations");
        }
        for (int i = 0; i < context.size(); i++) {
            String c = context.get(i);
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
}
