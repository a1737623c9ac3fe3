package io.wudoctor.cli;

import io.wudoctor.exit.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The run the launchers record the class-data archive from diagnoses in every format, and fails like a diagnosis. */
class ArchiveTrainingTest {

    @Test
    void everyFormatOfTheReadmeSampleSucceeds() {
        assertThat(Main.train("facts-samples/ms-s1-clr-optimization.yaml")).isZero();
    }

    @Test
    void aMissingFactsFileGivesTheInputErrorCode() {
        assertThat(Main.train("facts-samples/no-such-file.yaml")).isEqualTo(ExitCode.BAD_INPUT.code);
    }
}
