package io.wudoctor.internal.gather.live;

import io.wudoctor.api.BadInputException;
import io.wudoctor.api.GatherListener;
import io.wudoctor.facts.EventRecord;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.LogKind;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.internal.gather.offline.EventExports;
import io.wudoctor.internal.gather.offline.LogFiles;
import io.wudoctor.internal.gather.offline.OfflineRootCollector;
import io.wudoctor.internal.gather.scan.SignatureSet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Gathers the facts of the Windows machine wudoctor runs on: the system drive's logs and paths
 * (read as an offline root), then disk space, time, services, registry keys, uptime and pending
 * restart, and WindowsUpdateClient events, each through the command runner. A collector that
 * fails leaves its facts unknown and says so; it never stops the others.
 */
public final class LiveCollector {

    /** Said when live collection is asked for where it cannot run. */
    public static final String NOT_WINDOWS = "live collection runs on Windows only; pass what to read instead: "
            + "a folder laid out like a Windows system drive (a mounted image, /mnt/c under WSL, an unpacked bundle), "
            + "a bundle .zip made by scripts/Collect-WudoctorEvidence.ps1, or a facts file";

    private final CommandRunner runner;
    private final String drive;
    private final Path systemDrive;
    private final SignatureSet signatures;
    private final GatherListener listener;

    /**
     * @param drive       the system drive's letter, {@code C:}
     * @param systemDrive where its files are read
     */
    public LiveCollector(CommandRunner runner, String drive, Path systemDrive, SignatureSet signatures, GatherListener listener) {
        this.runner = runner;
        this.drive = drive;
        this.systemDrive = systemDrive;
        this.signatures = signatures;
        this.listener = listener;
    }

    /** A collector for this machine: real processes and its system drive. */
    public static LiveCollector onThisMachine(SignatureSet signatures, GatherListener listener) {
        String drive = Optional.ofNullable(System.getenv("SystemDrive")).orElse("C:");
        return new LiveCollector(new ProcessCommandRunner(), drive, Path.of(drive + "\\"), signatures, listener);
    }

    public static boolean supported() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    public Facts collect() {
        Facts files = new OfflineRootCollector(signatures, listener).collectDrive(systemDrive, drive);
        List<LogMatch> matches = new ArrayList<>(files.logMatches());
        List<EventRecord> events = new ArrayList<>();
        Optional<String> eventXml = new EventCollector(runner).collect();
        String name = "System event log (WindowsUpdateClient, Service Control Manager)";
        try {
            events.addAll(EventExports.parseXml(eventXml.orElseThrow(() -> new BadInputException("Get-WinEvent failed")), name));
            byte[] bytes = eventXml.get().getBytes(StandardCharsets.UTF_8);
            matches.addAll(new LogFiles(signatures, listener).scan(new ByteArrayInputStream(bytes), name, bytes.length, LogKind.EVENTLOG));
        } catch (BadInputException e) {
            listener.warning("could not read the System event log (" + e.getMessage() + "); events are unknown");
        }
        SystemCollector.Result system = new SystemCollector(runner).collect();
        return Facts.builder().os(system.os())
                .disk(new DiskCollector(runner).collect(drive).orElse(null))
                .time(new TimeCollector(runner).collect().orElse(null))
                .system(system.system())
                .services(new ServiceCollector(runner, listener::warning).collect())
                .paths(files.paths())
                .registry(new RegistryCollector(runner, listener::warning).collect(matches))
                .logMatches(matches).events(events).build();
    }
}
