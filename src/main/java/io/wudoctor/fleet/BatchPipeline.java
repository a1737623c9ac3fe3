package io.wudoctor.fleet;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Diagnoses sources on {@code jobs} threads and hands the results to one consumer in input order.
 * At most {@link #WINDOW_PER_JOB} times {@code jobs} sources are in flight or waiting to be
 * written, so memory does not grow with the number of sources; the order makes a run's output
 * the same whatever the timing, and an interrupted one a prefix of it.
 */
public final class BatchPipeline {

    /** Sources in flight per thread: enough to keep every thread busy behind one slow bundle. */
    static final int WINDOW_PER_JOB = 4;

    /** Receives each finished source, in input order, on the calling thread. */
    public interface Sink {
        void accept(RecordLine done);
    }

    private final FleetDiagnoser diagnoser;
    private final int jobs;

    public BatchPipeline(FleetDiagnoser diagnoser, int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
        this.diagnoser = diagnoser;
        this.jobs = jobs;
    }

    /**
     * Runs every source that {@code skip} does not refuse.
     *
     * @param skip true for a source already done (--resume), tested on its record name
     */
    public void run(Iterator<Path> sources, Predicate<String> skip, Sink sink) throws InterruptedException {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "wudoctor-batch-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Deque<Future<RecordLine>> window = new ArrayDeque<>();
        try {
            while (sources.hasNext()) {
                Path source = sources.next().toAbsolutePath().normalize();
                if (skip.test(source.toString())) {
                    continue;
                }
                window.add(pool.submit(() -> RecordLine.of(diagnoser.diagnose(source))));
                if (window.size() >= jobs * WINDOW_PER_JOB) {
                    sink.accept(take(window.pollFirst()));
                }
            }
            while (!window.isEmpty()) {
                sink.accept(take(window.pollFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static RecordLine take(Future<RecordLine> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            // FleetDiagnoser turns every failure of a source into a record; this is an Error (out of memory).
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
