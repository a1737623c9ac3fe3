package io.wudoctor.internal.infer;

import io.wudoctor.facts.EventRecord;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.Incident;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.facts.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the incident from the evidence, so a bundle or a disk image needs no hand-typed one:
 * the failing operation's own records, each with where it was seen.
 *
 * <ul>
 * <li>System event 20 of Microsoft-Windows-WindowsUpdateClient ("Installation Failure"): the KB
 * and the error code, from the event's named data when exported as XML (locale-independent),
 * else from the message. A failure whose KB a later event 19 ("Installation Successful") shows
 * installed is history, not the incident.</li>
 * <li>Setup's "Reporting error event" line in setupact.log (signature
 * {@code context-setup-reported-error}): a feature upgrade and the code setup ended with.</li>
 * </ul>
 * The latest failure is the incident; every failure found is listed, for "which error the
 * evidence shows".
 */
public final class IncidentInference {

    static final String WU_CLIENT = "Microsoft-Windows-WindowsUpdateClient";
    static final String SETUP_RESULT = "context-setup-reported-error";

    private IncidentInference() {
    }

    /** Every failing operation the facts show, oldest first as far as the evidence orders them. */
    public static List<Incident> failures(Facts facts) {
        List<Incident> found = new ArrayList<>();
        List<EventRecord> events = facts.events();
        for (int i = 0; i < events.size(); i++) {
            EventRecord e = events.get(i);
            if (isInstallFailure(e) && !installedLater(e, events.subList(i + 1, events.size()))) {
                found.add(new Incident(Surface.WINDOWS_UPDATE, e.code(), e.kb(), null, where(e)));
            }
        }
        for (LogMatch m : facts.logMatches()) {
            if (m.signature().equals(SETUP_RESULT) && !m.capture("code").isEmpty()) {
                found.add(new Incident(Surface.FEATURE_UPGRADE, m.capture("code"), null, null, where(m)));
            }
        }
        return found;
    }

    /** The incident the evidence shows: its latest failure. */
    public static Optional<Incident> infer(Facts facts) {
        List<Incident> all = failures(facts);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private static boolean isInstallFailure(EventRecord e) {
        return e.id() == 20 && WU_CLIENT.equalsIgnoreCase(e.source()) && e.code() != null && Incident.isErrorCode(e.code());
    }

    /** True when a later event 19 (Installation Successful) names the same KB. */
    private static boolean installedLater(EventRecord failure, List<EventRecord> later) {
        return failure.kb() != null && later.stream().anyMatch(e -> e.id() == 19 && WU_CLIENT.equalsIgnoreCase(e.source())
                && failure.kb().equalsIgnoreCase(e.kb()));
    }

    static String where(EventRecord e) {
        return e.log() + " event " + e.id() + " from " + e.source() + (e.time() == null ? "" : " at " + e.time());
    }

    static String where(LogMatch m) {
        return (m.file() == null ? m.log().name() : m.file()) + (m.line() > 0 ? ":" + m.line() : "");
    }
}
