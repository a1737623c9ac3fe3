package io.wudoctor;

import io.wudoctor.api.IncidentReport;
import io.wudoctor.api.Verdict;
import io.wudoctor.internal.plan.Planner;

/** The one-paragraph summary at the top of a report. */
final class Summary {

    private Summary() {
    }

    static String of(Planner.Plan plan, IncidentReport incident) {
        String prefix = "";
        if (!incident.fileNotFound()) {
            // Say it first: a plan for 0x80070002 must not read as if it applied to another error.
            prefix = "The evidence shows error " + incident.errorCode() + " during " + incident.surface().replace('-', ' ')
                    + (incident.kb() == null ? "" : " (" + incident.kb() + ")")
                    + (incident.seenIn() == null ? "" : " (seen in " + incident.seenIn() + ")")
                    + ", not 0x80070002. The three documents this knowledge base encodes cover only 0x80070002; for "
                    + incident.errorCode() + " look the code up in Microsoft's Windows Update error reference. ";
            if (plan.steps().isEmpty()) {
                return prefix + "No 0x80070002 fix is offered for it.";
            }
        } else if (!incident.otherFailures().isEmpty()) {
            IncidentReport.Failure other = incident.otherFailures().get(0);
            prefix = "The evidence also shows error " + other.errorCode() + " (seen in " + other.seenIn()
                    + "), which the documents do not cover; the plan below is for 0x80070002 only. ";
        }
        return prefix + of(plan);
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
