package io.wudoctor.internal.gather.scan;

import java.util.Arrays;

/**
 * Where each line of a chunk starts and ends (without its line break: LF, CRLF or a lone CR).
 * Reused from chunk to chunk, so indexing allocates nothing once it has grown.
 */
final class LineIndex {

    private int[] starts = new int[1024];
    private int[] ends = new int[1024];
    private int count;

    void index(String text) {
        count = 0;
        int pos = 0;
        int n = text.length();
        boolean hasCr = text.indexOf('\r') >= 0;
        int nextLf = text.indexOf('\n');
        int nextCr = hasCr ? text.indexOf('\r') : -1;
        while (pos < n) {
            if (nextLf >= 0 && nextLf < pos) {
                nextLf = text.indexOf('\n', pos);
            }
            if (nextCr >= 0 && nextCr < pos) {
                nextCr = text.indexOf('\r', pos);
            }
            int end = nextLf < 0 ? nextCr : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
            if (end < 0) {
                add(pos, n);
                return;
            }
            add(pos, end);
            pos = end + (end == nextCr && end + 1 < n && text.charAt(end + 1) == '\n' ? 2 : 1);
        }
    }

    private void add(int start, int end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    int count() {
        return count;
    }

    int start(int line) {
        return starts[line];
    }

    int end(int line) {
        return ends[line];
    }

    /** The end of the line as it is matched: at most {@code maxChars} characters after its start. */
    int end(int line, int maxChars) {
        return Math.min(ends[line], starts[line] + maxChars);
    }

    /** The line holding the character at {@code offset}. */
    int lineAt(int offset) {
        int i = Arrays.binarySearch(starts, 0, count, offset);
        return i >= 0 ? i : -i - 2;
    }
}
