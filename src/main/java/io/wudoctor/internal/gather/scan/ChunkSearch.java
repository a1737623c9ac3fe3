package io.wudoctor.internal.gather.scan;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Decides, for one chunk of a log, which of its lines each signature and each context pattern
 * matches: the chunk's own work, which needs nothing from the chunks before it, so chunks can be
 * searched on several threads at once (see {@link ChunkPipeline}). One multi-literal search finds
 * the lines holding a literal, and only those lines go to the regexes of its signatures;
 * signatures without a literal try every line. What follows from a match (counts, first and last
 * hits, the context that applies) depends on the chunks before, and is left to the scan, which
 * replays the {@link Findings} in the order of the file. Each thread has its own instance: the
 * matchers are not shared.
 */
final class ChunkSearch {

    /** What the scanner compiled once, shared by every thread. */
    record Plan(int signatures, LiteralSearch search, boolean asciiLiterals, int[][] signaturesOfLiteral, int[] withoutLiteral,
            LineRegex.Compiled[] regexes, LineRegex.Compiled[] contextRegexes, int maxLineChars) {
    }

    /**
     * One chunk searched: its text and lines, its matches in the order they were found (a code
     * and a line of the chunk each: a signature's index, or the number of signatures plus a
     * context pattern's index), and its lines passed over, counted with the first one found.
     */
    static final class Findings {
        final String text;
        final LineIndex lines = new LineIndex();
        private int[] matches = new int[16];
        private int matchCount;
        final PassedOver binary = new PassedOver();
        final PassedOver cut = new PassedOver();
        final PassedOver slow = new PassedOver();
        /** Bytes of the log read up to the end of this chunk, for progress (set by whoever read it). */
        long consumed;

        private Findings(String text) {
            this.text = text;
        }

        int matchCount() {
            return matchCount;
        }

        int code(int match) {
            return matches[2 * match];
        }

        int line(int match) {
            return matches[2 * match + 1];
        }

        private void add(int code, int line) {
            if (2 * matchCount == matches.length) {
                matches = Arrays.copyOf(matches, matches.length * 2);
            }
            matches[2 * matchCount] = code;
            matches[2 * matchCount + 1] = line;
            matchCount++;
        }
    }

    private final Plan plan;
    private final LineRegex[] matchers;
    private final LineRegex[] contextMatchers;

    ChunkSearch(Plan plan) {
        this.plan = plan;
        this.matchers = new LineRegex[plan.signatures()];
        this.contextMatchers = new LineRegex[plan.contextRegexes().length];
    }

    Findings search(ChunkReader.Chunk chunk) {
        Findings f = new Findings(chunk.text());
        String text = f.text;
        LineIndex lines = f.lines;
        lines.index(text);
        // Two fast searches tell the usual chunk, which has neither, from one whose lines must be looked at.
        BitSet binary = text.indexOf('\0') >= 0 || text.indexOf('\uFFFD') >= 0 ? binaryLines(f) : null;
        countCutLines(f, chunk.overlongLine());
        int signatures = plan.signatures();
        int[] lastTried = new int[signatures + contextMatchers.length];
        Arrays.fill(lastTried, -1);
        if (plan.search() != null) {
            byte[] oneBytePerChar = chunk.oneBytePerChar(text);
            byte[] bytes = oneBytePerChar != null && plan.asciiLiterals() ? oneBytePerChar : LiteralSearch.project(text);
            plan.search().search(text, bytes, (literal, start) -> {
                int line = lines.lineAt(start);
                for (int s : plan.signaturesOfLiteral()[literal]) {
                    if (lastTried[s] != line) { // a signature tries a line once, however often its literal occurs
                        lastTried[s] = line;
                        if (s < signatures) {
                            trySignature(f, s, line, binary);
                        } else {
                            tryContext(f, s - signatures, line, binary);
                        }
                    }
                }
            });
        }
        chunk.release();
        for (int s : plan.withoutLiteral()) {
            for (int line = 0; line < lines.count(); line++) {
                trySignature(f, s, line, binary);
            }
        }
        return f;
    }

    private void trySignature(Findings f, int signature, int i, BitSet binary) {
        if (binary != null && binary.get(i)) {
            return;
        }
        if (matchers[signature] == null) {
            matchers[signature] = plan.regexes()[signature].matcher();
        }
        LineRegex m = matchers[signature];
        if (m.find(f.text, f.lines.start(i), f.lines.end(i, plan.maxLineChars()))) {
            f.add(signature, i);
        } else if (m.gaveUp()) {
            f.slow.add(i);
        }
    }

    private void tryContext(Findings f, int context, int i, BitSet binary) {
        if (binary != null && binary.get(i)) {
            return;
        }
        if (contextMatchers[context] == null) {
            contextMatchers[context] = plan.contextRegexes()[context].matcher();
        }
        if (contextMatchers[context].find(f.text, f.lines.start(i), f.lines.end(i, plan.maxLineChars()))) {
            f.add(plan.signatures() + context, i);
        }
    }

    private void countCutLines(Findings f, boolean overlongChunk) {
        for (int i = 0; i < f.lines.count(); i++) {
            if (overlongChunk || f.lines.end(i) - f.lines.start(i) > plan.maxLineChars()) {
                f.cut.add(i);
            }
        }
    }

    /** The binary lines of a chunk that holds a NUL or a U+FFFD. */
    private BitSet binaryLines(Findings f) {
        BitSet binary = new BitSet(f.lines.count());
        for (int i = 0; i < f.lines.count(); i++) {
            if (isBinary(f.text, f.lines.start(i), f.lines.end(i, plan.maxLineChars()))) {
                binary.set(i);
                f.binary.add(i);
            }
        }
        return binary;
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
