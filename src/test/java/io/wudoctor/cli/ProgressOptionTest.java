package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressOptionTest {

    @Test
    void theOptionWinsOverTheVariableAndTheTerminal() {
        assertThat(ProgressOption.show(true, "0", () -> false)).isTrue();
        assertThat(ProgressOption.show(false, "1", () -> true)).isFalse();
    }

    @Test
    void theVariableWinsOverTheTerminal() {
        assertThat(ProgressOption.show(null, "1", () -> false)).isTrue();
        assertThat(ProgressOption.show(null, "0", () -> true)).isFalse();
    }

    @Test
    void otherwiseWhetherStderrIsATerminal() {
        assertThat(ProgressOption.show(null, null, () -> true)).isTrue();
        assertThat(ProgressOption.show(null, "yes", () -> false)).isFalse();
    }

    @Test
    void diagnoseTakesTheOptionBothWays() {
        assertThat(CliRun.of("diagnose", "facts-samples/no-evidence.yaml", "--no-progress").code()).isZero();
        assertThat(CliRun.of("diagnose", "facts-samples/no-evidence.yaml", "--progress").code()).isZero();
    }
}
