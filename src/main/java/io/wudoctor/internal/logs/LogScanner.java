package io.wudoctor.internal.logs;

import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;

/**
 * Scans one log, streaming, with all the signatures of its kind in one pass over the file.
 * The file is read in chunks of whole lines; for a signature with a literal, the chunk is
 * searched for the literal and only the lines holding it go to the regex (most lines of a
 * healthy log hold none). Binary lines are skipped and lines are matched on their first
 * {@link #MAX_LINE_CHARS} characters; both are counted for the warnings.
 */
public final class LogScanner {

    /** Lines are matched on this many characters at most: memory stays bounded on garbage. */
    public static final int MAX_LINE_CHARS = 64 * 1024;
    static final int BUFFER_BYTES = 1 << 20;

    private final List<Signature> signatures;
    private final int bufferBytes;
    private final int maxLineChars;

    public LogScanner(List<Signature> signatures) {
        this(signatures, BUFFER_BYTES, MAX_LINE_CHARS);
    }

    LogScanner(List<Signature> signatures, int bufferBytes, int maxLineChars) {
        this.signatures = List.copyOf(signatures);
        this.bufferBytes = bufferBytes;
        this.maxLineChars = maxLineChars;
    }

    /**
     * Scans {@code in} to its end (the caller closes it).
     *
     * @param file     the name the matches carry (a Windows path for logs of a system drive)
     * @param progress receives the number of bytes read so far, after each chunk
     */
    public ScanResult scan(InputStream in, String file, LongConsumer progress) throws IOException {
        return new Pass(new ChunkReader(in, bufferBytes, maxLineChars), file).run(progress);
    }

    /** The state of one scan. */
    private final class Pass {
        private final ChunkReader reader;
        private final String file;
        private final HitKeeper keeper;
        private final LineIndex lines = new LineIndex();
        private long firstLineOfChunk = 1;
        private long binaryLines;
        private long firstBinaryLine;
        private long cutLines;
        private long firstCutLine;

        Pass(ChunkReader reader, String file) {
            this.reader = reader;
            this.file = file;
            this.keeper = new HitKeeper(file);
        }

        ScanResult run(LongConsumer progress) throws IOException {
            for (ChunkReader.Chunk chunk = reader.next(); chunk != null; chunk = reader.next()) {
                scanChunk(chunk);
                progress.accept(reader.consumed());
            }
            String encoding = reader.encoding() == null ? TextEncoding.UTF_8.describe() : reader.encoding().describe();
            return new ScanResult(file, encoding, firstLineOfChunk - 1, reader.consumed(), keeper.matches(),
                    binaryLines, firstBinaryLine, cutLines, firstCutLine, maxLineChars);
        }

        private void scanChunk(ChunkReader.Chunk chunk) {
            String text = chunk.text();
            lines.index(text);
            BitSet binary = binaryLines(text);
            countCutLines(chunk.overlongLine());
            for (Signature s : signatures) {
                Matcher m = s.pattern().matcher(text);
                if (s.literal() == null) {
                    for (int i = 0; i < lines.count(); i++) {
                        tryLine(s, m, i, binary, text);
                    }
                    continue;
                }
                int from = 0;
                int at;
                while ((at = text.indexOf(s.literal(), from)) >= 0) {
                    int i = lines.lineAt(at);
                    tryLine(s, m, i, binary, text);
                    from = Math.max(lines.end(i), at + 1);
                }
            }
            firstLineOfChunk += lines.count();
        }

        private void tryLine(Signature s, Matcher m, int i, BitSet binary, String text) {
            if (binary != null && binary.get(i)) {
                return;
            }
            int start = lines.start(i);
            int end = Math.min(lines.end(i), start + maxLineChars);
            m.region(start, end);
            if (!m.find()) {
                return;
            }
            Map<String, String> captures = new LinkedHashMap<>();
            for (String name : s.captureNames()) {
                String value = m.group(name);
                if (value != null) {
                    captures.put(name, value);
                }
            }
            keeper.hit(s, firstLineOfChunk + i, text.substring(start, end), captures);
        }

        private void countCutLines(boolean overlongChunk) {
            for (int i = 0; i < lines.count(); i++) {
                if (overlongChunk || lines.end(i) - lines.start(i) > maxLineChars) {
                    cutLines++;
                    if (firstCutLine == 0) {
                        firstCutLine = firstLineOfChunk + i;
                    }
                }
            }
        }

        /** The binary lines of the chunk, or null when it has none (the usual case, found in two fast searches). */
        private BitSet binaryLines(String text) {
            if (text.indexOf('\0') < 0 && text.indexOf('\uFFFD') < 0) {
                return null;
            }
            BitSet binary = new BitSet(lines.count());
            for (int i = 0; i < lines.count(); i++) {
                if (isBinary(text, lines.start(i), Math.min(lines.end(i), lines.start(i) + maxLineChars))) {
                    binary.set(i);
                    binaryLines++;
                    if (firstBinaryLine == 0) {
                        firstBinaryLine = firstLineOfChunk + i;
                    }
                }
            }
            return binary;
        }
    }

    /**
     * A line is binary when it holds a NUL or when over a tenth of it is undecodable bytes or
     * control characters: one stray ANSI character in a UTF-8 log does not make a line garbage.
     */
    static boolean isBinary(String text, int start, int end) {
        int junk = 0;
        for (int p = start; p < end; p++) {
            char c = text.charAt(p);
            if (c == '\0') {
                return true;
            }
            if (c == '\uFFFD' || (c < 0x20 && c != '\t')) {
                junk++;
            }
        }
        return junk * 10 > end - start;
    }
}
