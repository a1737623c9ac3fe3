package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -o replaces only a regular file, atomically and keeping its mode; anything else at the path is left alone. */
class OutputFileTest {

    private static final String FACTS = "facts-samples/no-evidence.yaml";

    @TempDir
    Path dir;

    @Test
    void aRegularFileIsReplacedKeepingItsMode() throws IOException {
        Path out = Files.writeString(dir.resolve("plan.txt"), "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        CliRun r = CliRun.of("diagnose", FACTS, "-o", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readString(out)).startsWith("wudoctor: fix plan");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r-----");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("plan.txt");
        }
    }

    @Test
    void aSymbolicLinkIsRefusedAndItsTargetUntouched() throws IOException {
        Path target = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);
        CliRun r = CliRun.of("diagnose", FACTS, "-o", link.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("symbolic link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("keep me");
    }

    @Test
    void aDeviceIsRefusedNotReplaced() {
        CliRun r = CliRun.of("diagnose", FACTS, "-o", "/dev/null");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("not a regular file");
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
    }

    @Test
    void aFifoIsRefused() throws IOException, InterruptedException {
        Path fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CliRun r = CliRun.of("diagnose", FACTS, "-o", fifo.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void theInputItselfIsRefused() throws IOException {
        Path facts = Files.copy(Path.of(FACTS), dir.resolve("facts.yaml"));
        String before = Files.readString(facts);
        CliRun r = CliRun.of("diagnose", facts.toString(), "-o", facts.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("the input");
        assertThat(Files.readString(facts)).isEqualTo(before);
    }

    @Test
    void aHardLinkedFileIsRefused() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "shared");
        Files.createLink(dir.resolve("b.txt"), a);
        CliRun r = CliRun.of("diagnose", FACTS, "-o", a.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("b.txt"))).isEqualTo("shared");
    }

    @Test
    void dashMeansStandardOutput() {
        CliRun r = CliRun.of("diagnose", FACTS, "-o", "-");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("wudoctor: fix plan");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void aFullDiskIsAFailure() throws IOException, InterruptedException {
        // the shell's redirection gives the JVM a stdout on /dev/full: every write fails with ENOSPC
        Path jar = Path.of("target/classes");
        String cp = jar + java.io.File.pathSeparator + System.getProperty("java.class.path");
        Process p = new ProcessBuilder("sh", "-c", "exec \"$0\" -cp \"$1\" io.wudoctor.cli.Main diagnose " + FACTS + " > /dev/full",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), cp)
                .redirectErrorStream(false).start();
        String err = new String(p.getErrorStream().readAllBytes());
        assertThat(p.waitFor()).as(err).isEqualTo(2);
        assertThat(err).contains("cannot write the report to standard output");
    }
}
