package io.wudoctor.cli;

import io.wudoctor.api.GatherListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Prints gathering warnings on stderr, and, when asked to (stderr is a terminal), the progress of scans
 * that take more than a second, on one line rewritten in place and erased when the scan ends.
 */
final class TerminalListener implements GatherListener {

    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long EVERY_NANOS = 200_000_000L;
    private static final double MB = 1024.0 * 1024;

    private final PrintWriter err;
    private final boolean showProgress;
    private final LongSupplier clock;
    private String file;
    private long fileStart;
    private long lastShown;
    private int shownWidth;

    TerminalListener(PrintWriter err, boolean showProgress, LongSupplier clock) {
        this.err = err;
        this.showProgress = showProgress;
        this.clock = clock;
    }

    /** With progress as {@link ProgressOption} decides: redirected or piped stderr stays free of it. */
    static TerminalListener forStderr(PrintWriter err, ProgressOption progress) {
        return new TerminalListener(err, progress.show(), System::nanoTime);
    }

    @Override
    public void warning(String message) {
        erase();
        err.println("wudoctor: warning: " + message);
        err.flush();
    }

    @Override
    public void progress(String scanned, long done, long total) {
        if (!showProgress) {
            return;
        }
        long now = clock.getAsLong();
        if (!scanned.equals(file)) {
            file = scanned;
            fileStart = now;
            lastShown = now - EVERY_NANOS;
        }
        if (now - fileStart < QUIET_NANOS || now - lastShown < EVERY_NANOS) {
            return;
        }
        lastShown = now;
        String line = total > 0
                ? String.format(Locale.ROOT, "wudoctor: scanning %s  %.0f / %.0f MB (%d%%)", scanned, done / MB, total / MB, done * 100 / total)
                : String.format(Locale.ROOT, "wudoctor: scanning %s  %.0f MB", scanned, done / MB);
        err.print("\r" + line + " ".repeat(Math.max(0, shownWidth - line.length())));
        err.flush();
        shownWidth = line.length();
    }

    @Override
    public void scanned(String scannedFile) {
        erase();
        file = null;
    }

    private void erase() {
        if (shownWidth > 0) {
            err.print("\r" + " ".repeat(shownWidth) + "\r");
            err.flush();
            shownWidth = 0;
        }
    }
}
