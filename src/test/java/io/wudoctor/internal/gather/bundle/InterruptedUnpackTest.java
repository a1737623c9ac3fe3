package io.wudoctor.internal.gather.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped while it unpacks a bundle (Ctrl-C, a kill) leaves no temporary folder behind. */
class InterruptedUnpackTest {

    @TempDir
    Path dir;

    @Test
    void aStoppedRunRemovesItsUnpackFolder() throws IOException, InterruptedException {
        Path zip = dir.resolve("big.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 40; i++) { // 40 entries of 64 MiB of zeros: seconds to unpack, a few hundred KiB zipped
                out.putNextEntry(new ZipEntry("Windows/Logs/CBS/CbsPersist_" + i + ".log"));
                for (int k = 0; k < 64; k++) {
                    out.write(block);
                }
                out.closeEntry();
            }
        }
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String cp = "target/classes" + java.io.File.pathSeparator + System.getProperty("java.class.path");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", cp, "io.wudoctor.cli.Main", "diagnose", zip.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (p.isAlive() && !unpackStarted(tmp) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(unpackStarted(tmp)).as("the unpack began").isTrue();
        p.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks
        p.waitFor();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.filter(f -> f.getFileName().toString().startsWith("wudoctor-bundle-"))).isEmpty();
        }
    }

    private static boolean unpackStarted(Path tmp) throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.anyMatch(f -> f.getFileName().toString().startsWith("CbsPersist_"));
        } catch (java.io.UncheckedIOException e) {
            return false;
        }
    }
}
