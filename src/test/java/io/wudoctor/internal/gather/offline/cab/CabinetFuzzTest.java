package io.wudoctor.internal.gather.offline.cab;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;

/**
 * Any bytes given as a cabinet (a CbsPersist_*.cab) are read to their end or refused with a
 * {@link CabFormatException}: never another exception, a member never longer than it says.
 * Seed: the gcab-made cabinet.
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
}
