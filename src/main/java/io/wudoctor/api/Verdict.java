package io.wudoctor.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The report's answer in one object, for tools that must not parse prose or know cause ids:
 * whether a specific cause was found, the strongest one, and which kinds of evidence the
 * facts did not contain (so a "nothing found" can be told from "nothing looked at").
 *
 * @param specificCause true when a finding other than {@value #NO_SPECIFIC_EVIDENCE} was concluded
 * @param lead the specific finding with the highest confidence, or null when there is none
 * @param notCovered evidence areas with no facts at all, in a fixed order (docs/output.md)
 */
@JsonPropertyOrder({"specificCause", "lead", "notCovered"})
public record Verdict(boolean specificCause, Lead lead, List<String> notCovered) {

    /** The knowledge base's cause for "the rules found nothing specific; follow the routine". */
    public static final String NO_SPECIFIC_EVIDENCE = "no-specific-evidence";

    /** From this confidence a finding is a diagnosis rather than a lead (docs/confidence-scale.md). */
    public static final double DIAGNOSIS = 0.6;

    public Verdict {
        notCovered = List.copyOf(notCovered);
    }

    /** Whether a specific cause at {@code min} confidence or more was found (--fail-on-cause). */
    public boolean causeAtLeast(double min) {
        return lead != null && lead.confidence() >= min;
    }

    /**
     * The strongest specific finding. {@code strength} is {@code diagnosis} from
     * {@link #DIAGNOSIS} on, else {@code lead}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"cause", "title", "confidence", "strength"})
    public record Lead(String cause, String title, double confidence, String strength) {
    }

    /** The verdict on {@code findings}, which come highest confidence first. */
    public static Verdict of(List<FindingReport> findings, List<String> notCovered) {
        Lead lead = findings.stream().filter(f -> !NO_SPECIFIC_EVIDENCE.equals(f.id())).findFirst()
                .map(f -> new Lead(f.id(), f.title(), f.confidence(), f.confidence() >= DIAGNOSIS ? "diagnosis" : "lead"))
                .orElse(null);
        return new Verdict(lead != null, lead, notCovered);
    }
}
