package io.wudoctor.internal.gather.scan;

import io.wudoctor.facts.LogMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps, for each signature that hit one file, its first and last hit and how many there were:
 * a log can hold many thousands of the same line, and the rules need where it started, where it
 * ended and how often, not every copy. Only those two become facts, so only they have their
 * captures and timestamp taken: a later hit replaces the pending last one without that work.
 */
final class HitKeeper {

    private static final class Hits {
        LogMatch first;
        long lastLine;
        String lastText;
        Supplier<Map<String, String>> lastCaptures;
        int count;
    }

    private final String file;
    private final Map<String, Hits> bySignature = new LinkedHashMap<>();

    HitKeeper(String file) {
        this.file = file;
    }

    /** @param captures gives the hit's captures when asked (for the first hit, and for the last one at the end) */
    void hit(Signature signature, long line, String text, Supplier<Map<String, String>> captures) {
        Hits hits = bySignature.computeIfAbsent(signature.id(), id -> new Hits());
        if (hits.first == null) {
            hits.first = new LogMatch(signature.log(), signature.id(), file, line, Timestamps.of(text), text, captures.get(), 1);
        } else {
            hits.lastLine = line;
            hits.lastText = text;
            hits.lastCaptures = captures;
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
            LogMatch first = h.first;
            out.add(new LogMatch(first.log(), first.signature(), file, first.line(), first.timestamp(), first.text(),
                    first.captures(), h.count));
            if (h.lastText != null) {
                out.add(new LogMatch(first.log(), first.signature(), file, h.lastLine, Timestamps.of(h.lastText), h.lastText,
                        h.lastCaptures.get(), h.count));
            }
        }
        out.sort(Comparator.comparing(LogMatch::line).thenComparing(LogMatch::signature));
        return out;
    }
}
