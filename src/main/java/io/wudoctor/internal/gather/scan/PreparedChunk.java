package io.wudoctor.internal.gather.scan;

/**
 * A chunk made ready for the search, by whichever thread reads the log (see {@link ReadAhead}):
 * its text, the bytes the literal search slides over, where its lines are, and whether it may
 * hold binary lines. Reused from chunk to chunk, so preparing allocates little once it has grown.
 */
final class PreparedChunk {

    private final LineIndex lines = new LineIndex();
    /** A copy of the chunk's bytes when each made one character: the reader's buffer moves on. */
    private byte[] ownBytes = new byte[0];
    private String text;
    private boolean overlongLine;
    private byte[] searchBytes;
    private boolean mayHoldBinary;
    private long consumed;

    /**
     * Prepares {@code chunk}, read when {@code consumed} bytes of the log were read.
     *
     * @param asciiLiterals whether the literal search may slide over the bytes the chunk was
     *                      decoded from (see {@link LiteralSearch#asciiLiterals})
     * @param search        whether the chunk is searched for literals at all
     */
    PreparedChunk prepare(ChunkReader.Chunk chunk, long consumed, boolean asciiLiterals, boolean search) {
        this.text = chunk.text();
        this.overlongLine = chunk.overlongLine();
        this.consumed = consumed;
        lines.index(text);
        // Two fast searches tell the usual chunk, which has neither, from one whose lines must be looked at.
        mayHoldBinary = text.indexOf('\0') >= 0 || text.indexOf('\uFFFD') >= 0;
        searchBytes = null;
        if (search) {
            byte[] oneBytePerChar = chunk.oneBytePerChar();
            if (oneBytePerChar != null && asciiLiterals) {
                if (ownBytes.length < text.length()) {
                    ownBytes = new byte[oneBytePerChar.length];
                }
                System.arraycopy(oneBytePerChar, 0, ownBytes, 0, text.length());
                searchBytes = ownBytes;
            } else {
                searchBytes = LiteralSearch.project(text);
            }
        }
        return this;
    }

    String text() {
        return text;
    }

    boolean overlongLine() {
        return overlongLine;
    }

    /** The text's characters as bytes for {@link LiteralSearch#search(String, byte[], LiteralSearch.Hits)}; null when not searched. */
    byte[] searchBytes() {
        return searchBytes;
    }

    LineIndex lines() {
        return lines;
    }

    /** False when no line of the chunk can be binary (it holds no NUL and no U+FFFD). */
    boolean mayHoldBinary() {
        return mayHoldBinary;
    }

    /** Bytes of the log read up to the end of this chunk, for progress. */
    long consumed() {
        return consumed;
    }
}
