package io.wudoctor.internal.gather.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.facts.OsInfo;
import io.wudoctor.internal.gather.offline.hive.RegistryHive;
import io.wudoctor.testing.TestFiles;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The OS from a SOFTWARE hive's CurrentVersion key (hives written by hivex with a real machine's values). */
class WindowsVersionKeyTest {

    private static Optional<OsInfo> fromHive(String name) {
        RegistryHive hive = RegistryHive.of(TestFiles.bytes(TestFiles.resource("constructed/hives/" + name)));
        return WindowsVersionKey.read(hive, "C:\\Windows\\System32\\config\\SOFTWARE");
    }

    @Test
    void windows10NamesBuildUbrAndRelease() {
        OsInfo os = fromHive("software-win10-1909-18363.720-powershell-one.hiv").orElseThrow();

        assertThat(os).isEqualTo(new OsInfo("Windows 10 Pro", "1909", "18363.720",
                "C:\\Windows\\System32\\config\\SOFTWARE: Microsoft\\Windows NT\\CurrentVersion"));
        assertThat(os.isServer()).isFalse();
    }

    @Test
    void server2008R2HasNoUbrAndNamesItsServicePack() {
        OsInfo os = fromHive("software-server2008r2-sp1-7601.hiv").orElseThrow();

        assertThat(os.build()).isEqualTo("7601");
        assertThat(os.edition()).isEqualTo("Windows Server 2008 R2 Standard");
        assertThat(os.version()).isEqualTo("Service Pack 1");
        assertThat(os.isServer()).isTrue();
        assertThat(os.majorBuild()).isLessThan(OsInfo.WINDOWS_8);
    }

    @Test
    void aHiveWithoutTheKeyShowsNoOs() {
        RegistryHive system = RegistryHive.of(TestFiles.bytes(TestFiles.resource("constructed/hives/minimal-empty.hiv")));

        assertThat(WindowsVersionKey.read(system, "SOFTWARE")).isEmpty();
    }

    private static Optional<OsInfo> of(Map<String, String> strings, Map<String, Integer> dwords) {
        return WindowsVersionKey.of(n -> Optional.ofNullable(strings.get(n)), n -> Optional.ofNullable(dwords.get(n)), "test");
    }

    @Test
    void windows11KeepsWindows10InItsProductNameAndIsNamedRight() {
        OsInfo os = of(Map.of("CurrentBuild", "22631", "ProductName", "Windows 10 Pro", "InstallationType", "Client",
                "DisplayVersion", "23H2"), Map.of("UBR", 2861)).orElseThrow();

        assertThat(os.edition()).isEqualTo("Windows 11 Pro");
        assertThat(os.version()).isEqualTo("23H2");
        assertThat(os.build()).isEqualTo("22631.2861");
        assertThat(os.isWindows11()).isTrue();
        // a server of the same era is not renamed
        assertThat(of(Map.of("CurrentBuild", "25398", "ProductName", "Windows Server 2022 Datacenter",
                "InstallationType", "Server Core"), Map.of()).orElseThrow().edition()).isEqualTo("Windows Server 2022 Datacenter");
    }

    @Test
    void withoutANumericBuildTheOsIsUnknownAndWithoutAReleaseTheFamilyIsNamed() {
        assertThat(of(Map.of("CurrentBuildNumber", "n/a", "ProductName", "Windows 10 Pro"), Map.of())).isEmpty();
        assertThat(of(Map.of("CurrentBuild", "9600"), Map.of()).orElseThrow())
                .extracting(OsInfo::edition, OsInfo::version, OsInfo::build)
                .containsExactly(null, "Windows 8.1 / Server 2012 R2", "9600");
    }
}
