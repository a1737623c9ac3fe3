package io.wudoctor.testing;

/**
 * Where Windows writes each real log of src/test/resources/real-logs, by its file name, so a test
 * (or bench/RealLogsCount.java) can put it alone in an offline root at its real place. Command
 * outputs (sc, w32tm, fsutil, chkdsk, CSV) are not logs: null.
 */
public final class RealLogPlaces {

    private RealLogPlaces() {
    }

    public static String placeOf(String name) {
        if (name.startsWith("cbs-") || name.startsWith("real-cbs-") || name.startsWith("loghub-windows-2k-cbs.log")) {
            return name.endsWith(".log") ? "Windows/Logs/CBS/CBS.log" : null;
        }
        if (name.contains("setupact")) {
            return "$WINDOWS.~BT/Sources/Panther/setupact.log";
        }
        if (name.contains("setuperr")) {
            return "$WINDOWS.~BT/Sources/Panther/setuperr.log";
        }
        if (name.startsWith("reportingevents-")) {
            return "Windows/SoftwareDistribution/ReportingEvents.log";
        }
        if (name.contains("windowsupdate")) {
            return "Windows/WindowsUpdate.log";
        }
        if (name.startsWith("real-dism-log")) {
            return "Windows/Logs/DISM/dism.log";
        }
        if (name.startsWith("setupapi-dev-")) {
            return "Windows/INF/setupapi.dev.log";
        }
        if (name.startsWith("event-system-")) {
            return "wudoctor/events/" + name;
        }
        return null;
    }
}
