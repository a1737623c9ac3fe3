package io.wudoctor.api;

/**
 * Hears what happens while facts are gathered from evidence: warnings about what had to be
 * passed over (binary lines, an unreadable log, a command that failed) and the progress of
 * long log scans. Every method does nothing by default.
 */
public interface GatherListener {

    /** A listener that ignores everything. */
    GatherListener SILENT = new GatherListener() {
    };

    /** Something the user should know: the facts may be incomplete. */
    default void warning(String message) {
    }

    /** {@code done} of {@code total} bytes of {@code file} have been scanned. */
    default void progress(String file, long done, long total) {
    }

    /** The scan of {@code file} is over. */
    default void scanned(String file) {
    }
}
