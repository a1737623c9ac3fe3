package io.wudoctor.internal.gather.offline;

import io.wudoctor.api.BadInputException;
import io.wudoctor.api.GatherListener;
import io.wudoctor.facts.EventRecord;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.LogKind;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.facts.OsInfo;
import io.wudoctor.facts.PathState;
import io.wudoctor.facts.RegistryKey;
import io.wudoctor.facts.ServiceState;
import io.wudoctor.facts.SystemState;
import io.wudoctor.internal.gather.factsfile.FactsReader;
import io.wudoctor.internal.gather.infer.IncidentInference;
import io.wudoctor.internal.gather.infer.OsInference;
import io.wudoctor.internal.gather.scan.SignatureSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Gathers facts from a folder laid out like a Windows system drive: log matches from the logs
 * at their standard places, events from exports, path states when the folder is a whole drive
 * (in a partial copy a missing folder proves nothing), service start types, service keys, the
 * restart state and the OS from its registry hives, the incident (and the OS, without a hive) the evidence shows, and
 * the folder's own {@code facts.yaml} laid over them for what files cannot show (time,
 * environment, the incident as the person states it).
 */
public final class OfflineRootCollector {

    /** The facts file an offline root or bundle may carry at its top. */
    public static final String FACTS_FILE = "facts.yaml";

    private final SignatureSet signatures;
    private final GatherListener listener;

    public OfflineRootCollector(SignatureSet signatures, GatherListener listener) {
        this.signatures = signatures;
        this.listener = listener;
    }

    /** @throws BadInputException when the folder holds none of what wudoctor reads, or a bad facts.yaml */
    public Facts collect(Path dir) {
        return collect(dir, Path::toString);
    }

    /**
     * Like {@link #collect(Path)}; {@code shown} names the folder and the files in it in messages
     * (an unpacked bundle's temporary folder means nothing to the person who passed the zip).
     */
    public Facts collect(Path dir, Function<Path, String> shown) {
        WindowsRoot root = new WindowsRoot(dir, WindowsRoot.DEFAULT_DRIVE, listener);
        Optional<Path> factsFile = root.find(FACTS_FILE).filter(Files::isRegularFile);
        List<LogPlaces.FoundLog> logs = LogPlaces.find(root);
        if (logs.isEmpty() && LogPlaces.cabinets(root).isEmpty() && factsFile.isEmpty() && !root.isWholeDrive()) {
            throw new BadInputException(shown.apply(dir) + ": found nothing to read: not a Windows system drive (no "
                    + "Windows/System32/config), no logs at their standard places (" + LogPlaces.describe() + ") and no "
                    + FACTS_FILE);
        }
        CollectorNote.warnings(root).forEach(listener::warning);
        if (logs.stream().noneMatch(l -> l.kind() == LogKind.EVENTLOG)) {
            LogPlaces.binaryEventLogs(root).forEach(evtx -> listener.warning(evtx + ": a binary event log, not read (no Java "
                    + "library reads .evtx): on Windows export it as XML - wevtutil qe \"" + evtx + "\" /lf:true /f:xml > "
                    + LogPlaces.EVENTS_FOLDER.replace('/', '\\') + "\\" + evtx.substring(evtx.lastIndexOf('\\') + 1)
                    .replace(".evtx", ".xml") + " in the root (with the image's drive letter) - and run again"));
        }
        Facts found = collectFiles(root, logs, true);
        return factsFile.map(f -> overlay(found, FactsReader.read(f, shown.apply(f)))).orElse(found);
    }

    /** True when {@link #collect} would find something to read in {@code dir}. */
    public static boolean hasEvidence(Path dir) {
        WindowsRoot root = new WindowsRoot(dir, WindowsRoot.DEFAULT_DRIVE);
        return root.find(FACTS_FILE).filter(Files::isRegularFile).isPresent() || !LogPlaces.find(root).isEmpty()
                || !LogPlaces.cabinets(root).isEmpty()
                || root.isWholeDrive();
    }

    /**
     * The facts the files of a system drive show, without reading a facts.yaml: for the live
     * machine, whose drive {@code letter} (C:) its paths carry.
     */
    public Facts collectDrive(Path drive, String letter) {
        WindowsRoot root = new WindowsRoot(drive, letter);
        return collectFiles(root, LogPlaces.find(root), false); // a running Windows holds its hives open
    }

    private Facts collectFiles(WindowsRoot root, List<LogPlaces.FoundLog> logs, boolean readHives) {
        LogFiles scanner = new LogFiles(signatures, listener);
        List<LogMatch> matches = new ArrayList<>(CabinetLogs.scan(LogPlaces.cabinets(root), scanner, listener));
        List<EventRecord> events = new ArrayList<>();
        for (LogPlaces.FoundLog log : logs) {
            try {
                long size = Files.size(log.file());
                matches.addAll(scanner.scan(Files.newInputStream(log.file()), log.name(), size, log.kind()));
            } catch (IOException e) {
                listener.warning(log.name() + ": cannot read the log: " + e.getMessage());
            }
            if (log.kind() == LogKind.EVENTLOG) {
                events.addAll(EventExports.read(log.file(), log.name()));
            }
        }
        List<PathState> paths = root.isWholeDrive() ? PathFacts.derive(root, matches) : List.of();
        HiveFacts.Result hives = readHives ? HiveFacts.read(root, matches, listener) : HiveFacts.Result.NONE;
        Optional<SystemState> pending = PendingRestart.of(root)
                .or(() -> hives.pendingRestart().map(p -> new SystemState(null, p)));
        // The registry states the installed OS; log headers are the fallback (a partial copy has no hive).
        OsInfo os = hives.os().or(() -> OsInference.infer(matches)).orElse(null);
        Facts files = Facts.builder().os(os).system(pending.orElse(null)).services(hives.services()).paths(paths)
                .registry(hives.registry()).logMatches(matches).events(events).build();
        // What the evidence shows of the failure itself; a facts.yaml's incident, laid over later, wins.
        return IncidentInference.infer(files).map(i -> files.overlay(Facts.of(i))).orElse(files);
    }

    /** {@code found} with {@code file} laid over it; a path or key the file states replaces the one found. */
    static Facts overlay(Facts found, Facts file) {
        List<PathState> paths = found.paths().stream()
                .filter(p -> file.paths().stream().noneMatch(q -> q.is(p.path()))).toList();
        List<RegistryKey> keys = found.registry().stream()
                .filter(k -> file.registry().stream().noneMatch(q -> q.is(k.key()))).toList();
        List<ServiceState> services = found.services().stream()
                .filter(v -> file.services().stream().noneMatch(q -> q.name().equals(v.name()))).toList();
        Facts trimmed = found.toBuilder().services(services).paths(paths).registry(keys).build();
        return trimmed.overlay(file);
    }
}
