package io.wudoctor.internal.gather.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wudoctor.api.BadInputException;
import io.wudoctor.testing.Zips;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundleUnpackerTest {

    @TempDir
    Path tmp;
    Path target;

    private final BundleUnpacker unpacker = new BundleUnpacker(BundleUnpacker.Limits.DEFAULT);

    @BeforeEach
    void makeTarget() throws IOException {
        target = Files.createDirectories(tmp.resolve("work/unpack"));
    }

    @Test
    void unpacksBothSeparatorsAndDeletesOnClose() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("facts.yaml", "schemaVersion: 1\n".getBytes(StandardCharsets.UTF_8));
        entries.put("Windows\\Logs\\CBS\\CBS.log", "a\n".getBytes(StandardCharsets.UTF_8));
        entries.put("Windows/Panther/setupact.log", "b\n".getBytes(StandardCharsets.UTF_8));
        entries.put("wudoctor\\events\\", new byte[0]);
        Path zip = Zips.write(tmp.resolve("ok.zip"), entries);

        Path root;
        try (UnpackedBundle bundle = unpacker.unpack(zip, target)) {
            root = bundle.root();
            assertThat(root.getParent()).isEqualTo(target);
            assertThat(root.resolve("Windows/Logs/CBS/CBS.log")).hasContent("a");
            assertThat(root.resolve("Windows/Panther/setupact.log")).hasContent("b");
            assertThat(root.resolve("wudoctor/events")).isDirectory();
        }
        assertThat(root).doesNotExist();
        assertThat(target).isEmptyDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "Windows/../../evil.txt", "..\\evil.txt", "Windows\\..\\..\\evil.txt",
            "/tmp/evil.txt", "\\evil.txt", "C:/evil.txt", "C:evil.txt", "c:\\evil.txt", "Windows/CON", "a/evil. /b"})
    void namesThatCouldEscapeAreRefusedAndNothingIsWritten(String name) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("facts.yaml", "schemaVersion: 1\n".getBytes(StandardCharsets.UTF_8));
        entries.put(name, "pwned".getBytes(StandardCharsets.UTF_8));
        Path zip = Zips.write(tmp.resolve("evil.zip"), entries);

        assertThatThrownBy(() -> unpacker.unpack(zip, target)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(name);
        assertNothingWritten();
    }

    @Test
    void symbolicLinksAreRefused() {
        Path zip = Zips.write(tmp.resolve("link.zip"), Zips.entry("Windows/Logs/CBS/CBS.log", "/etc/passwd"));
        Zips.markAsSymlink(zip, "Windows/Logs/CBS/CBS.log");

        assertThatThrownBy(() -> unpacker.unpack(zip, target)).isInstanceOf(BadInputException.class).hasMessageContaining("is a link");
        assertNothingWritten();
    }

    @Test
    void aZipBombIsStoppedAtTheByteLimitWhateverItsHeadersSay() {
        Path zip = Zips.write(tmp.resolve("bomb.zip"), Map.of("Windows/Logs/CBS/CBS.log", Zips.zeros(8 << 20)));
        assertThat(zip.toFile().length()).isLessThan(64 * 1024);

        assertThatThrownBy(() -> new BundleUnpacker(new BundleUnpacker.Limits(100, 1 << 20)).unpack(zip, target))
                .isInstanceOf(BadInputException.class).hasMessageContaining("more than 1048576 bytes").hasMessageContaining("zip bomb");
        assertNothingWritten();
    }

    @Test
    void tooManyEntriesAreRefusedBeforeAnythingIsWritten() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            entries.put("f" + i, new byte[1]);
        }
        Path zip = Zips.write(tmp.resolve("many.zip"), entries);

        assertThatThrownBy(() -> new BundleUnpacker(new BundleUnpacker.Limits(10, 1 << 20)).unpack(zip, target))
                .isInstanceOf(BadInputException.class).hasMessageContaining("11 entries, more than the limit of 10");
        assertNothingWritten();
    }

    @Test
    void namesThatCollideOnWindowsAreRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Windows/Logs/CBS/CBS.log", new byte[1]);
        entries.put("windows/logs/cbs/cbs.log", new byte[1]);
        Path zip = Zips.write(tmp.resolve("twice.zip"), entries);

        assertThatThrownBy(() -> unpacker.unpack(zip, target)).isInstanceOf(BadInputException.class).hasMessageContaining("appears twice");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100, 200, -22, -1})
    void truncatedArchivesGiveAClearError(int keep) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("facts.yaml", "schemaVersion: 1\n".repeat(200).getBytes(StandardCharsets.UTF_8));
        entries.put("Windows/Logs/CBS/CBS.log", "2016-09-28 04:30:30, Info CBS x\n".repeat(200).getBytes(StandardCharsets.UTF_8));
        Path zip = Zips.write(tmp.resolve("whole.zip"), entries);
        int length = (int) Files.size(zip);
        Path cut = Zips.truncated(zip, tmp.resolve("cut.zip"), keep > 0 ? keep : length + keep);

        assertThatThrownBy(() -> unpacker.unpack(cut, target)).isInstanceOf(BadInputException.class)
                .hasMessageMatching("(?s).*(truncated|corrupt|not a zip).*");
        assertNothingWritten();
    }

    @Test
    void corruptDataIsACorruptArchive() throws IOException {
        Path zip = Zips.write(tmp.resolve("ok.zip"), Zips.entry("Windows/Logs/CBS/CBS.log", "Info CBS line\n".repeat(5000)));
        byte[] b = Files.readAllBytes(zip);
        for (int i = 60; i < 120; i++) {
            b[i] ^= 0x5A; // inside the compressed data of the only entry
        }
        Files.write(zip, b);

        assertThatThrownBy(() -> unpacker.unpack(zip, target)).isInstanceOf(BadInputException.class).hasMessageContaining("corrupt");
        assertNothingWritten();
    }

    /** Neither the target folder nor anything around it holds a file after a refusal. */
    private void assertNothingWritten() {
        assertThat(target).isEmptyDirectory();
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.filter(p -> p.getFileName().toString().contains("evil") && !p.toString().endsWith(".zip"))).isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
