package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Console text in the console's code page, with ASCII stand-ins for what the code page lacks. */
class ConsoleWriterTest {

    // As the sample plans print it: a curly apostrophe, an em dash, the section sign, an emoji.
    private static final String LINE = "Windows can\u2019t find it \u2014 Source: 004.txt \u00a7 Prerequisites \uD83D\uDC4D";

    private static String written(Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintWriter out = ConsoleWriter.of(bytes, charset)) {
            out.print(LINE);
        }
        return bytes.toString(charset);
    }

    @Test
    void oemCodePage437GetsStandInsForWhatItLacks() {
        assertThat(written(Charset.forName("IBM437"))).isEqualTo("Windows can't find it -- Source: 004.txt Sec. Prerequisites ?");
    }

    @Test
    void oemCodePage850KeepsTheSectionSignItHas() {
        assertThat(written(Charset.forName("IBM850"))).isEqualTo("Windows can't find it -- Source: 004.txt \u00a7 Prerequisites ?");
    }

    @Test
    void utf8KeepsEverything() {
        assertThat(written(StandardCharsets.UTF_8)).isEqualTo(LINE);
    }

    @Test
    void theWindowsConsoleCodePageDecidesAndChcp65001IsUtf8() {
        String before = System.getProperty("sun.stdout.encoding");
        try {
            System.setProperty("sun.stdout.encoding", "cp850");
            assertThat(ConsoleWriter.charsetOf("sun.stdout.encoding")).isEqualTo(Charset.forName("IBM850"));
            System.setProperty("sun.stdout.encoding", "cp65001");
            assertThat(ConsoleWriter.charsetOf("sun.stdout.encoding")).isEqualTo(StandardCharsets.UTF_8);
        } finally {
            if (before == null) {
                System.clearProperty("sun.stdout.encoding");
            } else {
                System.setProperty("sun.stdout.encoding", before);
            }
        }
    }
}
