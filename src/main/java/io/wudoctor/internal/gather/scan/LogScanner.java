package io.wudoctor.internal.gather.scan;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Scans one log, streaming, with all the signatures of its kind in one pass over the file.
 * The file is read in chunks of whole lines. One multi-literal search over each chunk finds
 * the lines holding a signature's literal, and only those lines go to that signature's regex
 * (most lines of a healthy log hold none); signatures without a literal try every line.
 * Binary lines are skipped and lines are matched on their first {@link #MAX_LINE_CHARS}
 * characters; both are counted for the warnings. A signature's context lines (a setupapi.dev.log
 * section header, say) come from the same search: the literal search reports in the order of
 * the text, so the latest context line before a hit is known when the hit is matched. A hit is
 * only decided (see {@link LineRegex}); its captures, and those of its context lines, are taken
 * if it becomes a fact: the first and the last hit of each signature (see {@link HitKeeper}).
 */
public final class LogScanner {

    /** Lines are matched on this many characters at most: memory stays bounded on garbage. */
    public static final int MAX_LINE_CHARS = 64 * 1024;
    static final int BUFFER_BYTES = 1 << 18;

    private final List<Signature> signatures;
    private final int bufferBytes;
    private final int maxLineChars;
    private final boolean readAhead;
    /** One search for the distinct literals; null when no signature has one. */
    private final LiteralSearch search;
    private final boolean asciiLiterals;
    /**
     * For each distinct literal, what it stands for: indexes below the number of signatures are
     * signatures, the others context patterns (index minus the number of signatures).
     */
    private final int[][] signaturesOfLiteral;
    private final int[] withoutLiteral;
    /** Each signature's pattern as matched line by line in bounded time (RE2/J, or a budget). */
    private final LineRegex.Compiled[] regexes;
    /** The distinct context patterns of all signatures, and for each signature the indexes of its own, outer first. */
    private final List<Signature.Context> contexts = new ArrayList<>();
    private final int[][] contextsOf;
    private final LineRegex.Compiled[] contextRegexes;

    public LogScanner(List<Signature> signatures) {
        this(signatures, BUFFER_BYTES, MAX_LINE_CHARS);
    }

    LogScanner(List<Signature> signatures, int bufferBytes, int maxLineChars) {
        this(signatures, bufferBytes, maxLineChars, true);
    }

