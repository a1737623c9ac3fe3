package io.wudoctor.internal.gather.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wudoctor.TestRules;
import io.wudoctor.api.GatherListener;
import io.wudoctor.facts.EventRecord;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.facts.PathState;
import io.wudoctor.facts.RegistryKey;
import io.wudoctor.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole live collection on a fake machine: a system drive in a temporary folder and recorded command outputs. */
class LiveCollectorTest {

    @TempDir
    Path drive;

    private final List<String> warnings = new ArrayList<>();
    private final GatherListener listener = new GatherListener() {
        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    };

    private FakeRunner machine() {
        return machine(TestFiles.constructed("event-system-20-rendered.xml"));
    }

    private FakeRunner machine(byte[] events) {
        String services = RegistryCollector.SERVICES_KEY;
        return new FakeRunner()
                .powershell("Get-WinEvent", 0, events)
                .powershell("Get-Service", 0, TestFiles.constructed("get-service-json-update-services.json"))
                .powershell("Win32_LogicalDisk", 0, TestFiles.constructed("cim-logicaldisk-c.json"))
                .powershell("Win32_OperatingSystem", 0, TestFiles.constructed("system-state.json"))
                .command(List.of("w32tm.exe"), 0, "w32tm-query-status-verbose-linuxfabrik-EXAMPLE02-unsynced-no-time-data-time-windows.txt")
                .command(List.of("reg.exe", "query", TimeCollector.W32TIME_PARAMETERS), 0,
                        TestFiles.constructed("reg-query-w32time-parameters-type-ntp.txt"))
                .command(List.of("reg.exe", "query", services + "flpydisk"), 1, new byte[0])
                .command(List.of("reg.exe", "query", services + "sfloppy"), 1, new byte[0])
                .command(List.of("reg.exe", "query", services + "Wimmount"), 7, new byte[0]) // an odd failure: unknown
                .command(List.of("reg.exe", "query"), 0, new byte[0]);
    }

    @Test
    void serviceControlManagerEventsComeWithTheUpdateClientsAndNameTheirService() throws IOException {
        byte[] scm = Files.readAllBytes(TestFiles.realLog("event-system-7040-scm-bits-auto-to-demand-win11.xml"));
        byte[] wu = TestFiles.constructed("event-system-20-rendered.xml");
        byte[] both = new byte[wu.length + scm.length];
        System.arraycopy(wu, 0, both, 0, wu.length);
        System.arraycopy(scm, 0, both, wu.length, scm.length);
        FakeRunner runner = machine(both);

        Facts facts = new LiveCollector(runner, "C:", drive, TestRules.signatures(), listener).collect();

        assertThat(facts.events()).extracting(EventRecord::id, EventRecord::service)
                .containsExactly(tuple(20, null), tuple(19, null), tuple(7040, "bits"));
        assertThat(EventCollector.SCRIPT).contains("ProviderName = 'Service Control Manager'; Id = 7000,7001,7009,7011,7023,7024,7031,7034,7040");
    }

    @Test
    void gathersEveryKindOfFactFromTheMachine() throws IOException {
        Files.createDirectories(drive.resolve("Windows/System32/config"));
        Files.createDirectories(drive.resolve("Windows/Logs/CBS"));
        Files.copy(TestFiles.realLog("cbs-0x80070002-msdocs-s4-flpydisk-driver-doqe.log"), drive.resolve("Windows/Logs/CBS/CBS.log"));

        Facts facts = new LiveCollector(machine(), "C:", drive, TestRules.signatures(), listener).collect();

        assertThat(facts.logMatches()).extracting(LogMatch::signature, LogMatch::file, LogMatch::line).containsExactly(
                tuple("cbs-driver-install-result-2-inf", "C:\\Windows\\Logs\\CBS\\CBS.log", 1L),
                tuple("cbs-doqe-failed-installing-driver-updates", "C:\\Windows\\Logs\\CBS\\CBS.log", 2L),
                tuple("eventlog-wuclient-event20-install-failure-80070002",
                        "System event log (WindowsUpdateClient, Service Control Manager)", 1L));
        assertThat(facts.events()).extracting(EventRecord::id, EventRecord::code, EventRecord::kb)
                .containsExactly(tuple(20, "0x80070002", "KB4586793"), tuple(19, null, "KB2267602"));
        assertThat(facts.services()).hasSize(6);
        assertThat(facts.disk().freeBytes()).isEqualTo(9_556_733_952L);
        assertThat(facts.time().synced()).isFalse();
        assertThat(facts.time().automaticTime()).isTrue();
        assertThat(facts.time().automaticTimeZone()).isNull();
        assertThat(facts.system().pendingRestart()).isTrue();
        assertThat(facts.os().isWindows11()).isTrue();
        assertThat(facts.registry()).extracting(RegistryKey::key, RegistryKey::exists).containsExactly(
                tuple("HKLM\\SYSTEM\\CurrentControlSet\\Services\\clr_optimization_v4.0.30319_32", true),
                tuple("HKLM\\SYSTEM\\CurrentControlSet\\Services\\clr_optimization_v4.0.30319_64", true),
                tuple("HKLM\\SYSTEM\\CurrentControlSet\\Services\\flpydisk", false),
                tuple("HKLM\\SYSTEM\\CurrentControlSet\\Services\\sfloppy", false));
        assertThat(facts.paths()).extracting(PathState::path).contains("C:\\Windows\\System32\\drivers\\wimmount.sys");
        assertThat(warnings).singleElement().asString().contains("Services\\Wimmount", "unknown");
    }

