package io.wudoctor.internal.gather.offline;

import io.wudoctor.facts.LogKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Windows keeps the logs wudoctor reads, relative to the system drive, and where a bundle
 * keeps its event-log exports (see docs/bundle.md).
 */
final class LogPlaces {

    /** A log found in a root: the file, the name matches carry and its kind. */
    record FoundLog(Path file, String name, LogKind kind) {
    }

    /** {@code onDrive}: a file of the Windows drive (named C:\...), not an export added by a collector. */
    private record Place(String folder, String glob, LogKind kind, boolean onDrive) {
    }

    /** The folder of event-log exports in a bundle or offline root. */
    static final String EVENTS_FOLDER = "wudoctor/events";

    private static final List<Place> PLACES = List.of(
            new Place("Windows/Logs/CBS", "CBS.log", LogKind.CBS, true),
            new Place("Windows/Logs/CBS", "CbsPersist_*.log", LogKind.CBS, true), // rotated; older ones are .cab: cabinets()
            new Place("Windows/Logs/CBS", "CheckSUR.log", LogKind.CBS, true), // System Update Readiness tool (Windows 7)
            new Place("Windows/Logs/CBS", "CheckSUR.persist.log", LogKind.CBS, true),
            new Place("Windows", "WindowsUpdate.log", LogKind.WINDOWSUPDATE, true), // legacy, or decoded by Get-WindowsUpdateLog
            new Place("Windows/SoftwareDistribution", "ReportingEvents.log", LogKind.WINDOWSUPDATE, true),
            new Place("$WINDOWS.~BT/Sources/Panther", "setupact.log", LogKind.SETUPACT, true),
            new Place("$WINDOWS.~BT/Sources/Panther", "setuperr.log", LogKind.SETUPERR, true),
            new Place("$Windows.~WS/Sources/Panther", "setupact.log", LogKind.SETUPACT, true), // media-creation upgrades
            new Place("$Windows.~WS/Sources/Panther", "setuperr.log", LogKind.SETUPERR, true),
            new Place("Windows/Panther", "setupact.log", LogKind.SETUPACT, true),
            new Place("Windows/Panther", "setuperr.log", LogKind.SETUPERR, true),
            new Place("$WINDOWS.~BT/Sources/Rollback", "setupact.log", LogKind.SETUPACT, true), // a rolled-back upgrade
            new Place("$WINDOWS.~BT/Sources/Rollback", "setuperr.log", LogKind.SETUPERR, true),
            new Place("Windows/INF", "setupapi.dev.log", LogKind.SETUPAPI, true),
            new Place("Windows/Logs/DISM", "dism.log", LogKind.DISM, true),
            new Place(EVENTS_FOLDER, "*.xml", LogKind.EVENTLOG, false),
            new Place(EVENTS_FOLDER, "*.txt", LogKind.EVENTLOG, false));

    private LogPlaces() {
    }

    static List<FoundLog> find(WindowsRoot root) {
        List<FoundLog> found = new ArrayList<>();
        for (Place place : PLACES) {
            for (Path file : root.files(place.folder(), place.glob())) {
                String name = place.onDrive() ? root.windowsPath(file) : root.relativeName(file);
                found.add(new FoundLog(file, name, place.kind()));
            }
        }
        return found;
    }

    /** Rotated CBS logs Windows compressed (CbsPersist_*.cab), read by {@link CabinetLogs}. */
    static List<FoundLog> cabinets(WindowsRoot root) {
        return root.files("Windows/Logs/CBS", "CbsPersist_*.cab").stream()
                .map(f -> new FoundLog(f, root.windowsPath(f), LogKind.CBS)).toList();
    }

    /**
     * Binary event logs of a mounted image that hold what the rules read (Windows Update client
     * and Service Control Manager events): not read - no Java library reads .evtx - but named,
     * with how to export them as XML.
     */
    static List<String> binaryEventLogs(WindowsRoot root) {
        List<String> found = new ArrayList<>();
        for (String log : List.of("System.evtx", "Microsoft-Windows-WindowsUpdateClient%4Operational.evtx")) {
            root.files("Windows/System32/winevt/Logs", log).stream().map(root::windowsPath).forEach(found::add);
        }
        return found;
    }

    /** The places of the system drive that are read, as {@code folder/glob} ({@code Windows/Logs/CBS/CBS.log}); the collector script's list must hold them all. */
    static List<String> drivePatterns() {
        return PLACES.stream().filter(Place::onDrive).map(p -> p.folder() + "/" + p.glob()).toList();
    }

    /** The places searched, for messages. */
    static String describe() {
        return "Windows/Logs/CBS/CBS.log, Windows/WindowsUpdate.log, $WINDOWS.~BT/Sources/Panther/setupact.log, "
                + "Windows/Panther/setupact.log, Windows/Logs/DISM/dism.log, Windows/INF/setupapi.dev.log, "
                + EVENTS_FOLDER + "/*.xml ...";
    }
}
