package io.wudoctor.internal.gather.scan;

import io.wudoctor.facts.LogMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps, for each signature that hit one file, its first and last hit and how many there were:
 * a log can hold many thousands of the same line, and the rules need where it started, where it
 * ended and how often, not every copy.
 */
final class HitKeeper {

    private static final class Hits {
        LogMatch first;
        LogMatch last;
        int count;
    }

    private final String file;
    private final Map<String, Hits> bySignature = new LinkedHashMap<>();

    HitKeeper(String file) {
        this.file = file;
    }

    void hit(Signature signature, long line, String text, Map<String, String> captures) {
        Hits hits = bySignature.computeIfAbsent(signature.id(), id -> new Hits());
        LogMatch match = new LogMatch(signature.log(), signature.id(), file, line, Timestamps.of(text), text, captures, 1);
        if (hits.first == null) {
            hits.first = match;
        } else {
            hits.last = match;
        }
        hits.count = hits.count == Integer.MAX_VALUE ? hits.count : hits.count + 1;
    }

    /**
     * The first hit of each signature and, when it hit again, its last; each with the total count,
     * in the order of the file (the same whatever the chunk boundaries were).
     */
    List<LogMatch> matches() {
        List<LogMatch> out = new ArrayList<>();
        for (Hits h : bySignature.values()) {
            out.add(withCount(h.first, h.count));
            if (h.last != null) {
                out.add(withCount(h.last, h.count));
            }
        }
        out.sort(Comparator.comparing(LogMatch::line).thenComparing(LogMatch::signature));
        return out;
    }

    private static LogMatch withCount(LogMatch m, int count) {
        return new LogMatch(m.log(), m.signature(), m.file(), m.line(), m.timestamp(), m.text(), m.captures(), count);
    }
}
