package io.wudoctor.internal.gather.scan;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Scans one log, streaming, with all the signatures of its kind in one pass over the file.
 * The file is read in chunks of whole lines, and each chunk is searched on its own
 * ({@link ChunkSearch}: one multi-literal search finds the lines holding a signature's literal,
 * and only those lines go to that signature's regex), several at once on a large log
 * ({@link ChunkPipeline}). The scan then takes each chunk's matches in the order of the file,
 * so the result is the same however the file was cut. Binary lines are skipped and lines are
 * matched on their first {@link #MAX_LINE_CHARS} characters; both are counted for the warnings.
 * A signature's context lines (a setupapi.dev.log section header, say) come from the same
 * search: matches are taken in the order of the text, so the latest context line before a hit
 * is known when the hit is taken. A hit is only decided (see {@link LineRegex}); its captures,
 * and those of its context lines, are taken if it becomes a fact: the first and the last hit of
 * each signature (see {@link HitKeeper}).
 */
public final class LogScanner {

    /** Lines are matched on this many characters at most: memory stays bounded on garbage. */
    public static final int MAX_LINE_CHARS = 64 * 1024;
    /** The size of a chunk: its text stays below the size G1 allocates apart ("humongous") in a 64 MB heap. */
    static final int BUFFER_BYTES = 1 << 18;

    private final List<Signature> signatures;
    private final int bufferBytes;
    private final int maxLineChars;
    private final boolean parallel;
    /** The distinct context patterns of all signatures, and for each signature the indexes of its own, outer first. */
    private final List<Signature.Context> contexts = new ArrayList<>();
    private final int[][] contextsOf;
    private final ChunkSearch.Plan plan;

    public LogScanner(List<Signature> signatures) {
        this(signatures, BUFFER_BYTES, MAX_LINE_CHARS);
    }

    LogScanner(List<Signature> signatures, int bufferBytes, int maxLineChars) {
        this(signatures, bufferBytes, maxLineChars, true);
    }

    /** @param parallel false to search every chunk on the scanning thread (see {@link ChunkPipeline}; tests compare the two) */
    LogScanner(List<Signature> signatures, int bufferBytes, int maxLineChars, boolean parallel) {
        this.signatures = List.copyOf(signatures);
        this.bufferBytes = bufferBytes;
        this.maxLineChars = maxLineChars;
        this.parallel = parallel;
        // For each distinct literal, what it stands for: indexes below the number of signatures are
        // signatures, the others context patterns (index minus the number of signatures).
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
        LiteralSearch search = byLiteral.isEmpty() ? null : new LiteralSearch(new ArrayList<>(byLiteral.keySet()));
        this.plan = new ChunkSearch.Plan(this.signatures.size(), search, search != null && search.asciiLiterals(),
                byLiteral.values().stream().map(ids -> ids.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new),
                IntStream.range(0, this.signatures.size()).filter(i -> this.signatures.get(i).literal() == null).toArray(),
                this.signatures.stream().map(sig -> LineRegex.compile(sig.pattern())).toArray(LineRegex.Compiled[]::new),
                contexts.stream().map(c -> LineRegex.compile(c.pattern())).toArray(LineRegex.Compiled[]::new),
                maxLineChars);
    }

    /** What the chunks are searched with (for tests of {@link ChunkSearch}). */
    ChunkSearch.Plan plan() {
        return plan;
    }

    /**
     * Scans {@code in} to its end (the caller closes it).
     *
     * @param file     the name the matches carry (a Windows path for logs of a system drive)
     * @param progress receives the number of bytes read so far, after each chunk
     */
    public ScanResult scan(InputStream in, String file, LongConsumer progress) throws IOException {
        ChunkReader reader = new ChunkReader(in, bufferBytes, maxLineChars);
        try (ChunkPipeline chunks = new ChunkPipeline(reader, plan, parallel)) {
            return new Pass(reader, chunks, file).run(progress);
        }
    }

    /** The state of one scan: what the chunks found, taken in the order of the file. */
    private final class Pass {
        private final ChunkReader reader;
        private final ChunkPipeline chunks;
        private final String file;
        private final HitKeeper keeper;
        private long firstLineOfChunk = 1;
        private final PassedOver binary = new PassedOver();
        private final PassedOver cut = new PassedOver();
        private final PassedOver slow = new PassedOver();
        /** Matchers for the captures of the kept hits and their context lines (the search has its own). */
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

        Pass(ChunkReader reader, ChunkPipeline chunks, String file) {
            this.reader = reader;
            this.chunks = chunks;
            this.file = file;
            this.keeper = new HitKeeper(file, signatures);
            Arrays.fill(pendingLine, -1);
        }

        ScanResult run(LongConsumer progress) throws IOException {
            for (ChunkSearch.Findings chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                take(chunk);
                progress.accept(chunk.consumed);
            }
            String encoding = reader.encoding() == null ? TextEncoding.UTF_8.describe() : reader.encoding().describe();
            return new ScanResult(file, encoding, firstLineOfChunk - 1, reader.consumed(), keeper.matches(),
                    binary.count(), binary.first(), cut.count(), cut.first(), maxLineChars, slow.count(), slow.first());
        }

        private void take(ChunkSearch.Findings chunk) {
            binary.addAll(chunk.binary, firstLineOfChunk);
            cut.addAll(chunk.cut, firstLineOfChunk);
            slow.addAll(chunk.slow, firstLineOfChunk);
            for (int k = 0; k < chunk.matchCount(); k++) {
                int code = chunk.code(k);
                int i = chunk.line(k);
                if (code >= signatures.size()) {
                    contextLine[code - signatures.size()] = firstLineOfChunk + i;
                    contextText[code - signatures.size()] = lineText(chunk, i);
                } else if (keeper.counted(code)) {
                    String line = lineText(chunk, i);
                    keeper.first(code, firstLineOfChunk + i, line, captures(code, line, contextOf(code)));
                } else {
                    pendingLine[code] = i;
                    pendingContext[code] = contextOf(code);
                }
            }
            for (int s = 0; s < pendingLine.length; s++) {
                if (pendingLine[s] >= 0) {
                    String line = lineText(chunk, pendingLine[s]);
                    String[] context = pendingContext[s];
                    int signature = s;
                    keeper.last(s, firstLineOfChunk + pendingLine[s], line, () -> captures(signature, line, context));
                    pendingLine[s] = -1;
                }
            }
            firstLineOfChunk += chunk.lines.count();
        }

        /** The line as matched: at most {@code maxLineChars} characters. */
        private String lineText(ChunkSearch.Findings chunk, int i) {
            return chunk.text.substring(chunk.lines.start(i), chunk.lines.end(i, maxLineChars));
        }

        /** The signature's captures on its hit {@code line}, with those of the context lines that applied to it. */
        private Map<String, String> captures(int signature, String line, String[] context) {
            if (matchers[signature] == null) {
                matchers[signature] = plan.regexes()[signature].matcher();
            }
            Map<String, String> captures = matchers[signature].captures(line, signatures.get(signature).captureNames());
            addContext(signature, context, captures);
            return captures;
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
                    if (contextMatchers[c] == null) {
                        contextMatchers[c] = plan.contextRegexes()[c].matcher();
                    }
                    contextMatchers[c].captures(context[k], contexts.get(c).captureNames()).forEach(captures::putIfAbsent);
                }
            }
        }
    }
}
