package io.wudoctor.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wudoctor.internal.gather.offline.cab.CabFormatException;
import io.wudoctor.internal.gather.offline.cab.Cabinet;
import io.wudoctor.internal.gather.offline.hive.HiveFormatException;
import io.wudoctor.internal.gather.offline.hive.RegistryHive;
import java.io.IOException;
import java.io.InputStream;

/**
 * Any bytes given as a cabinet (a CbsPersist_*.cab) or a registry hive (an image's SOFTWARE) are
 * read to their end or refused with the format's own exception: never another exception, a
 * member never longer than it says. Seeds: the gcab-made cabinet and the hivex-made hive.
 */
class CabinetFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyBytesAsACabinetAreReadOrRefused(byte[] data) {
        try {
            Cabinet cabinet = Cabinet.of(data);
            for (Cabinet.Member m : cabinet.members()) {
                long read = 0;
                try (InputStream in = cabinet.open(m)) {
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        read += n;
                    }
                } catch (IOException damaged) {
                    continue; // a damaged member: the contract
                }
                assertThat(read).isLessThanOrEqualTo(m.size());
            }
        } catch (CabFormatException refused) {
            // refused with a message: the contract
        }
    }

    @FuzzTest(maxDuration = "60s")
    void anyBytesAsASoftwareHiveGiveAnOsOrARefusal(byte[] data) {
        try {
            RegistryHive hive = RegistryHive.of(data);
            hive.find("Microsoft\\Windows NT\\CurrentVersion").ifPresent(k -> {
                k.string("ProductName");
                k.string("CurrentBuildNumber");
                k.dword("UBR");
                k.subkeyNames();
            });
        } catch (HiveFormatException refused) {
            // refused with a message: the contract
        }
    }
}
