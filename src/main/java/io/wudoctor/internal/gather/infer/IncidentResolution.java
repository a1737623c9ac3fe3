package io.wudoctor.internal.gather.infer;

import io.wudoctor.api.IncidentReport;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.Incident;
import io.wudoctor.facts.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which incident a diagnosis is about: the one the facts state (a facts file's, or one
 * an offline root's evidence showed), else the one the evidence shows, else the assumption
 * that it is 0x80070002 during Windows Update. Also lists the failures the evidence shows with
 * another code, for "which error the evidence shows".
 */
public final class IncidentResolution {

    /** The incident to reason on, its report, and the warnings to show. */
    public record Result(Incident incident, IncidentReport report, List<String> warnings) {
    }

    /** The three documents cover this one error code. */
    public static final String COVERED_CODE = "0x80070002";

    private IncidentResolution() {
    }

    public static Result of(Facts facts) {
        List<String> warnings = new ArrayList<>();
        Incident incident = facts.incident();
        String origin;
        if (incident != null) {
            origin = incident.seenIn() == null ? "facts" : "evidence";
        } else {
            Optional<Incident> inferred = IncidentInference.infer(facts);
            incident = inferred.orElse(new Incident(Surface.WINDOWS_UPDATE, null, null, null));
            origin = inferred.isPresent() ? "evidence" : "assumed";
        }
        if (origin.equals("assumed")) {
            warnings.add("neither the facts nor the evidence name the failure; assumed " + COVERED_CODE + " during Windows Update");
        } else if (origin.equals("evidence")) {
            warnings.add("the incident was read from the evidence: " + incident.describe());
        }
        if (!incident.isFileNotFound()) {
            warnings.add("the incident's error code is " + incident.errorCode() + ", not " + COVERED_CODE + ": the three "
                    + "documents this knowledge base encodes cover only " + COVERED_CODE + "; their fixes are no plan for "
                    + incident.errorCode());
        }
        List<IncidentReport.Failure> others = new ArrayList<>();
        for (Incident f : IncidentInference.failures(facts)) {
            if (!sameCode(f.errorCode(), incident.errorCode())) {
                others.add(new IncidentReport.Failure(surface(f), f.errorCode(), f.kb(), f.seenIn()));
            }
        }
        if (!others.isEmpty() && incident.isFileNotFound()) {
            IncidentReport.Failure first = others.get(0);
            warnings.add("the evidence also shows error " + first.errorCode() + " (" + first.seenIn() + ")"
                    + (others.size() > 1 ? " and " + (others.size() - 1) + " other failure(s)" : "")
                    + "; the plan is for " + COVERED_CODE + " only");
        }
        IncidentReport report = new IncidentReport(surface(incident), incident.errorCode(), incident.kb(), origin,
                incident.seenIn(), incident.isFileNotFound(), others);
        return new Result(incident, report, warnings);
    }

    private static String surface(Incident i) {
        return i.surface().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The same HRESULT, whatever the spelling (0x800704D3, 800704d3). */
    static boolean sameCode(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String code) {
        String c = code.strip().toLowerCase(Locale.ROOT);
        if (Incident.isFileNotFound(c)) {
            return COVERED_CODE;
        }
        return c.startsWith("0x") ? c.substring(2) : c;
    }
}
