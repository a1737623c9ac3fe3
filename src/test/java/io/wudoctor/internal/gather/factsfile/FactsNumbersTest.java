package io.wudoctor.internal.gather.factsfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wudoctor.api.BadInputException;
import io.wudoctor.facts.Facts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers in facts are measurements: refused with file:line when they cannot be one; size checked before parsing. */
class FactsNumbersTest {

    @TempDir
    Path dir;

    private static final String HEAD = "schemaVersion: 1\nincident:\n  surface: windows-update\n";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "time:\\n  offsetSeconds: .nan|5|'.nan'",
        "time:\\n  offsetSeconds: 1e400|5|is not a finite number",
        "system:\\n  uptimeHours: '12'|5|'12' is not a number (in quotes it is text",
        "logMatches:\\n  - log: cbs\\n    signature: s\\n    line: -3|7|'-3' is less than 1",
        "logMatches:\\n  - log: cbs\\n    signature: s\\n    line: '1'|7|'1' is not a whole number (in quotes it is text",
        "logMatches:\\n  - log: cbs\\n    signature: s\\n    count: 0|7|'0' is less than 1",
        "disk:\\n  freeBytes: -1\\n  totalBytes: 10|5|'-1' is less than 0"})
    void aNumberThatCannotBeAMeasurementIsRefusedAtItsLine(String yaml, int line, String message) throws IOException {
        Path f = Files.writeString(dir.resolve("f.yaml"), HEAD + yaml.replace("\\n", "\n") + "\n");
        assertThatThrownBy(() -> FactsReader.read(f)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(f + ":" + line + ":").hasMessageContaining(message);
    }

    @Test
    void plainNumbersStillRead() throws IOException {
        Path f = Files.writeString(dir.resolve("f.yaml"), HEAD + "time:\n  offsetSeconds: -90.5\nsystem:\n  uptimeHours: 12\n");
        Facts facts = FactsReader.read(f);
        assertThat(facts.time().offsetSeconds()).isEqualTo(-90.5);
        assertThat(facts.system().uptimeHours()).isEqualTo(12.0);
    }

    @Test
    void aHugeFileIsRefusedBeforeParsing() throws IOException {
        Path f = Files.writeString(dir.resolve("big.yaml"), HEAD + "  path: '" + "x".repeat(FactsReader.MAX_CHARS) + "'\n");
        assertThatThrownBy(() -> FactsReader.read(f)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("more than the " + FactsReader.MAX_CHARS + " characters");
    }

    @Test
    void aVeryLongLineIsRefusedWithItsLineNumber() throws IOException {
        Path f = Files.writeString(dir.resolve("long.yaml"), HEAD + "  path: '" + "x".repeat(FactsReader.MAX_LINE_CHARS) + "'\n");
        assertThatThrownBy(() -> FactsReader.read(f)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(f + ":4:1: a line of");
    }
}
