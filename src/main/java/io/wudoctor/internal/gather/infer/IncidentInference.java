package io.wudoctor.internal.gather.infer;

import io.wudoctor.facts.EventRecord;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.Incident;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.facts.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the incident from the evidence, so a bundle or a disk image needs no hand-typed one:
 * the failing operation's own records, each with where it was seen.
 *
 * <ul>
 * <li>System event 20 of Microsoft-Windows-WindowsUpdateClient ("Installation Failure"): the KB
 * and the error code, from the event's named data when exported as XML (locale-independent),
 * else from the message. A failure whose KB a later event 19 ("Installation Successful") shows
 * installed is history, not the incident ("later" by the events' times when both have one, else by
 * their order: an export may list the newest event first).</li>
 * <li>Setup's "Reporting error event" line in setupact.log (signature
 * {@code context-setup-reported-error}): a feature upgrade and the code setup ended with.</li>
 * <li>Windows Update history, ReportingEvents.log's AGENT_INSTALLING_FAILED records (signature
 * {@code context-wu-history-install-failed}): the code, and the KB from the update title. As
 * with the events, a later AGENT_INSTALLING_SUCCEEDED record for the same KB makes it history.
 * The surface is a cumulative update or monthly rollup when the (English) title says so, else
 * Windows Update: titles are in the display language.</li>
 * </ul>
 * The latest failure is the incident; every failure found is listed, for "which error the
 * evidence shows".
 */
public final class IncidentInference {

    static final String WU_CLIENT = "Microsoft-Windows-WindowsUpdateClient";
    static final String SETUP_RESULT = "context-setup-reported-error";
    static final String HISTORY_FAILED = "context-wu-history-install-failed";
    static final String HISTORY_SUCCEEDED = "context-wu-history-install-succeeded";

    private static final Pattern KB = Pattern.compile("\\bKB(\\d{6,8})\\b");

    private IncidentInference() {
    }

    /**
     * A failure found, with the time it happened as far as the evidence says (sortable text, or
     * null); {@code updateClient}: reported by the update agent (an event or its history), not setup.
     */
    private record Found(Incident incident, String time, boolean updateClient) {
    }

    /** Every failing operation the facts show: those with a known time first, oldest first, then the others. */
    public static List<Incident> failures(Facts facts) {
        return found(facts).stream().sorted(BY_TIME).map(Found::incident).toList();
    }

    /**
     * The incident the evidence shows: the latest failure whose time is known; without times, the
     * last Windows Update failure (event or history record), else the last setup result. (Event
     * times are UTC and log times local: across sources "latest" is right to within the
     * machine's UTC offset.)
     */
    public static Optional<Incident> infer(Facts facts) {
        List<Found> all = found(facts);
        Optional<Found> timed = all.stream().filter(f -> f.time() != null).max(BY_TIME);
        if (timed.isPresent()) {
            return timed.map(Found::incident);
        }
        Optional<Found> event = all.stream().filter(Found::updateClient).reduce((a, b) -> b);
        return event.or(() -> all.stream().reduce((a, b) -> b)).map(Found::incident);
    }

    private static final java.util.Comparator<Found> BY_TIME = java.util.Comparator.comparing(Found::time,
            java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));

    private static List<Found> found(Facts facts) {
        List<Found> found = new ArrayList<>();
        List<EventRecord> events = facts.events();
        Successes installed = new Successes();
        for (int i = 0; i < events.size(); i++) {
            EventRecord e = events.get(i);
            if (e.id() == 19 && WU_CLIENT.equalsIgnoreCase(e.source()) && e.kb() != null) {
                installed.add(e.kb().toUpperCase(java.util.Locale.ROOT), i, eventTime(e));
            }
        }
        for (int i = 0; i < events.size(); i++) {
            EventRecord e = events.get(i);
            if (isInstallFailure(e) && (e.kb() == null || !installed.after(e.kb().toUpperCase(java.util.Locale.ROOT), i, eventTime(e)))) {
                found.add(new Found(new Incident(Surface.WINDOWS_UPDATE, e.code(), e.kb(), null, where(e)), eventTime(e), true));
            }
        }
        List<LogMatch> matches = facts.logMatches();
        Successes history = new Successes();
        for (int i = 0; i < matches.size(); i++) {
            LogMatch m = matches.get(i);
            String kb = m.signature().equals(HISTORY_SUCCEEDED) ? kb(m.capture("title")) : null;
            if (kb != null) {
                history.add(historyKey(m, kb), i, m.timestamp());
            }
        }
        for (int i = 0; i < matches.size(); i++) {
            LogMatch m = matches.get(i);
            if (m.signature().equals(SETUP_RESULT) && !m.capture("code").isEmpty()) {
                found.add(new Found(new Incident(Surface.FEATURE_UPGRADE, m.capture("code"), null, null, where(m)),
                        m.timestamp(), false));
            } else if (m.signature().equals(HISTORY_FAILED) && Incident.isErrorCode(m.capture("code"))) {
                String kb = kb(m.capture("title"));
                if (kb == null || !history.after(historyKey(m, kb), i, m.timestamp())) {
                    found.add(new Found(new Incident(historySurface(m.capture("title")), "0x" + m.capture("code"), kb, null,
                            where(m)), m.timestamp(), true));
                }
            }
        }
        return found;
    }

    /** A history record's update, within its file: matches keep file and line order, so order is only known within one file. */
    private static String historyKey(LogMatch m, String kb) {
        return m.file() + "\n" + kb;
    }

    /** The KB number in an update title ("... (KB4054517)"), the same in every language; null without one. */
    static String kb(String title) {
        Matcher k = KB.matcher(title);
        return k.find() ? "KB" + k.group(1) : null;
    }

    /** English update titles name the kind of update; in another language it stays Windows Update. */
    private static Surface historySurface(String title) {
        String t = title.toLowerCase(java.util.Locale.ROOT);
        if (t.contains("cumulative update")) {
            return Surface.CUMULATIVE_UPDATE;
        }
        return t.contains("monthly quality rollup") || t.contains("monthly rollup") ? Surface.MONTHLY_ROLLUP
                : Surface.WINDOWS_UPDATE;
    }

    /** 2020-11-20T09:12:44.1234567Z as the log scanner writes times, 2020-11-20 09:12:44.1234567; null when not ISO. */
    private static String eventTime(EventRecord e) {
        String t = e.time();
        return t != null && t.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*") ? t.replace('T', ' ').replace("Z", "") : null;
    }

    private static boolean isInstallFailure(EventRecord e) {
        return e.id() == 20 && WU_CLIENT.equalsIgnoreCase(e.source()) && e.code() != null && Incident.isErrorCode(e.code());
    }

    static String where(EventRecord e) {
        return e.log() + " event " + e.id() + " from " + e.source() + (e.time() == null ? "" : " at " + e.time());
    }

    static String where(LogMatch m) {
        return (m.file() == null ? m.log().name() : m.file()) + (m.line() > 0 ? ":" + m.line() : "");
    }
}