    /** @param readAhead false to read every chunk on the scanning thread (see {@link ReadAhead}; tests compare the two) */
    LogScanner(List<Signature> signatures, int bufferBytes, int maxLineChars, boolean readAhead) {
        this.signatures = List.copyOf(signatures);
        this.bufferBytes = bufferBytes;
        this.maxLineChars = maxLineChars;
        this.readAhead = readAhead;
        Map<String, List<Integer>> byLiteral = new LinkedHashMap<>();
        Map<String, Integer> contextIndex = new LinkedHashMap<>();
        this.contextsOf = new int[this.signatures.size()][];
        for (int i = 0; i < this.signatures.size(); i++) {
            Signature sig = this.signatures.get(i);
            if (sig.literal() != null) {
                byLiteral.computeIfAbsent(sig.literal(), l -> new ArrayList<>()).add(i);
            }
            contextsOf[i] = sig.context().stream().mapToInt(c -> contextIndex.computeIfAbsent(c.pattern().pattern(), p -> {
                contexts.add(c);
                byLiteral.computeIfAbsent(c.literal(), l -> new ArrayList<>()).add(this.signatures.size() + contexts.size() - 1);
                return contexts.size() - 1;
            })).toArray();
        }
        this.search = byLiteral.isEmpty() ? null : new LiteralSearch(new ArrayList<>(byLiteral.keySet()));
        this.asciiLiterals = search != null && search.asciiLiterals();
        this.signaturesOfLiteral = byLiteral.values().stream()
                .map(ids -> ids.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        this.withoutLiteral = IntStream.range(0, this.signatures.size())
                .filter(i -> this.signatures.get(i).literal() == null).toArray();
        this.regexes = this.signatures.stream().map(sig -> LineRegex.compile(sig.pattern())).toArray(LineRegex.Compiled[]::new);
        this.contextRegexes = contexts.stream().map(c -> LineRegex.compile(c.pattern())).toArray(LineRegex.Compiled[]::new);
    }

    /**
     * Scans {@code in} to its end (the caller closes it).
     *
     * @param file     the name the matches carry (a Windows path for logs of a system drive)
     * @param progress receives the number of bytes read so far, after each chunk
     */
    public ScanResult scan(InputStream in, String file, LongConsumer progress) throws IOException {
        ChunkReader reader = new ChunkReader(in, bufferBytes, maxLineChars);
        try (ReadAhead chunks = new ReadAhead(reader, asciiLiterals, search != null, readAhead)) {
            return new Pass(reader, chunks, file).run(progress);
        }
    }

    /** The state of one scan. */
    private final class Pass {
        private final ChunkReader reader;
        private final ReadAhead chunks;
        private final String file;
        private final HitKeeper keeper;
        /** The lines of the chunk being scanned. */
        private LineIndex lines;
        private long firstLineOfChunk = 1;
        private long binaryLines;
        private long firstBinaryLine;
        private long cutLines;
        private long firstCutLine;
        private long slowLines;
        private long firstSlowLine;
        private final LineRegex[] matchers = new LineRegex[signatures.size()];
        private final LineRegex[] contextMatchers = new LineRegex[contexts.size()];
        /** For each context pattern, the file line of its latest match (0: none yet) and that line. */
        private final long[] contextLine = new long[contexts.size()];
        private final String[] contextText = new String[contexts.size()];
        /**
         * Each signature's latest hit in this chunk after its first, as its line of the chunk (-1:
         * none) and the context lines that applied to it; handed to the keeper at the chunk's end,
         * so that a hit in between costs no copy of its line.
         */
        private final int[] pendingLine = new int[signatures.size()];
        private final String[][] pendingContext = new String[signatures.size()][];

        Pass(ChunkReader reader, ReadAhead chunks, String file) {
            this.reader = reader;
            this.chunks = chunks;
            this.file = file;
            this.keeper = new HitKeeper(file, signatures);
            Arrays.fill(pendingLine, -1);
        }

        ScanResult run(LongConsumer progress) throws IOException {
            for (PreparedChunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                scanChunk(chunk);
                progress.accept(chunk.consumed());
            }
            String encoding = reader.encoding() == null ? TextEncoding.UTF_8.describe() : reader.encoding().describe();
            return new ScanResult(file, encoding, firstLineOfChunk - 1, reader.consumed(), keeper.matches(),
                    binaryLines, firstBinaryLine, cutLines, firstCutLine, maxLineChars, slowLines, firstSlowLine);
        }

        private void scanChunk(PreparedChunk chunk) {
            String text = chunk.text();
            lines = chunk.lines();
            BitSet binary = chunk.mayHoldBinary() ? binaryLines(text) : null;
            countCutLines(chunk.overlongLine());
            int[] lastTried = new int[signatures.size() + contexts.size()];
            Arrays.fill(lastTried, -1);
            if (search != null) {
                search.search(text, chunk.searchBytes(), (literal, start) -> {
                    int line = lines.lineAt(start);
                    for (int s : signaturesOfLiteral[literal]) {
                        if (lastTried[s] != line) { // a signature tries a line once, however often its literal occurs
                            lastTried[s] = line;
                            if (s < signatures.size()) {
                                tryLine(s, line, binary, text);
                            } else {
                                tryContext(s - signatures.size(), line, binary, text);
                            }
                        }
                    }
                });
            }
            for (int s : withoutLiteral) {
                for (int line = 0; line < lines.count(); line++) {
                    tryLine(s, line, binary, text);
                }
            }
            for (int s = 0; s < pendingLine.length; s++) {
                if (pendingLine[s] >= 0) {
                    String line = lineText(text, pendingLine[s]);
                    String[] context = pendingContext[s];
                    int signature = s;
                    keeper.last(s, firstLineOfChunk + pendingLine[s], line, () -> captures(signature, line, context));
                    pendingLine[s] = -1;
                }
            }
            firstLineOfChunk += lines.count();
        }

        /** The line as matched: at most {@code maxLineChars} characters. */
        private String lineText(String text, int i) {
            int start = lines.start(i);
            return text.substring(start, Math.min(lines.end(i), start + maxLineChars));
        }

        private void tryLine(int signature, int i, BitSet binary, String text) {
            if (binary != null && binary.get(i)) {
                return;
            }
            if (matchers[signature] == null) {
                matchers[signature] = regexes[signature].matcher();
            }
            LineRegex m = matchers[signature];
            int start = lines.start(i);
            int end = Math.min(lines.end(i), start + maxLineChars);
            if (!m.find(text, start, end)) {
                if (m.gaveUp() && slowLines++ == 0) {
                    firstSlowLine = firstLineOfChunk + i;
                }
                return;
            }
            if (keeper.counted(signature)) {
                String line = text.substring(start, end);
                keeper.first(signature, firstLineOfChunk + i, line, captures(signature, line, contextOf(signature)));
            } else {
                pendingLine[signature] = i;
                pendingContext[signature] = contextOf(signature);
            }
        }

        /** The signature's captures on its hit {@code line}, with those of the context lines that applied to it. */
        private Map<String, String> captures(int signature, String line, String[] context) {
            Map<String, String> captures = matchers[signature].captures(line, signatures.get(signature).captureNames());
            addContext(signature, context, captures);
            return captures;
        }

        private void tryContext(int context, int i, BitSet binary, String text) {
            if (binary != null && binary.get(i)) {
                return;
            }
            if (contextMatchers[context] == null) {
                contextMatchers[context] = contextRegexes[context].matcher();
            }
            int start = lines.start(i);
            int end = Math.min(lines.end(i), start + maxLineChars);
            if (contextMatchers[context].find(text, start, end)) {
                contextLine[context] = firstLineOfChunk + i;
                contextText[context] = text.substring(start, end);
            }
        }

        /**
         * The signature's context lines that apply to a hit now, outer first (null where none
         * does): an inner context line older than the outer one before it belongs to an earlier
         * record and is left out. Only the lines are kept; their captures are taken if the hit
         * becomes a fact.
         */
        private String[] contextOf(int signature) {
            int[] own = contextsOf[signature];
            if (own.length == 0) {
                return null;
            }
            String[] applying = new String[own.length];
            long outer = 0;
            for (int k = 0; k < own.length; k++) {
                int c = own[k];
                if (contextLine[c] > outer) {
                    applying[k] = contextText[c];
                    outer = contextLine[c];
                }
            }
            return applying;
        }

        /** Adds the captures of the context lines that applied to the hit; the signature's own captures win. */
        private void addContext(int signature, String[] context, Map<String, String> captures) {
            if (context == null) {
                return;
            }
            for (int k = 0; k < context.length; k++) {
                if (context[k] != null) {
                    int c = contextsOf[signature][k];
                    contextMatchers[c].captures(context[k], contexts.get(c).captureNames()).forEach(captures::putIfAbsent);
                }
            }
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

        /** The binary lines of a chunk that may hold some ({@link PreparedChunk#mayHoldBinary}). */
        private BitSet binaryLines(String text) {
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
