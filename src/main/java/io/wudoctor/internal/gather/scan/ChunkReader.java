package io.wudoctor.internal.gather.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reads a log in chunks of whole lines, in bounded memory whatever the file's size. Each chunk
 * ends just after a line break (CRLF, LF or CR), or at the end of the input, so no line and no
 * character is split between chunks. A line longer than the whole buffer is returned alone, to
 * be cut to {@code maxLineChars}, and the rest of it is skipped unread. Chunks are handed out as
 * bytes of their own and decoded by whoever searches them ({@link Chunk#text}), on any thread.
 */
final class ChunkReader {

    /**
     * A piece of the log: whole lines, or the start of one overlong line; its first {@code length}
     * bytes of {@code bytes}, an array of its own until {@link #release}d.
     */
    record Chunk(byte[] bytes, int length, Charset charset, boolean singleByteUnits, boolean overlongLine, int maxLineChars,
            Queue<byte[]> spare) {

        /** The decoded text: the lines, or the overlong line cut to {@code maxLineChars}. */
        String text() {
            String text = new String(bytes, 0, length, charset);
            return overlongLine ? text.substring(0, Math.min(maxLineChars, text.length())) : text;
        }

        /**
         * The chunk's bytes when each of the text's characters was decoded from one of them (a UTF-8
         * chunk without multi-byte characters, the usual log), at the same indexes; else null.
         */
        byte[] oneBytePerChar(String text) {
            return singleByteUnits && !overlongLine && text.length() == length ? bytes : null;
        }

        /** Gives the bytes back for a later chunk (a large log allocates a few arrays, not one per chunk); the chunk is done with. */
        void release() {
            spare.offer(bytes);
        }
    }

    private static final byte LF = 0x0A;
    private static final byte CR = 0x0D;

    private final InputStream in;
    private final byte[] buf;
    private final int maxLineChars;
    private TextEncoding encoding;
    private int unit;
    private int len;
    private boolean eof;
    private boolean skippingOverlong;
    private boolean dropLeadingLf;
    private long consumed;
    /** Arrays of released chunks, for the next ones. */
    private final Queue<byte[]> spare = new ConcurrentLinkedQueue<>();

    ChunkReader(InputStream in, int bufferBytes, int maxLineChars) {
        if (bufferBytes < 4L * maxLineChars || bufferBytes % 2 != 0) {
            throw new IllegalArgumentException("the buffer must be even and hold 4 bytes per character of the longest line");
        }
        this.in = in;
        this.buf = new byte[bufferBytes];
        this.maxLineChars = maxLineChars;
    }

    /** The detected encoding; valid after the first {@link #next()}. */
    TextEncoding encoding() {
        return encoding;
    }

    /** Bytes read and handed out (or skipped) so far, byte-order mark included. */
    long consumed() {
        return consumed;
    }

    /** True when the input is read to its end and nothing is left after the last chunk handed out. */
    boolean atEnd() {
        return eof && len == 0;
    }

    /** The next chunk, or null at the end of the input. */
    Chunk next() throws IOException {
        while (true) {
            fill();
            if (encoding == null) {
                encoding = TextEncoding.detect(buf, len);
                unit = encoding.unitSize();
                consume(encoding.bomLength());
            }
            int aligned = len - len % unit;
            if (aligned == 0) {
                return len == 0 ? null : take(len); // a lone trailing byte of a UTF-16 file
            }
            if (dropLeadingLf) {
                dropLeadingLf = false;
                if (isUnit(0, LF)) {
                    consume(unit);
                }
                continue;
            }
            if (skippingOverlong) {
                skipOverlongRest(aligned);
                continue;
            }
            int cut = endOfLastLine(aligned);
            if (cut > 0) {
                return take(cut);
            }
            if (eof) {
                return take(len);
            }
            return takeOverlong(aligned);
        }
    }

    private void skipOverlongRest(int aligned) {
        for (int p = 0; p < aligned; p += unit) {
            if (isUnit(p, LF) || isUnit(p, CR)) {
                dropLeadingLf = isUnit(p, CR);
                skippingOverlong = false;
                consume(p + unit);
                return;
            }
        }
        consume(aligned);
    }

    /** The end (exclusive) of the last complete line in the buffer, 0 when there is none. */
    private int endOfLastLine(int aligned) {
        for (int p = aligned - unit; p >= 0; p -= unit) {
            if (isUnit(p, LF)) {
                return p + unit;
            }
            if (isUnit(p, CR)) {
                // A CR as the last unit read may be the first half of a CRLF: keep it for later.
                if (p == aligned - unit && !eof) {
                    continue;
                }
                return p + unit;
            }
        }
        return 0;
    }

    /** The buffer is full and holds no line break: hand out the line's start, skip the rest of it. */
    private Chunk takeOverlong(int aligned) {
        boolean endsWithCr = isUnit(aligned - unit, CR);
        Chunk chunk = new Chunk(copy(aligned), aligned, encoding.charset(), unit == 1, true, maxLineChars, spare);
        consume(aligned);
        if (endsWithCr) {
            dropLeadingLf = true;
        } else {
            skippingOverlong = true;
        }
        return chunk;
    }

    private Chunk take(int bytes) {
        Chunk chunk = new Chunk(copy(bytes), bytes, encoding.charset(), unit == 1, false, maxLineChars, spare);
        consume(bytes);
        return chunk;
    }

    /**
     * The buffer's first bytes in an array of their own: a released one, else a new one, of the
     * exact size when the rest of the log is in the buffer (a small log needs no more).
     */
    private byte[] copy(int bytes) {
        byte[] into = spare.poll();
        if (into == null || into.length < bytes) {
            into = new byte[eof ? bytes : buf.length];
        }
        System.arraycopy(buf, 0, into, 0, bytes);
        return into;
    }

    private boolean isUnit(int p, byte ascii) {
        if (unit == 1) {
            return buf[p] == ascii;
        }
        return encoding.bigEndian() ? buf[p] == 0 && buf[p + 1] == ascii : buf[p] == ascii && buf[p + 1] == 0;
    }

    private void fill() throws IOException {
        while (!eof && len < buf.length) {
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                eof = true;
            } else {
                len += n;
            }
        }
    }

    private void consume(int bytes) {
        System.arraycopy(buf, bytes, buf, 0, len - bytes);
        len -= bytes;
        consumed += bytes;
    }
}
