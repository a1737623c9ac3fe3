package io.wudoctor.internal.gather.live;

import io.wudoctor.facts.TimeSync;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clock: whether the last synchronisation succeeded ({@code w32tm /query /status /verbose},
 * English labels), and whether time and time zone are set automatically (registry values: the
 * W32Time Parameters {@code Type}, NoSync meaning off, and the {@code tzautoupdate} service's
 * {@code Start}, 4 meaning disabled).
 */
final class TimeCollector {

    static final String W32TIME_PARAMETERS = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\W32Time\\Parameters";
    static final String TZ_AUTO_UPDATE = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\tzautoupdate";

    private static final Pattern LAST_SYNC_ERROR = Pattern.compile("(?m)^Last Sync Error:\\s*(\\d+)");
    private static final Pattern SOURCE = Pattern.compile("(?m)^Source:\\s*(.+?)\\s*$");
    private static final Pattern PHASE_OFFSET = Pattern.compile("(?m)^Phase Offset:\\s*(-?\\d+(?:[.,]\\d+)?)s");

    private final CommandRunner runner;

    TimeCollector(CommandRunner runner) {
        this.runner = runner;
    }

    Optional<TimeSync> collect() {
        CommandRunner.Output status = runner.run(List.of("w32tm.exe", "/query", "/status", "/verbose"));
        W32tmStatus w32tm = status.ok() ? parseStatus(status.text()) : W32tmStatus.UNKNOWN;
        RegQuery reg = new RegQuery(runner);
        Boolean automaticTime = reg.value(W32TIME_PARAMETERS, "Type").map(TimeCollector::automaticTime).orElse(null);
        Boolean automaticZone = reg.value(TZ_AUTO_UPDATE, "Start").map(TimeCollector::automaticZone).orElse(null);
        if (w32tm.synced() == null && automaticTime == null && automaticZone == null) {
            return Optional.empty();
        }
        return Optional.of(new TimeSync(w32tm.offsetSeconds(), automaticTime, automaticZone, w32tm.synced()));
    }

    /** What w32tm's status tells: the last sync succeeded or not, and the offset it measured then. */
    record W32tmStatus(Boolean synced, Double offsetSeconds) {
        static final W32tmStatus UNKNOWN = new W32tmStatus(null, null);
    }

    /**
     * Synced when the last sync reported no error from a real time source: the local CMOS clock
     * and the free-running clock are what Windows falls back to when it has none.
     */
    static W32tmStatus parseStatus(String text) {
        Matcher error = LAST_SYNC_ERROR.matcher(text);
        if (!error.find()) {
            return W32tmStatus.UNKNOWN;
        }
        Matcher source = SOURCE.matcher(text);
        String src = source.find() ? source.group(1).toLowerCase(Locale.ROOT) : "";
        boolean synced = error.group(1).equals("0") && !src.contains("local cmos clock") && !src.contains("free-running");
        Matcher offset = PHASE_OFFSET.matcher(text);
        Double seconds = synced && offset.find() ? Double.valueOf(offset.group(1).replace(',', '.')) : null;
        return new W32tmStatus(synced, seconds);
    }

    /** NTP, NT5DS (domain hierarchy) and AllSync synchronise; NoSync does not. */
    static Boolean automaticTime(String type) {
        return switch (type.strip().toUpperCase(Locale.ROOT)) {
            case "NTP", "NT5DS", "ALLSYNC" -> true;
            case "NOSYNC" -> false;
            default -> null;
        };
    }

    /** tzautoupdate runs on demand (3) when "set time zone automatically" is on, and is disabled (4) when off. */
    static Boolean automaticZone(String start) {
        return switch (start.strip().toLowerCase(Locale.ROOT)) {
            case "0x3" -> true;
            case "0x4" -> false;
            default -> null;
        };
    }
}
