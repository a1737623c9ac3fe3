package io.wudoctor.internal.gather.scan;

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
    private final int[] shift = new int[1 << 16];
    /** For a block that ends a window: the literals whose first {@code window} characters end with it. */
    private final int[][] candidates = new int[1 << 16][];

    /** @param literals at least two characters each */
    LiteralSearch(List<String> literals) {
        this.literals = literals.toArray(new String[0]);
        this.window = Math.min(MAX_WINDOW, literals.stream().mapToInt(String::length).min().orElse(BLOCK));
        if (window < BLOCK) {
            throw new IllegalArgumentException("literals must have at least " + BLOCK + " characters");
        }
        Arrays.fill(shift, window - BLOCK + 1);
        // Only the blocks that end a literal's window get candidates: a map, not 65,536 lists
        // (building those cost more than scanning a small log).
        Map<Integer, List<Integer>> ending = new HashMap<>();
        for (int l = 0; l < this.literals.length; l++) {
            String lit = this.literals[l];
            for (int end = BLOCK; end <= window; end++) {
                int h = hash(lit.charAt(end - 2), lit.charAt(end - 1));
                shift[h] = Math.min(shift[h], window - end);
            }
            ending.computeIfAbsent(hash(lit.charAt(window - 2), lit.charAt(window - 1)), h -> new ArrayList<>()).add(l);
        }
        ending.forEach((h, ls) -> candidates[h] = ls.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Reports every occurrence in {@code text}, in order of position (ties in literal order). */
    void search(String text, Hits hits) {
        int n = text.length();
        int pos = window - 1;
        while (pos < n) {
            int h = hash(text.charAt(pos - 1), text.charAt(pos));
            int s = shift[h];
            if (s > 0) {
                pos += s;
                continue;
            }
            int start = pos - window + 1;
            for (int l : candidates[h]) {
                if (text.startsWith(literals[l], start)) {
                    hits.found(l, start);
                }
            }
            pos++;
        }
    }

    private static int hash(char a, char b) {
        return (a & 0xFF) << 8 | (b & 0xFF);
    }
}
