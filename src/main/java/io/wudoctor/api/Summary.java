package io.wudoctor.api;

import io.wudoctor.internal.plan.Planner;

/** The one-paragraph summary at the top of a report. */
final class Summary {

    /** The confidence from which the knowledge base calls a finding a diagnosis rather than a lead. */
    static final double DIAGNOSIS = Diagnosis.DIAGNOSIS_CONFIDENCE;

    private Summary() {
    }

    static String of(Planner.Plan plan) {
        if (plan.steps().isEmpty()) {
            return "No rule concluded anything from these facts, so there is no plan. Check that the facts describe a "
                    + "0x80070002 failure, or add evidence (logs, service states).";
        }
        var top = plan.findings().get(0);
        // Below the scale's "diagnosis" band (docs/confidence-scale.md) the top finding is only a lead.
        String lead = top.confidence() >= DIAGNOSIS ? "Most likely cause: " : "No cause stands out; the strongest finding: ";
        return lead + top.title() + " (" + Math.round(top.confidence() * 100) + "% confidence). "
                + plan.steps().size() + " step(s) below, most likely first: after each step retry the update and stop "
                + "as soon as it works.";
    }
}
