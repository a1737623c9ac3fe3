package io.wudoctor.cli;

import io.wudoctor.internal.render.AsciiText;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Text for stdout and stderr. Redirected to a file or a pipe it is UTF-8, like every file
 * wudoctor writes. On a console it is in the console's code page (a default Windows console is
 * an OEM code page such as 437 or 850, not UTF-8), and a character the code page lacks (a curly
 * quote, the section sign) is written as an ASCII stand-in rather than as mojibake.
 */
final class ConsoleWriter {

    private ConsoleWriter() {
    }

    /**
     * The charset for one stream: the Windows console's, which the JVM names in
     * {@code sun.stdout.encoding} / {@code sun.stderr.encoding} only when that stream is a console;
     * else the terminal's when there is one; else UTF-8.
     */
    static Charset charsetOf(String streamProperty) {
        String console = System.getProperty(streamProperty);
        if (console != null && !console.isBlank()) {
            if (console.equalsIgnoreCase("cp65001")) {
                return StandardCharsets.UTF_8; // chcp 65001, which Java knows by no such name
            }
            try {
                return Charset.forName(console);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                return StandardCharsets.US_ASCII;
            }
        }
        return System.console() != null ? System.console().charset() : StandardCharsets.UTF_8;
    }

    /** A writer to {@code out} in {@code charset}, with ASCII stand-ins for what it cannot encode. */
    static PrintWriter of(OutputStream out, Charset charset) {
        Writer bytes = new OutputStreamWriter(out, charset);
        if (charset.equals(StandardCharsets.UTF_8) || charset.name().startsWith("UTF-")) {
            return new PrintWriter(bytes, true);
        }
        return new PrintWriter(new StandIns(bytes, charset.newEncoder()), true);
    }

    /** Replaces every character the encoder cannot encode by its ASCII stand-in (or '?'). */
    static final class StandIns extends FilterWriter {
        private final CharsetEncoder encoder;
        private char pendingHigh;

        StandIns(Writer out, CharsetEncoder encoder) {
            super(out);
            this.encoder = encoder;
        }

        @Override
        public void write(int c) throws IOException {
            char ch = (char) c;
            if (Character.isHighSurrogate(ch)) {
                pendingHigh = ch;
                return;
            }
            if (Character.isLowSurrogate(ch) && pendingHigh != 0) {
                String pair = new String(new char[] {pendingHigh, ch});
                pendingHigh = 0;
                out.write(encoder.canEncode(pair) ? pair : AsciiText.of(pair));
                return;
            }
            if (ch < 0x80 || encoder.canEncode(ch)) {
                out.write(ch);
            } else {
                out.write(AsciiText.of(String.valueOf(ch)));
            }
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(buf[i]);
            }
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(s.charAt(i));
            }
        }
    }
}
