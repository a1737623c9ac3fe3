package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A --format cmd script reads the same in every code page cmd.exe may run it in: it is ASCII. */
class CmdFormatAsciiTest {

    @Test
    void aPlanWithTypographicCharactersBecomesAnAsciiScript() {
        String sample = "facts-samples/ms-s1-clr-optimization.yaml";
        CliRun text = CliRun.of("diagnose", sample);
        CliRun cmd = CliRun.of("diagnose", "--format", "cmd", sample);

        assertThat(text.out()).as("the text plan has them, so the script could have").containsPattern("[\u00a7\u2019]");
        assertThat(cmd.code()).isZero();
        assertThat(cmd.out()).matches("(?s)[\\x00-\\x7F]+").contains(" Sec.");
    }
}
