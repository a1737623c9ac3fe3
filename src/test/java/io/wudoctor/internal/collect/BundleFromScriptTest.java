package io.wudoctor.internal.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wudoctor.facts.EventRecord;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.facts.RegistryKey;
import io.wudoctor.facts.ServiceState;
import io.wudoctor.facts.ServiceStatus;
import io.wudoctor.facts.StartType;
import io.wudoctor.internal.source.SourceLoader;
import io.wudoctor.testing.Roots;
import io.wudoctor.testing.TestFiles;
import io.wudoctor.testing.Zips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle exactly as scripts/Collect-WudoctorEvidence.ps1 writes it (src/test/resources/bundle-ps1,
 * see its README): its facts.yaml, its event XML and the logs at their places, zipped with the
 * backslash separators of Windows PowerShell 5.1.
 */
class BundleFromScriptTest {

    @TempDir
    Path tmp;

    private Path scriptBundle() throws IOException {
        Path staging = tmp.resolve("staging");
        Path written = TestFiles.resource("bundle-ps1");
        try (Stream<Path> files = Files.walk(written)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.equals("README.md") && !name.equals(".gitattributes")) {
                    Path to = staging.resolve(written.relativize(f).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Roots.at(staging)
                .log("Windows/Logs/CBS/CBS.log", "cbs-0x80070002-msdocs-s4-flpydisk-driver-doqe.log")
                .log("Windows/Logs/DISM/dism.log", "real-dism-log-win11-22621-appostarsi-2023-05-17.log")
                .log("Windows/Panther/setupact.log", "real-setupact-upgrade-user-cancel-0x800704D3-copyleft21-2024-03-28.log");
        return Zips.ofFolder(tmp.resolve("wudoctor-bundle-SERVER01-20201120-091244.zip"), staging, "\\");
    }

    @Test
    void theScriptsBundleGivesItsMeasuredFactsLogMatchesAndEvents() throws IOException {
        Facts facts = SourceLoader.load(scriptBundle());

        assertThat(facts.os().edition()).isEqualTo("Windows Server 2016 Datacenter");
        assertThat(facts.disk().freeBytes()).isEqualTo(41_875_116_032L);
        assertThat(facts.time().synced()).isTrue();
        assertThat(facts.system().pendingRestart()).isFalse();
        assertThat(facts.services()).hasSize(6).contains(
                new ServiceState("bits", ServiceStatus.RUNNING, StartType.AUTOMATIC_DELAYED, null));
        assertThat(facts.registry()).extracting(RegistryKey::key, RegistryKey::exists)
                .contains(tuple("HKLM\\SYSTEM\\CurrentControlSet\\Services\\flpydisk", false));
        // The bundle is a partial copy: its paths are the ones the script measured, none derived.
        assertThat(facts.paths()).hasSize(9);
        assertThat(facts.logMatches()).extracting(LogMatch::signature, LogMatch::file, LogMatch::line)
                .filteredOn(t -> !t.toList().get(0).toString().startsWith("context-")).containsExactly(
                tuple("cbs-driver-install-result-2-inf", "C:\\Windows\\Logs\\CBS\\CBS.log", 1L),
                tuple("cbs-doqe-failed-installing-driver-updates", "C:\\Windows\\Logs\\CBS\\CBS.log", 2L),
                tuple("eventlog-wuclient-event20-install-failure-80070002",
                        "wudoctor\\events\\system-windowsupdateclient.xml", 1L));
        assertThat(facts.logMatches().get(0).captures()).containsEntry("service", "flpydisk");
        assertThat(facts.events()).extracting(EventRecord::id, EventRecord::kb, EventRecord::code)
                .containsExactly(tuple(20, "KB4586793", "0x80070002"), tuple(19, "KB2267602", null));
    }
}
