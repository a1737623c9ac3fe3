package io.wudoctor.cli;

import io.wudoctor.api.WudoctorException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
        try {
            Path dir = output.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".wudoctor-", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WudoctorException(ExitCode.USAGE.code, output + ": cannot write the " + what + ": " + e.getMessage());
        }
    }
}
