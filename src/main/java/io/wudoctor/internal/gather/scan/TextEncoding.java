package io.wudoctor.internal.gather.scan;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A log's character encoding and the length of its byte-order mark. Windows writes logs as
 * UTF-8 (with or without BOM) and, through PowerShell 5 redirection, as UTF-16 LE; UTF-16
 * without a BOM is recognised by its NUL bytes: ASCII text in UTF-16 has a NUL in every other
 * byte, always on the same side.
 */
public record TextEncoding(Charset charset, int bomLength) {

    public static final TextEncoding UTF_8 = new TextEncoding(StandardCharsets.UTF_8, 0);

    /** How many leading bytes {@link #detect} looks at. */
    static final int SAMPLE_BYTES = 4096;

    /** Detects the encoding from the first bytes of a file ({@code length} of them are valid). */
    public static TextEncoding detect(byte[] head, int length) {
        if (startsWith(head, length, 0xEF, 0xBB, 0xBF)) {
            return new TextEncoding(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(head, length, 0xFF, 0xFE)) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(head, length, 0xFE, 0xFF)) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2);
        }
        int units = Math.min(length, SAMPLE_BYTES) / 2;
        int nulHigh = 0; // "A\0": little-endian ASCII
        int nulLow = 0;  // "\0A": big-endian ASCII
        for (int u = 0; u < units; u++) {
            boolean first = head[2 * u] == 0;
            boolean second = head[2 * u + 1] == 0;
            if (!first && second) {
                nulHigh++;
            } else if (first && !second) {
                nulLow++;
            }
        }
        // Most units must show the pattern and almost none the opposite one: NUL blocks and
        // binary garbage in a UTF-8 log put NULs on both sides.
        if (units >= 2 && nulHigh * 10 >= units * 4 && nulLow * 20 <= units) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 0);
        }
        if (units >= 2 && nulLow * 10 >= units * 4 && nulHigh * 20 <= units) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 0);
        }
        return UTF_8;
    }

    /** The text of a whole (small) file or command output, in whatever encoding it was written. */
    public static String decode(byte[] bytes) {
        TextEncoding enc = detect(bytes, bytes.length);
        return new String(bytes, enc.bomLength(), bytes.length - enc.bomLength(), enc.charset());
    }

    /** Bytes per code unit: 2 for UTF-16, 1 for UTF-8. */
    public int unitSize() {
        return charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE) ? 2 : 1;
    }

    boolean bigEndian() {
        return charset.equals(StandardCharsets.UTF_16BE);
    }

    /** For messages: "UTF-16LE with BOM". */
    public String describe() {
        return charset.name() + (bomLength > 0 ? " with BOM" : "");
    }

    private static boolean startsWith(byte[] head, int length, int... bom) {
        if (length < bom.length) {
            return false;
        }
        for (int i = 0; i < bom.length; i++) {
            if ((head[i] & 0xFF) != bom[i]) {
                return false;
            }
        }
        return true;
    }
}
