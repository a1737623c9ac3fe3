package io.wudoctor.internal.render;

import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.IncidentReport;

/**
 * What a report's title says the plan is for: Windows Update error 0x80070002, or, when the
 * evidence shows another code, that code and that the knowledge base does not cover it, so that
 * no title presents a 0x80070002 plan as if it applied.
 */
final class Subject {

    private Subject() {
    }

    static String of(Diagnosis d) {
        IncidentReport i = d.incident();
        if (i == null || i.fileNotFound()) {
            return "Windows Update error 0x80070002";
        }
        return "error " + i.errorCode() + " during " + i.surface().replace('-', ' ')
                + " (not 0x80070002: not covered by the knowledge base)";
    }
}
