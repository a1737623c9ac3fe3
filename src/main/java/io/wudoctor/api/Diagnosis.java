package io.wudoctor.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The result of a diagnosis: findings by falling confidence and the ordered fix plan. The
 * same facts and rules always give an equal Diagnosis and byte-identical {@link #toJson()}.
 */
@JsonPropertyOrder({"schemaVersion", "tool", "summary", "verdict", "incident", "findings", "steps", "skipped", "warnings",
        "rulePack"})
public record Diagnosis(int schemaVersion, String tool, String summary, Verdict verdict, IncidentReport incident,
        List<FindingReport> findings, List<Step> steps, List<SkippedFix> skipped, List<String> warnings, RulePackInfo rulePack) {

    /** A diagnosis that names neither its incident nor the rule pack behind it (renderer tests, embedders' own plans). */
    public Diagnosis(int schemaVersion, String tool, String summary, Verdict verdict, List<FindingReport> findings,
            List<Step> steps, List<SkippedFix> skipped, List<String> warnings) {
        this(schemaVersion, tool, summary, verdict, null, findings, steps, skipped, warnings, null);
    }

    /** The version of this JSON shape; see docs/output.md. */
    public static final int SCHEMA_VERSION = 1;

    /** The diagnosis as the documented JSON (docs/output.md), pretty-printed, ending with a newline. */
    public String toJson() {
        return DiagnosisJson.write(this);
    }
}
