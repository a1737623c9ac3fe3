package io.wudoctor.internal.gather.scan;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out the searched chunks of one log in the order of the file. The caller's thread reads
 * the chunks, which is cheap (a copy of their bytes); decoding and searching them, most of the
 * work, runs for several chunks at once on a few threads, so a large log is scanned on all the
 * cores. A log read whole in its first chunk (most logs) is searched on the caller's thread.
 * The threads are shared by all scans (a batch scans several sources at once) and end when idle,
 * so a scan starts none and the cores are not oversubscribed. Memory stays bounded: at most
 * {@link #IN_FLIGHT} chunks of a scan are being searched or wait to be handed out.
 */
final class ChunkPipeline implements AutoCloseable {

    private static final int WORKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final int IN_FLIGHT = 2 * WORKERS;
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = pool();

    private final ChunkReader reader;
    private final ChunkSearch.Plan plan;
    /** Searches not in use (each has its own matchers): at most one per chunk searched at once. */
    private final Queue<ChunkSearch> idle = new ConcurrentLinkedQueue<>();
    private final boolean parallel;
    private final ArrayDeque<Future<ChunkSearch.Findings>> inFlight = new ArrayDeque<>();
    private boolean started;
    private boolean readToEnd;

    /** @param parallel false to search every chunk on the caller's thread (tests compare the two) */
    ChunkPipeline(ChunkReader reader, ChunkSearch.Plan plan, boolean parallel) {
        this.reader = reader;
        this.plan = plan;
        this.parallel = parallel;
    }

    private static ExecutorService pool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread t = new Thread(task, "wudoctor-scan-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The next chunk's findings, or null at the end of the log. */
    ChunkSearch.Findings next() throws IOException {
        if (!started) {
            ChunkReader.Chunk chunk = reader.next();
            if (chunk == null || !parallel || reader.atEnd()) {
                return chunk == null ? null : search(chunk, reader.consumed());
            }
            started = true;
            submit(chunk);
        }
        while (!readToEnd && inFlight.size() < IN_FLIGHT) {
            ChunkReader.Chunk chunk = reader.next();
            if (chunk == null) {
                readToEnd = true;
            } else {
                submit(chunk);
            }
        }
        Future<ChunkSearch.Findings> head = inFlight.poll();
        return head == null ? null : result(head);
    }

    private void submit(ChunkReader.Chunk chunk) {
        long consumed = reader.consumed();
        inFlight.add(POOL.submit(() -> search(chunk, consumed)));
    }

    private ChunkSearch.Findings search(ChunkReader.Chunk chunk, long consumed) {
        ChunkSearch search = idle.poll();
        if (search == null) {
            search = new ChunkSearch(plan);
        }
        ChunkSearch.Findings found = search.search(chunk);
        idle.add(search);
        found.consumed = consumed;
        return found;
    }

    private static ChunkSearch.Findings result(Future<ChunkSearch.Findings> searched) throws InterruptedIOException {
        try {
            return searched.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while scanning");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Drops the chunks still being searched (after an error): the threads only compute, they read nothing. */
    @Override
    public void close() {
        inFlight.forEach(f -> f.cancel(false));
        inFlight.clear();
    }
}
