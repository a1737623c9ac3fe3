package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalListenerTest {

    private final StringWriter err = new StringWriter();
    private long now;

    private TerminalListener listener(boolean terminal) {
        return new TerminalListener(new PrintWriter(err), terminal, () -> now);
    }

    @Test
    void aLongScanShowsProgressOnOneLineAndErasesIt() {
        TerminalListener l = listener(true);
        long mb = 1 << 20;

        now = 0;
        l.progress("C:\\Windows\\Logs\\CBS\\CBS.log", mb, 1000 * mb);               // under a second: quiet
        now = 1_100_000_000L;
        l.progress("C:\\Windows\\Logs\\CBS\\CBS.log", 250 * mb, 1000 * mb);
        now = 1_200_000_000L;
        l.progress("C:\\Windows\\Logs\\CBS\\CBS.log", 260 * mb, 1000 * mb);         // under 200 ms later: quiet
        now = 1_400_000_000L;
        l.progress("C:\\Windows\\Logs\\CBS\\CBS.log", 500 * mb, 1000 * mb);
        l.scanned("C:\\Windows\\Logs\\CBS\\CBS.log");

        String shown = err.toString();
        assertThat(shown).doesNotContain("1 / 1000").doesNotContain("260 /");
        assertThat(shown).contains("\rwudoctor: scanning C:\\Windows\\Logs\\CBS\\CBS.log  250 / 1000 MB (25%)",
                "\rwudoctor: scanning C:\\Windows\\Logs\\CBS\\CBS.log  500 / 1000 MB (50%)");
        assertThat(shown).endsWith("\r");
        assertThat(shown).doesNotContain("\n");
    }

    @Test
    void silentWhenStderrIsNotATerminalButWarningsStillShow() {
        TerminalListener l = listener(false);

        now = 5_000_000_000L;
        l.progress("CBS.log", 1, 2);
        l.warning("CBS.log: skipped 2 line(s) of binary data");
        l.scanned("CBS.log");

        assertThat(err.toString()).isEqualTo("wudoctor: warning: CBS.log: skipped 2 line(s) of binary data" + System.lineSeparator());
    }
}
