package io.wudoctor.internal.gather.scan;

import io.wudoctor.facts.LogMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps, for each signature that hit one file, its first and last hit and how many there were:
 * a log can hold many thousands of the same line, and the rules need where it started, where it
 * ended and how often, not every copy. Only those two become facts, so only they have their
 * captures and timestamp taken, and a hit in between costs a count: the scanner hands over the
 * first hit at once and, at the end of each chunk, the latest one as the last so far.
 */
final class HitKeeper {

    private final String file;
    private final List<Signature> signatures;
    private final int[] count;
    private final LogMatch[] first;
    private final long[] lastLine;
    private final String[] lastText;
    private final List<Supplier<Map<String, String>>> lastCaptures = new ArrayList<>();

    HitKeeper(String file, List<Signature> signatures) {
        this.file = file;
        this.signatures = signatures;
        this.count = new int[signatures.size()];
        this.first = new LogMatch[signatures.size()];
        this.lastLine = new long[signatures.size()];
        this.lastText = new String[signatures.size()];
        signatures.forEach(s -> lastCaptures.add(null));
    }

    /** Counts a hit of signature {@code s}; true when it is its first, which the caller then gives to {@link #first}. */
    boolean counted(int s) {
        if (count[s] < Integer.MAX_VALUE) {
            count[s]++;
        }
        return count[s] == 1;
    }

    void first(int s, long line, String text, Map<String, String> captures) {
        Signature sig = signatures.get(s);
        first[s] = new LogMatch(sig.log(), sig.id(), file, line, Timestamps.of(text), text, captures, 1);
    }

    /** A later hit, the last so far; {@code captures} gives its captures if it stays the last. */
    void last(int s, long line, String text, Supplier<Map<String, String>> captures) {
        lastLine[s] = line;
        lastText[s] = text;
        lastCaptures.set(s, captures);
    }

    /**
     * The first hit of each signature and, when it hit again, its last; each with the total count,
     * in the order of the file (the same whatever the chunk boundaries were).
     */
    List<LogMatch> matches() {
        List<LogMatch> out = new ArrayList<>();
        for (int s = 0; s < first.length; s++) {
            LogMatch f = first[s];
            if (f == null) {
                continue;
            }
            out.add(new LogMatch(f.log(), f.signature(), file, f.line(), f.timestamp(), f.text(), f.captures(), count[s]));
            if (lastText[s] != null) {
                out.add(new LogMatch(f.log(), f.signature(), file, lastLine[s], Timestamps.of(lastText[s]), lastText[s],
                        lastCaptures.get(s).get(), count[s]));
            }
        }
        out.sort(Comparator.comparing(LogMatch::line).thenComparing(LogMatch::signature));
        return out;
    }
}
