package io.wudoctor.internal.gather.scan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every occurrence of any of several literals in one pass over a text (Wu-Manber, with
 * blocks of two characters). A window as long as the shortest literal slides along the text;
 * the last two characters of the window say how far it may jump without skipping a match, and
 * in log text, which rarely holds the literals' character pairs, it jumps almost the whole
 * window. One pass serves every signature, where searching each literal in turn would read the
 * text once per signature.
 *
 * <p>The window slides over one byte per character: the bytes the chunk was read from when each
 * stands for one character (a UTF-8 chunk without multi-byte characters, the usual log), else
 * the text's characters cut to a byte ({@link #project}). Literal characters are cut the same
 * way, so every occurrence is still seen; a candidate is then checked on the text itself. Bytes
 * are read faster than a string's characters, and the table of jumps is a quarter of the size.
 */
final class LiteralSearch {

    /** Receives each occurrence: which literal (its index in the constructor's list) and where it starts. */
    @FunctionalInterface
    interface Hits {
        void found(int literal, int start);
    }

    private static final int BLOCK = 2;
    /**
     * The window is at most this long: only a literal's first characters feed the jump table. A
     * long literal of English words holds most of the character pairs of log text, and each pair
     * it holds shortens the jump; a shorter window keeps the table sparse.
     */
    static final int MAX_WINDOW = 16;

    private final String[] literals;
    private final int window;
    private final byte[] shift = new byte[1 << 16];
    /** For a block that ends a window: the literals whose first {@code window} characters end with it. */
    private final int[][] candidates = new int[1 << 16][];

    /** @param literals at least two characters each */
    LiteralSearch(List<String> literals) {
        this.literals = literals.toArray(new String[0]);
        this.window = Math.min(MAX_WINDOW, literals.stream().mapToInt(String::length).min().orElse(BLOCK));
        if (window < BLOCK) {
            throw new IllegalArgumentException("literals must have at least " + BLOCK + " characters");
        }
        Arrays.fill(shift, (byte) (window - BLOCK + 1));
        // Only the blocks that end a literal's window get candidates: a map, not 65,536 lists
        // (building those cost more than scanning a small log).
        Map<Integer, List<Integer>> ending = new HashMap<>();
        for (int l = 0; l < this.literals.length; l++) {
            String lit = this.literals[l];
            for (int end = BLOCK; end <= window; end++) {
                int h = hash(cut(lit.charAt(end - 2)), cut(lit.charAt(end - 1)));
                shift[h] = (byte) Math.min(shift[h], window - end);
            }
            ending.computeIfAbsent(hash(cut(lit.charAt(window - 2)), cut(lit.charAt(window - 1))), h -> new ArrayList<>()).add(l);
        }
        ending.forEach((h, ls) -> candidates[h] = ls.stream().mapToInt(Integer::intValue).toArray());
    }

    /** True when every literal is ASCII: then the bytes of a chunk with one byte per character can be searched. */
    boolean asciiLiterals() {
        return Arrays.stream(literals).allMatch(l -> l.chars().allMatch(c -> c < 0x80));
    }

    /** Reports every occurrence in {@code text}, in order of position (ties in literal order). */
    void search(String text, Hits hits) {
        search(text, project(text), hits);
    }

    /**
     * The same, given the text's characters as bytes: {@code bytes[i]} is {@code text.charAt(i)}
     * cut to a byte ({@link #project}), or, when the literals are ASCII ({@link #asciiLiterals}),
     * the byte it was decoded from if each character came from one byte (ASCII, or an
     * undecodable byte, U+FFFD in the text, which is never part of an occurrence).
     */
    void search(String text, byte[] bytes, Hits hits) {
        // Two windows slide at once, one over each half of the text (an occurrence belongs to the
        // half it starts in): each step waits on the byte and the jump before it, and the two
        // halves' steps do not wait on each other, so the processor overlaps them. Occurrences
        // are kept, then reported in order, the first half's first: the loop stays small (the
        // JIT compiles it fast and well) and {@code hits} is called from one place.
        int n = text.length();
        int mid = n / 2;
        int a = window - 1;
        int aEnd = Math.min(n, mid + window - 1);
        int b = aEnd;
        Found first = new Found();
        Found later = new Found();
        while (a < aEnd && b < n) {
            int ha = (bytes[a - 1] & 0xFF) << 8 | (bytes[a] & 0xFF);
            int hb = (bytes[b - 1] & 0xFF) << 8 | (bytes[b] & 0xFF);
            int sa = shift[ha];
            int sb = shift[hb];
            if (sa > 0) {
                a += sa;
            } else {
                check(text, a++, ha, first);
            }
            if (sb > 0) {
                b += sb;
            } else {
                check(text, b++, hb, later);
            }
        }
        slide(text, bytes, a, aEnd, first);
        slide(text, bytes, b, n, later);
        first.report(hits);
        later.report(hits);
    }

    /** One window, its end from {@code pos} to {@code end} (exclusive). */
    private void slide(String text, byte[] bytes, int pos, int end, Found found) {
        while (pos < end) {
            int h = (bytes[pos - 1] & 0xFF) << 8 | (bytes[pos] & 0xFF);
            int s = shift[h];
            if (s > 0) {
                pos += s;
            } else {
                check(text, pos++, h, found);
            }
        }
    }

    /** Keeps the literals whose window ends with block {@code h} at {@code pos} and that occur there. */
    private void check(String text, int pos, int h, Found found) {
        int start = pos - window + 1;
        for (int l : candidates[h]) {
            if (text.startsWith(literals[l], start)) {
                found.add(l, start);
            }
        }
    }

    /** Occurrences kept, as (literal, start) pairs, in order. */
    private static final class Found {
        private int[] found = new int[32];
        private int count;

        void add(int literal, int start) {
            if (2 * count == found.length) {
                found = Arrays.copyOf(found, found.length * 2);
            }
            found[2 * count] = literal;
            found[2 * count + 1] = start;
            count++;
        }

        void report(Hits hits) {
            for (int k = 0; k < count; k++) {
                hits.found(found[2 * k], found[2 * k + 1]);
            }
        }
    }

    /** The text's characters cut to a byte each: the ASCII and Latin-1 ones are themselves, the rest '?'. */
    static byte[] project(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length == text.length()) {
            return bytes;
        }
        // The encoder wrote one '?' for a surrogate pair (an emoji, say): one byte per character instead.
        bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) cut(text.charAt(i));
        }
        return bytes;
    }

    /** A literal's character as {@link #project} cuts it. */
    private static int cut(char c) {
        return c <= 0xFF ? c : '?';
    }

    private static int hash(int a, int b) {
        return a << 8 | b;
    }
}
