package io.wudoctor.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress of a batch on one line of stderr rewritten in place (done / total, rate, ETA),
 * at most five times a second, only when stderr is a terminal.
 */
final class BatchProgress {

    private static final long EVERY_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean show;
    private final LongSupplier clock;
    private final long start;
    private long total = -1;
    private long lastShown;
    private int shownWidth;

    BatchProgress(PrintWriter err, boolean show, LongSupplier clock) {
        this.err = err;
        this.show = show;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastShown = start;
    }

    /** The number of sources to run, once known (-1: unknown, sources come from stdin). */
    void total(long sources) {
        this.total = sources;
    }

    void done(long done) {
        if (!show) {
            return;
        }
        long now = clock.getAsLong();
        if (now - lastShown < EVERY_NANOS) {
            return;
        }
        lastShown = now;
        String line = line(done, now - start);
        err.print("\r" + line + " ".repeat(Math.max(0, shownWidth - line.length())));
        err.flush();
        shownWidth = line.length();
    }

    String line(long done, long elapsedNanos) {
        double perMinute = elapsedNanos <= 0 ? 0 : done * 60e9 / elapsedNanos;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "wudoctor: batch %,d", done));
        if (total >= 0) {
            s.append(String.format(Locale.ROOT, " / %,d (%d%%)", total, total == 0 ? 100 : done * 100 / total));
        }
        s.append(String.format(Locale.ROOT, "  %,.0f/min", perMinute));
        if (total >= 0 && perMinute > 0) {
            long seconds = Math.round((total - done) * 60 / perMinute);
            s.append(String.format(Locale.ROOT, "  ETA %d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60));
        }
        return s.toString();
    }

    void erase() {
        if (shownWidth > 0) {
            err.print("\r" + " ".repeat(shownWidth) + "\r");
            err.flush();
            shownWidth = 0;
        }
    }
}
