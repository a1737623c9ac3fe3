package io.wudoctor.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Option;

/**
 * Whether to draw progress on stderr: {@code --progress} / {@code --no-progress}, else the
 * WUDOCTOR_PROGRESS variable (1 or 0), else whether stderr is a terminal as far as Java 17 can
 * tell (docs/bundle.md, "Progress"). Progress is a line rewritten with carriage returns: in a
 * log file it would be noise, so when in doubt there is none.
 */
final class ProgressOption {

    @Option(names = "--progress", negatable = true, description = "Show the progress of long scans on stderr, "
            + "or with --no-progress never. Default: when stderr is a terminal (WUDOCTOR_PROGRESS=1 or 0 overrides).")
    Boolean progress;

    boolean show() {
        return show(progress, System.getenv("WUDOCTOR_PROGRESS"), ProgressOption::stderrIsTerminal);
    }

    static boolean show(Boolean option, String env, BooleanSupplier stderrIsTerminal) {
        if (option != null) {
            return option;
        }
        if ("1".equals(env) || "0".equals(env)) {
            return env.equals("1");
        }
        return stderrIsTerminal.getAsBoolean();
    }

    /**
     * Java 17 has no isatty for stderr. Linux names fd 2's device in /proc; a Windows JVM sets
     * sun.stderr.encoding only when stderr is a console. Elsewhere (macOS) the best signal is
     * System.console(), which stands for stdin and stdout (and exists even when they are
     * redirected from JDK 22 on, where Console.isTerminal() tells).
     */
    static boolean stderrIsTerminal() {
        try {
            String device = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux: go on
        }
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return System.getProperty("sun.stderr.encoding") != null;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console); // JDK 22+
        } catch (ReflectiveOperationException e) {
            return true; // JDK 17-21: a console means stdin and stdout are terminals
        }
    }
}
