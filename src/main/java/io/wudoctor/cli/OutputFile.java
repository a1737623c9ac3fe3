package io.wudoctor.cli;

import io.wudoctor.api.WudoctorException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a command's result to stdout, or whole to a file: a reader never sees half of it. */
final class OutputFile {

    private OutputFile() {
    }

    static void write(PrintWriter stdout, Path output, String text, String what) {
        if (output == null) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        String cannot = output + ": cannot write the " + what + ": ";
        Path dir = output.toAbsolutePath().getParent();
        // Say what is wrong with the path itself, not with the temporary file next to it.
        if (Files.isDirectory(output)) {
            throw new WudoctorException(ExitCode.USAGE.code, cannot + "it is a folder (give a file name)");
        }
        if (!Files.isDirectory(dir)) {
            throw new WudoctorException(ExitCode.USAGE.code, cannot + "no such folder " + dir);
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, ".wudoctor-", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            String reason = e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
            throw new WudoctorException(ExitCode.USAGE.code, cannot + reason);
        }
    }

    /** A half-written temporary file must not be left behind. */
    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to do: the message already says the write failed
            }
        }
    }
}
