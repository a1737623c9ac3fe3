package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Evidence is written by whoever controls the diagnosed machine: it must not act on the reader's terminal or commands. */
class EvidenceHijackTest {

    private static final String CLEAR_AND_PAINT = "\u001b[2J\u001b[H\u001b[32mAll good\u001b[0m\r\u202e";

    @TempDir
    Path dir;

    /** The Symptom 4 sample with hostile captures: the INF and service name carry a second command. */
    private Path hostileFacts() throws IOException {
        String sample = Files.readString(Path.of("facts-samples/ms-s4-flpydisk-rollback.yaml"));
        String hostile = sample
                .replace("text: 'Info CBS INSTALL index: 55, phase: 2, result 2, inf: flpydisk.inf'",
                        "text: \"Info CBS INSTALL index: 55, inf: x" + escapedForYaml(CLEAR_AND_PAINT) + "\"")
                .replace("inf: flpydisk.inf\n", "inf: 'x&powershell -enc ZQBjAGgAbwA=&rem.inf'\n")
                .replace("service: flpydisk\n", "service: 'x&powershell -enc ZQBjAGgAbwA=&rem'\n");
        assertThat(hostile).isNotEqualTo(sample);
        return Files.writeString(dir.resolve("hostile.yaml"), hostile);
    }

    private static String escapedForYaml(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "markdown"})
    void escapeSequencesInEvidenceArePrintedNotObeyed(String format) throws IOException {
        CliRun r = CliRun.of("diagnose", hostileFacts().toString(), "--format", format, "--explain");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u202e")
                .contains("\\x1B[2J").contains("\\u202E");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "markdown", "json", "cmd"})
    void aCaptureThatIsNotAServiceNameNeverReachesACommand(String format) throws IOException {
        CliRun r = CliRun.of("diagnose", hostileFacts().toString(), "--format", format);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).doesNotContain("reg import x&").doesNotContain("reg import 'x&");
        if (format.equals("text")) {
            assertThat(r.out()).contains("reg import <service>.reg");
        }
        if (!format.equals("cmd")) {
            assertThat((r.out() + r.err()).replaceAll("\\s+", " ")).contains("which is not a service name: the command shows");
        }
    }

    @Test
    void aRealCaptureStillFillsTheCommand() {
        CliRun r = CliRun.of("diagnose", "facts-samples/ms-s4-flpydisk-rollback.yaml");
        assertThat(r.out()).contains("reg import flpydisk.reg").doesNotContain("is not a service name");
    }
}
