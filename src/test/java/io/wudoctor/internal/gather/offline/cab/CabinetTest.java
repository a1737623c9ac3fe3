package io.wudoctor.internal.gather.offline.cab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wudoctor.testing.TestFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Cabinets gcab made from a real CBS log: MSZIP and stored folders read back byte-exact; the rest is refused. */
class CabinetTest {

    private static final byte[] LOG = TestFiles.bytes(TestFiles.realLog("loghub-windows-2k-cbs.log"));

    private static byte[] cab(String name) {
        return TestFiles.bytes(TestFiles.resource("constructed/cab/" + name));
    }

    private static byte[] content(Cabinet cabinet) throws IOException {
        try (InputStream in = cabinet.open(cabinet.members().get(0))) {
            return in.readAllBytes();
        }
    }

    @Test
    void anMszipCabinetOfARealCbsLogReadsBackByteExact() throws IOException {
        Cabinet cabinet = Cabinet.of(cab("CbsPersist_20160928043030-mszip.cab"));

        assertThat(cabinet.members()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("CbsPersist_20160928043030.log");
            assertThat(m.size()).isEqualTo(LOG.length);
        });
        // 285 KiB: nine 32 KiB blocks, each inflated against the one before it
        assertThat(content(cabinet)).isEqualTo(LOG);
    }

    @Test
    void aStoredCabinetReadsBackByteExact() throws IOException {
        assertThat(content(Cabinet.of(cab("CbsPersist_20160928043030-stored.cab")))).isEqualTo(LOG);
    }

    @Test
    void anLzxFolderIsRefusedNamingTheMethod() {
        byte[] lzx = cab("CbsPersist_20160928043030-stored.cab");
        ByteBuffer.wrap(lzx).order(ByteOrder.LITTLE_ENDIAN).putShort(36 + 6, (short) 0x1503); // folder 0: LZX, 2 MiB window
        Cabinet cabinet = Cabinet.of(lzx);

        assertThatThrownBy(() -> cabinet.open(cabinet.members().get(0))).isInstanceOf(CabFormatException.class)
                .hasMessage("compressed with LZX, which wudoctor does not read");
    }

    @Test
    void aCutOrDamagedCabinetIsAFormatErrorNotAWrongAnswer() {
        byte[] whole = cab("CbsPersist_20160928043030-mszip.cab");
        assertThatThrownBy(() -> Cabinet.of(Arrays.copyOf(whole, 30))).isInstanceOf(CabFormatException.class);
        assertThatThrownBy(() -> Cabinet.of("not a cabinet, just text".repeat(3).getBytes()))
                .hasMessageContaining("no 'MSCF' signature");

        Cabinet cut = Cabinet.of(Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> content(cut)).isInstanceOf(IOException.class).hasMessageContaining("damaged cabinet");

        byte[] flipped = whole.clone();
        for (int i = whole.length / 2; i < whole.length / 2 + 64; i++) {
            flipped[i] ^= 0x5A;
        }
        assertThatThrownBy(() -> content(Cabinet.of(flipped))).isInstanceOf(IOException.class)
                .hasMessageContaining("damaged cabinet");
    }

    @Test
    void aBlockClaimingMoreThan32KiBIsRefused() {
        byte[] stored = cab("CbsPersist_20160928043030-stored.cab");
        ByteBuffer b = ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN);
        int firstBlock = b.getInt(36);
        b.putShort(firstBlock + 6, (short) 0xFFFF);

        assertThatThrownBy(() -> content(Cabinet.of(stored))).hasMessageContaining("claims 65535 bytes (at most 32768)");
    }
}
