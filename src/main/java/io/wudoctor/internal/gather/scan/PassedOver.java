package io.wudoctor.internal.gather.scan;

/**
 * Lines of one kind a scan passed over (binary, cut, too slow for the regex budget): how many,
 * and the first one's number. A chunk counts its own with lines of the chunk; the scan adds the
 * chunks' up in file order, with file lines.
 */
final class PassedOver {

    private long count;
    /** The first one's line (0 while there is none, as the scan's result reports it). */
    private long first;

    /** One more, at {@code line}. */
    void add(long line) {
        if (count++ == 0) {
            first = line;
        }
    }

    /** A chunk's, whose first line is file line {@code firstLineOfChunk}. */
    void addAll(PassedOver chunk, long firstLineOfChunk) {
        if (chunk.count > 0 && count == 0) {
            first = firstLineOfChunk + chunk.first;
        }
        count += chunk.count;
    }

    long count() {
        return count;
    }

    long first() {
        return first;
    }
}
