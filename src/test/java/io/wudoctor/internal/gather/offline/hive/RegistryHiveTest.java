package io.wudoctor.internal.gather.offline.hive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wudoctor.testing.TestFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The hive reader on a real SYSTEM hive (Windows 7 32-bit, regipy's test data; see
 * src/test/resources/real-hives/SOURCES.md). Expected values are regipy's own validation results
 * for the same file where it has them (code page, computer names), else Windows 7's defaults.
 */
class RegistryHiveTest {

    static byte[] windows7System() {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(TestFiles.resource("real-hives/regipy-system-win7-32bit.gz")))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final RegistryHive HIVE = RegistryHive.of(windows7System());

    @Test
    void valuesRegipyReadsFromTheSameHive() {
        assertThat(HIVE.find("ControlSet001\\Control\\Nls\\CodePage").flatMap(k -> k.string("ACP"))).contains("1252");
        assertThat(HIVE.find("controlset002\\control\\nls\\codepage").flatMap(k -> k.string("acp"))).contains("1252");
        assertThat(HIVE.find("ControlSet001\\Control\\ComputerName\\ComputerName").flatMap(k -> k.string("ComputerName")).orElseThrow())
                .isIn("WKS-WIN732BITA", "WIN-V5T3CSP8U4H");
    }

    @Test
    void windows7sDefaultStartTypesOfTheUpdateServices() {
        int current = HIVE.find("Select").flatMap(k -> k.dword("Current")).orElseThrow();
        String services = String.format("ControlSet%03d\\Services\\", current);

        assertThat(HIVE.find(services + "wuauserv").flatMap(k -> k.dword("Start"))).contains(2);
        assertThat(HIVE.find(services + "wuauserv").flatMap(k -> k.dword("DelayedAutostart"))).contains(1);
        assertThat(HIVE.find(services + "TrustedInstaller").flatMap(k -> k.dword("Start"))).contains(3);
        assertThat(HIVE.find(services + "msiserver").flatMap(k -> k.dword("Start"))).contains(3);
        assertThat(HIVE.find(services + "CryptSvc").flatMap(k -> k.dword("Start"))).contains(2);
        assertThat(HIVE.find(services + "wuauserv").flatMap(k -> k.string("ImagePath")).orElseThrow())
                .containsIgnoringCase("svchost.exe -k netsvcs");
        assertThat(HIVE.find(services + "no-such-service")).isEmpty();
        assertThat(HIVE.find(services).orElseThrow().subkeyNames()).hasSizeGreaterThan(200).contains("wuauserv");
    }

    @Test
    void aCutOrDamagedHiveIsAFormatErrorNotAWrongAnswer() {
        byte[] real = windows7System();
        RegistryHive cut = RegistryHive.of(Arrays.copyOf(real, 64 * 1024));
        assertThatThrownBy(() -> cut.find("ControlSet001\\Services\\wuauserv")).isInstanceOf(HiveFormatException.class);

        byte[] notAHive = Arrays.copyOf(real, real.length);
        notAHive[0] = 'X';
        assertThatThrownBy(() -> RegistryHive.of(notAHive)).isInstanceOf(HiveFormatException.class).hasMessageContaining("regf");

        byte[] badRoot = Arrays.copyOf(real, real.length);
        badRoot[0x24] = (byte) 0xF0;
        badRoot[0x27] = 0x7F;
        assertThatThrownBy(() -> RegistryHive.of(badRoot).root()).isInstanceOf(HiveFormatException.class);
    }
}