    @Test
    void commandsThatCannotRunLeaveFactsUnknownWithWarnings() throws IOException {
        Files.createDirectories(drive.resolve("Windows/System32/config"));

        Facts facts = new LiveCollector(new FakeRunner(), "C:", drive, TestRules.signatures(), listener).collect();

        assertThat(facts.disk()).isNull();
        assertThat(facts.time()).isNull();
        assertThat(facts.system()).isNull();
        assertThat(facts.registry()).isEmpty();
        assertThat(facts.events()).isEmpty();
        assertThat(facts.services()).allSatisfy(s -> assertThat(s.state()).hasToString("UNKNOWN"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("event log"));
    }

    @Test
    void garbledEventOutputIsAWarningNotAFailure() throws IOException {
        Files.createDirectories(drive.resolve("Windows/System32/config"));
        FakeRunner runner = new FakeRunner().powershell("Get-WinEvent", 0,
                "Get-WinEvent : The specified channel could not be found.\r\n<Event><broken".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Facts facts = new LiveCollector(runner, "C:", drive, TestRules.signatures(), listener).collect();

        assertThat(facts.events()).isEmpty();
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("could not read the System event log", "not valid event XML"));
    }

    /** A command as run, a PowerShell script named by the cmdlet or class it queries. */
    private static String commandLine(List<String> argv) {
        String script = FakeRunner.script(argv);
        if (script.isEmpty()) {
            return String.join(" ", argv);
        }
        return argv.get(0) + " " + Stream.of("Get-WinEvent", "Win32_OperatingSystem", "Win32_LogicalDisk", "Get-Service")
                .filter(script::contains).findFirst().orElse(script);
    }

    @Test
    void onlyQueriesAreRun() throws IOException {
        Files.createDirectories(drive.resolve("Windows/System32/config"));
        FakeRunner runner = machine();

        new LiveCollector(runner, "C:", drive, TestRules.signatures(), listener).collect();

        String services = "reg.exe query " + RegistryCollector.SERVICES_KEY;
        assertThat(runner.calls).extracting(LiveCollectorTest::commandLine).containsExactlyInAnyOrder(
                "powershell.exe Get-WinEvent", "powershell.exe Win32_OperatingSystem", "powershell.exe Win32_LogicalDisk",
                "powershell.exe Get-Service",
                "reg.exe query HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired",
                "w32tm.exe /query /status /verbose",
                "reg.exe query " + TimeCollector.W32TIME_PARAMETERS + " /v Type",
                services + "tzautoupdate /v Start",
                services + "clr_optimization_v4.0.30319_32", services + "clr_optimization_v4.0.30319_64",
                services + "Wimmount", services + "flpydisk", services + "sfloppy");
        for (List<String> argv : runner.calls) {
            String command = argv.get(0) + " " + (argv.size() > 1 ? argv.get(1) : "") + " " + FakeRunner.script(argv);
            assertThat(command).doesNotContainIgnoringCase("Set-").doesNotContainIgnoringCase("Stop-")
                    .doesNotContainIgnoringCase("Remove-").doesNotContain(" add ").doesNotContain(" delete ")
                    .doesNotContain(" config ").doesNotContain(" stop ").doesNotContain(" start ");
        }
    }
}
