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
 * of one kind of log; its named groups become the log match's captures.
 */
public record SignatureDef(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) LogKind log,
        String title,
        String status,
        SourceRef source,
        @JsonProperty(required = true) String pattern,
        List<String> examples,
        List<String> counterexamples) {

    public SignatureDef {
        status = status == null ? "stable" : status;
        examples = examples == null ? List.of() : List.copyOf(examples);
        counterexamples = counterexamples == null ? List.of() : List.copyOf(counterexamples);
    }

    /** Why the pattern does not compile, or empty when it does: for the rule-pack loader's problem list. */
    public Optional<String> patternProblem() {
        try {
            Pattern.compile(pattern);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of("invalid regex: " + e.getDescription() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
    }
}
