package io.wudoctor.api;

import io.wudoctor.internal.plan.Planner;

/** The one-paragraph summary at the top of a report. */
final class Summary {

    private Summary() {
    }

    static String of(Planner.Plan plan) {
        if (plan.steps().isEmpty()) {
            return "No rule concluded anything from these facts, so there is no plan. Check that the facts describe a "
                    + "0x80070002 failure, or add evidence (logs, service states).";
        }
        var top = plan.findings().get(0);
        // Below the scale's "diagnosis" band (docs/confidence-scale.md) the top finding is only a lead.
        String lead = top.confidence() >= Verdict.DIAGNOSIS ? "Most likely cause: " : "No cause stands out; the strongest finding: ";
        return lead + top.title() + " (" + Math.round(top.confidence() * 100) + "% confidence). "
                + plan.steps().size() + " step(s) below, most likely first: after each step retry the update and stop "
                + "as soon as it works.";
    }
}
