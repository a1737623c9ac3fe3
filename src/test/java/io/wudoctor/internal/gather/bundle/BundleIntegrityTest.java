package io.wudoctor.internal.gather.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wudoctor.api.BadInputException;
import io.wudoctor.testing.Zips;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A zip's headers are checked against its bytes: CRC-32, and sizes before and while unpacking. */
class BundleIntegrityTest {

    @TempDir
    Path dir;

    /** One CBS.log of 1 MiB of 'a': compresses to about a kilobyte. */
    private Path oneEntry() {
        return Zips.write(dir.resolve("b.zip"), Map.of("Windows/Logs/CBS/CBS.log",
                "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII)));
    }

    /** Sets a 4-byte field of the (only) entry's local header and central directory record. */
    private static void patch(Path zip, int localOffset, int centralOffset, int value) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(localOffset, value);
        for (int i = b.length - 22; i >= 0; i--) {
            if (buf.getInt(i) == 0x02014b50) { // central directory file header
                buf.putInt(i + centralOffset, value);
                break;
            }
        }
        Files.write(zip, b);
    }

    private Path unpackParent() throws IOException {
        return Files.createDirectories(dir.resolve("unpack"));
    }

    private void assertNothingLeft(Path parent) throws IOException {
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aWrongCrcIsRefused() throws IOException {
        Path zip = oneEntry();
        patch(zip, 14, 16, 0x12345678);
        Path parent = unpackParent();
        assertThatThrownBy(() -> new BundleUnpacker(BundleUnpacker.Limits.DEFAULT).unpack(zip, parent))
                .isInstanceOf(BadInputException.class).hasMessageContaining("CRC-32");
        assertNothingLeft(parent);
    }

    @Test
    void aBombThatDeclaresItsSizeWritesNothing() throws IOException {
        Path zip = oneEntry();
        Path parent = unpackParent();
        // a limit below the declared 1 MiB: refused from the headers alone, before any byte is written
        assertThatThrownBy(() -> new BundleUnpacker(new BundleUnpacker.Limits(10, 1000)).unpack(zip, parent))
                .isInstanceOf(BadInputException.class).hasMessageContaining("declares more than 1000 bytes")
                .hasMessageContaining("nothing was unpacked");
        assertNothingLeft(parent);
    }

    @Test
    void aBombThatLiesAboutItsSizeStopsAtTheLie() throws IOException {
        Path zip = oneEntry();
        patch(zip, 22, 24, 100); // the headers now say 100 bytes
        Path parent = unpackParent();
        assertThatThrownBy(() -> new BundleUnpacker(BundleUnpacker.Limits.DEFAULT).unpack(zip, parent))
                .isInstanceOf(BadInputException.class).hasMessageContaining("more than the 100 bytes its header declares");
        assertNothingLeft(parent);
    }

    @Test
    void anHonestBundleStillUnpacks() throws IOException {
        try (UnpackedBundle b = new BundleUnpacker(BundleUnpacker.Limits.DEFAULT).unpack(oneEntry(), unpackParent())) {
            assertThat(b.root().resolve("Windows/Logs/CBS/CBS.log")).hasSize(1 << 20);
        }
    }
}
