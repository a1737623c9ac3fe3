package io.wudoctor.internal.gather.factsfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.facts.AttemptedFix;
import io.wudoctor.facts.DiskSpace;
import io.wudoctor.facts.Environment;
import io.wudoctor.facts.EventRecord;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.Incident;
import io.wudoctor.facts.LogKind;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.facts.OsInfo;
import io.wudoctor.facts.Outcome;
import io.wudoctor.facts.PathState;
import io.wudoctor.facts.RegistryKey;
import io.wudoctor.facts.ServiceState;
import io.wudoctor.facts.ServiceStatus;
import io.wudoctor.facts.StartType;
import io.wudoctor.facts.Surface;
import io.wudoctor.facts.SystemState;
import io.wudoctor.facts.TimeSync;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactsWriterTest {

    /** Every kind of fact, with text that YAML could misread: numbers, booleans, quotes, colons, '#'. */
    @Test
    void everyFactReadsBackEqual() throws ReflectiveOperationException {
        Facts facts = Facts.builder()
                .incident(new Incident(Surface.CUMULATIVE_UPDATE, "0x80070002", "KB4586793", "C:\\Users\\a b\\file #1.txt"))
                .os(new OsInfo("Windows Server 2016 Datacenter", "1607", "14393.3986"))
                .disk(new DiskSpace("C:", 0, 254_721_126_400L))
                .time(new TimeSync(-0.5, true, false, null))
                .system(new SystemState(412.37519, null))
                .environment(new Environment(true, null, false, null, null, true))
                .services(List.of(new ServiceState("wuauserv", ServiceStatus.STOPPED, StartType.DISABLED, false),
                        new ServiceState("bits", ServiceStatus.START_PENDING, StartType.AUTOMATIC_DELAYED, null)))
                .paths(List.of(new PathState("C:\\Windows\\SoftwareDistribution", true, false), new PathState("C:\\x: y", false, null)))
                .registry(List.of(new RegistryKey("HKLM\\SYSTEM\\CurrentControlSet\\Services\\flpydisk", false)))
                .logMatches(List.of(new LogMatch(LogKind.CBS, "s", "C:\\Windows\\Logs\\CBS\\CBS.log", 42L, "2016-09-28 04:30:30",
                        "Error CSI 000000fc (F) Failed in StartService for [30]\"clr\" with error code 2 # not a comment: 'quoted'",
                        Map.of("service", "true", "n", "0123", "empty", ""), 1000)))
                .events(List.of(new EventRecord("System", "Microsoft-Windows-WindowsUpdateClient", 20, "2020-11-20T03:04:05Z", "KB1",
                        "0x80070002", "line one\nline two: yes")))
                .attemptedFixes(List.of(new AttemptedFix("reset-update-cache", Outcome.FAILED, "yesterday"))).build();

        // by name, a new fact field could be left out unnoticed: every component must be set
        for (var c : Facts.class.getRecordComponents()) {
            assertThat(c.getAccessor().invoke(facts)).as(c.getName()).isNotNull().isNotEqualTo(List.of());
        }

        String yaml = FactsWriter.write(facts, "a header\nof two lines");

        assertThat(yaml).startsWith("# a header\n# of two lines\nschemaVersion: 1\n");
        assertThat(yaml).doesNotContain("fileNotFound", "disabled: ", "server", "windows11");
        assertThat(FactsReader.parse("written.yaml", yaml)).isEqualTo(facts);
    }

    @Test
    void emptyFactsAreJustTheSchemaVersion() {
        Facts empty = Facts.builder().build();

        assertThat(FactsWriter.write(empty, "h")).isEqualTo("# h\nschemaVersion: 1\n");
    }
}
