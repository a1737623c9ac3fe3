package io.wudoctor.internal.gather.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.facts.DiskSpace;
import io.wudoctor.facts.OsInfo;
import io.wudoctor.facts.SystemState;
import io.wudoctor.testing.TestFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiskAndSystemCollectorTest {

    @Test
    void diskSpaceFromCim() {
        FakeRunner runner = new FakeRunner().powershell("Win32_LogicalDisk", 0, TestFiles.constructed("cim-logicaldisk-c.json"));

        assertThat(new DiskCollector(runner).collect("C:")).contains(new DiskSpace("C:", 9_556_733_952L, 254_721_126_400L));
    }

    @Test
    void diskSpaceFromFsutilWhenPowerShellFails() {
        FakeRunner runner = new FakeRunner()
                .powershell("Win32_LogicalDisk", 1, new byte[0])
                .command(List.of("fsutil.exe", "volume", "diskfree", "C:"), 0, "fsutil-volume-diskfree-c-rabbitmq-comment.txt");

        assertThat(new DiskCollector(runner).collect("C:")).contains(new DiskSpace("C:", 812_733_878_272L, 1_013_310_287_872L));
    }

    @Test
    void noDiskFactWhenNothingWorks() {
        assertThat(new DiskCollector(new FakeRunner()).collect("C:")).isEmpty();
    }

    @Test
    void uptimeVersionAndPendingRestart() {
        FakeRunner runner = new FakeRunner()
                .powershell("Win32_OperatingSystem", 0, TestFiles.constructed("system-state.json"))
                .command(List.of("reg.exe", "query", SystemCollector.REBOOT_KEYS.get(0)), 1, new byte[0])
                .command(List.of("reg.exe", "query", SystemCollector.REBOOT_KEYS.get(1)), 0, new byte[0]);

        SystemCollector.Result result = new SystemCollector(runner).collect();

        assertThat(result.system()).isEqualTo(new SystemState(412.37519, true));
        assertThat(result.os()).isEqualTo(new OsInfo("Windows 11 Pro", "23H2", "22631.2861"));
    }

    @Test
    void noRestartPendingOnlyWhenBothKeysAreSurelyAbsent() {
        FakeRunner absent = new FakeRunner().command(List.of("reg.exe", "query"), 1, new byte[0]);
        FakeRunner failing = new FakeRunner().command(List.of("reg.exe", "query", SystemCollector.REBOOT_KEYS.get(0)), 1, new byte[0]);

        assertThat(new SystemCollector(absent).collect().system()).isEqualTo(new SystemState(null, false));
        assertThat(new SystemCollector(failing).collect().system()).isNull();
    }
}
