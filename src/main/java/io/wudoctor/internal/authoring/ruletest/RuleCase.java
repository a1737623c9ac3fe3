package io.wudoctor.internal.authoring.ruletest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.LogKind;
import java.util.List;
import java.util.Map;

/**
 * One test case of a {@code *.tests.yaml} file: facts in (inline, same schema as a facts file,
 * schemaVersion optional), expectations out. See docs/authoring-rules.md.
 *
 * <p>{@code rule} names the rule the case is about; {@code fires} (default true) says whether
 * that rule must make the expected result or, for a near miss ({@code fires: false}), must not
 * fire at all. {@code logs} are log texts scanned with the pack's signatures: their matches join
 * the facts' {@code logMatches}, so a case can hold real log lines instead of their matches.
 */
public record RuleCase(
        @JsonProperty(required = true) String name,
        String rule,
        Boolean fires,
        @JsonProperty(required = true) Facts facts,
        List<Log> logs,
        @JsonProperty(required = true) Expect expect) {

    public RuleCase {
        logs = logs == null ? List.of() : List.copyOf(logs);
    }

    /** A log's text as the scanner reads it: its kind, the file name its matches carry, where the lines come from. */
    public record Log(@JsonProperty(required = true) LogKind log, @JsonProperty(required = true) String file, String source,
            @JsonProperty(required = true) String text) {
    }

    /** Whether the case says its rule fires: true unless {@code fires: false}. */
    public boolean ruleFires() {
        return fires == null || fires;
    }

    /** What the diagnosis must (and must not) contain. Every field is optional. */
    public record Expect(
            List<String> findings,
            List<String> notFindings,
            String firstFinding,
            String firstStep,
            List<String> steps,
            List<String> notSteps,
            Map<String, Double> minConfidence,
            Map<String, Double> maxConfidence,
            List<String> skipped) {

        public Expect {
            findings = findings == null ? List.of() : findings;
            notFindings = notFindings == null ? List.of() : notFindings;
            steps = steps == null ? List.of() : steps;
            notSteps = notSteps == null ? List.of() : notSteps;
            minConfidence = minConfidence == null ? Map.of() : minConfidence;
            maxConfidence = maxConfidence == null ? Map.of() : maxConfidence;
            skipped = skipped == null ? List.of() : skipped;
        }
    }

    /** The top-level shape of a {@code *.tests.yaml} file. */
    public record File(@JsonProperty(required = true) int schemaVersion, @JsonProperty(required = true) List<RuleCase> cases) {
    }
}
