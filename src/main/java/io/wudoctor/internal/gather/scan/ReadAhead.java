package io.wudoctor.internal.gather.scan;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands out the prepared chunks of one log in the order of the file, reading, decoding and
 * indexing the next ones on a thread of its own while the caller searches the current one: on
 * a large log the two halves of the work take about as long, so two cores scan it in about half
 * the time. A log read whole in its first chunk (most logs) starts no thread. Memory stays
 * bounded: {@link #POOL} chunks exist, one being searched and the others read ahead.
 */
final class ReadAhead implements AutoCloseable {

    private static final int POOL = 3;
    private static final Object END = new Object();

    private final ChunkReader reader;
    private final boolean asciiLiterals;
    private final boolean search;
    private final boolean threaded;
    /** Chunks free to be read into; one more place for the token {@link #close} wakes the thread with. */
    private final BlockingQueue<PreparedChunk> free = new ArrayBlockingQueue<>(POOL + 1);
    /** Chunks read, in order, then {@link #END} or what the reading thread threw. */
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(POOL + 1);
    private PreparedChunk current;
    private Thread thread;
    private boolean ended;
    private volatile boolean stopped;

    /** @param threaded false to read every chunk on the caller's thread (tests compare the two) */
    ReadAhead(ChunkReader reader, boolean asciiLiterals, boolean search, boolean threaded) {
        this.reader = reader;
        this.asciiLiterals = asciiLiterals;
        this.search = search;
        this.threaded = threaded;
        for (int i = 0; i < POOL; i++) {
            free.add(new PreparedChunk());
        }
    }

    /** The next chunk, or null at the end of the log; the chunk handed out before is given back. */
    PreparedChunk next() throws IOException {
        if (current != null) {
            free.add(current);
            current = null;
        }
        if (thread == null) {
            current = read(free.remove());
            if (current != null && threaded && !reader.atEnd()) {
                thread = new Thread(this::readAhead, "wudoctor-scan-read-ahead");
                thread.setDaemon(true);
                thread.start();
            }
            return current;
        }
        if (ended) {
            return null;
        }
        Object next;
        try {
            next = ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while scanning");
        }
        if (next instanceof PreparedChunk chunk) {
            current = chunk;
            return chunk;
        }
        ended = true;
        if (next instanceof IOException e) {
            throw e;
        }
        if (next instanceof RuntimeException e) {
            throw e;
        }
        if (next instanceof Error e) {
            throw e;
        }
        return null;
    }

    private PreparedChunk read(PreparedChunk into) throws IOException {
        ChunkReader.Chunk chunk = reader.next();
        return chunk == null ? null : into.prepare(chunk, reader.consumed(), asciiLiterals, search);
    }

    private void readAhead() {
        try {
            while (true) {
                PreparedChunk into = free.take();
                if (stopped) {
                    return;
                }
                PreparedChunk chunk = read(into);
                ready.add(chunk == null ? END : chunk);
                if (chunk == null) {
                    return;
                }
            }
        } catch (Throwable t) { // handed to the scanning thread, which reports it in order
            ready.add(t);
        }
    }

    /** Stops the reading thread and waits for it: once closed, nothing reads the log any more. */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        stopped = true;
        free.offer(new PreparedChunk());
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
