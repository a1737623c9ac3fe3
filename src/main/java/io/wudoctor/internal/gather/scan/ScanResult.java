package io.wudoctor.internal.gather.scan;

import io.wudoctor.facts.LogMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * What scanning one log found: the matches, plus what had to be passed over (binary lines,
 * lines cut at the length limit, lines a lookaround pattern gave up on at its budget), each with
 * the first line where it happened.
 */
public record ScanResult(String file, String encoding, long lines, long bytes, List<LogMatch> matches,
        long binaryLines, long firstBinaryLine, long cutLines, long firstCutLine, int lineLimit, long slowLines,
        long firstSlowLine) {

    public ScanResult {
        matches = List.copyOf(matches);
    }

    /** One message per kind of line passed over, for the user. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (binaryLines > 0) {
            out.add(file + ": skipped " + binaryLines + " line(s) of binary data (NUL bytes or undecodable text), "
                    + "first at line " + firstBinaryLine);
        }
        if (cutLines > 0) {
            out.add(file + ": " + cutLines + " line(s) longer than " + lineLimit + " characters were matched on their first "
                    + lineLimit + " characters only, first at line " + firstCutLine);
        }
        if (slowLines > 0) {
            out.add(file + ": " + slowLines + " line(s) made a signature with lookarounds or backreferences work past its "
                    + "budget and were not matched by it, first at line " + firstSlowLine);
        }
        return out;
    }
}
