package io.wudoctor.internal.gather.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wudoctor.api.BadInputException;
import io.wudoctor.internal.gather.bundle.BundleUnpacker;
import io.wudoctor.internal.gather.bundle.UnpackedBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Any bytes given as a bundle are unpacked inside their folder or refused with a BadInputException. */
class ZipReaderFuzzTest {

    private static final Path WORK = work();

    private static Path work() {
        try {
            return Files.createTempDirectory("wudoctor-zip-fuzz-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void anyBytesAreUnpackedSafelyOrRefused(byte[] data) throws IOException {
        Path zip = Files.write(WORK.resolve("b.zip"), data);
        Path parent = Files.createDirectories(WORK.resolve("out"));
        try (UnpackedBundle b = new BundleUnpacker(new BundleUnpacker.Limits(100, 1 << 20)).unpack(zip, parent)) {
            assertThat(b.root().normalize()).startsWith(parent);
        } catch (BadInputException expected) {
            // refused with a message: the contract
        }
        try (var left = Files.list(parent)) {
            assertThat(left).as("nothing left behind").isEmpty();
        }
    }
}
