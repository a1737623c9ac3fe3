package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BatchProgressTest {

    @Test
    void doneTotalRateAndEta() {
        BatchProgress p = new BatchProgress(new PrintWriter(new StringWriter()), true, () -> 0L);
        p.total(10_000);
        // 2,500 in 15 s: 10,000/min, 7,500 left: 45 s
        assertThat(p.line(2_500, 15_000_000_000L)).isEqualTo("wudoctor: batch 2,500 / 10,000 (25%)  10,000/min  ETA 0:00:45");
    }

    @Test
    void withoutATotalFromStdinNoEta() {
        BatchProgress p = new BatchProgress(new PrintWriter(new StringWriter()), true, () -> 0L);
        assertThat(p.line(120, 60_000_000_000L)).isEqualTo("wudoctor: batch 120  120/min");
    }

    @Test
    void nothingWhenStderrIsNoTerminal() {
        StringWriter err = new StringWriter();
        long[] now = {0};
        BatchProgress p = new BatchProgress(new PrintWriter(err), false, () -> now[0]);
        now[0] = 5_000_000_000L;
        p.done(10);
        p.erase();
        assertThat(err.toString()).isEmpty();
    }
}
