package io.wudoctor.internal.gather.live;

import io.wudoctor.internal.gather.scan.TextEncoding;
import java.util.List;

/**
 * Runs a command of the diagnosed machine and returns what it printed: the seam through which
 * every live collector reaches Windows, so that tests replay recorded outputs instead. wudoctor
 * only ever runs commands that read (queries), never ones that change the machine.
 */
@FunctionalInterface
public interface CommandRunner {

    /** The exit code and standard output of a command; exit code -1 when it could not run at all. */
    record Output(int exitCode, byte[] stdout) {

        public static final Output NOT_RUN = new Output(-1, new byte[0]);

        public boolean ok() {
            return exitCode == 0;
        }

        /** Standard output as text, in whatever encoding the command wrote (OEM pages aside). */
        public String text() {
            return TextEncoding.decode(stdout);
        }
    }

    Output run(List<String> argv);
}
