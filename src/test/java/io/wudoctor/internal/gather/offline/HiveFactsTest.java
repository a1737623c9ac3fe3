package io.wudoctor.internal.gather.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wudoctor.TestRules;
import io.wudoctor.api.GatherListener;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.RegistryKey;
import io.wudoctor.facts.ServiceState;
import io.wudoctor.facts.ServiceStatus;
import io.wudoctor.facts.StartType;
import io.wudoctor.testing.Roots;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mounted image's SYSTEM hive (real, Windows 7 32-bit) gives service start types and service keys. */
class HiveFactsTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private Facts collect() {
        return new OfflineRootCollector(TestRules.signatures(), new GatherListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        }).collect(dir);
    }

    private static byte[] realSystemHive() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                io.wudoctor.testing.TestFiles.resource("real-hives/regipy-system-win7-32bit.gz")))) {
            return in.readAllBytes();
        }
    }

    @Test
    void theSystemHiveOfAMountedImageGivesStartTypesAndTheDocumentedServiceKeys() throws IOException {
        Roots.at(dir).file("Windows/System32/config/SYSTEM", realSystemHive())
                .log("Windows/Logs/CBS/CBS.log", "cbs-0x80070002-msdocs-s4-flpydisk-driver-doqe.log");

        Facts facts = collect();

        assertThat(facts.services()).extracting(ServiceState::name, ServiceState::state, ServiceState::startType).contains(
                tuple("wuauserv", ServiceStatus.UNKNOWN, StartType.AUTOMATIC_DELAYED),
                tuple("trustedinstaller", ServiceStatus.UNKNOWN, StartType.MANUAL),
                tuple("cryptsvc", ServiceStatus.UNKNOWN, StartType.AUTOMATIC));
        // A 32-bit Windows 7 with .NET 4: the 32-bit NGEN service, no 64-bit one; the floppy drivers and WIMMount
        assertThat(facts.registry()).extracting(RegistryKey::key, RegistryKey::exists).containsExactly(
                tuple("HKLM\\SYSTEM\\CurrentControlSet\\Services\\clr_optimization_v4.0.30319_32", true),
                tuple("HKLM\\SYSTEM\\CurrentControlSet\\Services\\clr_optimization_v4.0.30319_64", false),
                tuple("HKLM\\SYSTEM\\CurrentControlSet\\Services\\Wimmount", true),
                tuple("HKLM\\SYSTEM\\CurrentControlSet\\Services\\flpydisk", true),
                tuple("HKLM\\SYSTEM\\CurrentControlSet\\Services\\sfloppy", true));
        assertThat(warnings).noneMatch(w -> w.contains("hive"));
    }

    @Test
    void aFactsFileServiceReplacesTheHivesOne() throws IOException {
        Roots.at(dir).file("Windows/System32/config/SYSTEM", realSystemHive())
                .file("facts.yaml", "schemaVersion: 1\nservices:\n  - {name: wuauserv, state: stopped, startType: disabled}\n"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(collect().services()).filteredOn(s -> s.name().equals("wuauserv")).singleElement()
                .extracting(ServiceState::startType).isEqualTo(StartType.DISABLED);
    }

    @Test
    void aBrokenHiveLeavesServicesUnknownWithAWarning() throws IOException {
        byte[] cut = java.util.Arrays.copyOf(realSystemHive(), 64 * 1024);
        Roots.at(dir).file("Windows/System32/config/SYSTEM", cut)
                .file("Windows/System32/config/SOFTWARE", "not a hive".getBytes(StandardCharsets.UTF_8));

        Facts facts = collect();

        assertThat(facts.services()).isEmpty();
        assertThat(facts.registry()).isEmpty();
        assertThat(facts.system()).isNull();
        assertThat(warnings).anyMatch(w -> w.startsWith("C:\\Windows\\System32\\config\\SYSTEM: not a valid registry hive"))
                .anyMatch(w -> w.startsWith("C:\\Windows\\System32\\config\\SOFTWARE: cannot read the registry hive"));
    }
}
