package io.wudoctor.cli;

import io.wudoctor.exit.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * Writes a command's result to stdout ({@code -o -} or no {@code -o}), or whole to a regular
 * file: a reader never sees half of it, and nothing that is not a regular file is ever
 * replaced. The file is written next to its target and renamed over it; an existing file keeps
 * its permissions (and, where allowed, its owner). Refused with exit 2: a folder, a symbolic
 * link, a device, a pipe or a socket (print to stdout and redirect instead), a file with other
 * hard links (renaming would split them), and the command's own input.
 */
final class OutputFile {

    private OutputFile() {
    }

    static void write(PrintWriter stdout, Path output, String text, String what) {
        write(stdout, output, text, what, null);
    }

    /** @param input the file the command read, which the output must not replace (null: none) */
    static void write(PrintWriter stdout, Path output, String text, String what, Path input) {
        if (output == null || output.toString().equals("-")) {
            stdout.print(text);
            stdout.flush();
            if (stdout.checkError()) { // PrintWriter swallows write errors: a full disk must not look like success
                throw new UsageException("cannot write the " + what + " to standard output");
            }
            return;
        }
        String cannot = output + ": cannot write the " + what + ": ";
        Path dir = output.toAbsolutePath().getParent();
        refuseWhatIsNotARegularFile(output, input, cannot);
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException(cannot + "no such folder " + dir);
        }
        PosixFileAttributes existing = posix(output);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, ".wudoctor-", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            if (existing != null) {
                keepModeAndOwner(tmp, existing);
            }
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            String reason = e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
            throw new UsageException(cannot + reason);
        }
    }

    private static void refuseWhatIsNotARegularFile(Path output, Path input, String cannot) {
        if (Files.isSymbolicLink(output)) {
            throw new UsageException(cannot + "it is a symbolic link (give the file it points to)");
        }
        if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(output)) {
            throw new UsageException(cannot + "it is a folder (give a file name)");
        }
        if (!Files.isRegularFile(output, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException(cannot + "it is not a regular file (a device, pipe or socket); "
                    + "omit -o (or give -o -) and redirect standard output instead");
        }
        try {
            if (input != null && Files.exists(input) && Files.isSameFile(output, input)) {
                throw new UsageException(cannot + "it is the input this command reads");
            }
            Object links = Files.getFileStore(output).supportsFileAttributeView("unix")
                    ? Files.getAttribute(output, "unix:nlink", LinkOption.NOFOLLOW_LINKS) : null;
            if (links instanceof Integer n && n > 1) {
                throw new UsageException(cannot + "it has " + (n - 1) + " other hard link(s), "
                        + "which replacing it would split from it; give a new file name");
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // the checks are best effort: the write below still reports a real failure
        }
    }

    private static PosixFileAttributes posix(Path output) {
        try {
            return Files.isRegularFile(output, LinkOption.NOFOLLOW_LINKS)
                    ? Files.readAttributes(output, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS) : null;
        } catch (IOException | UnsupportedOperationException e) {
            return null; // not a POSIX file system (Windows): nothing to keep
        }
    }

    private static void keepModeAndOwner(Path tmp, PosixFileAttributes existing) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        view.setPermissions(existing.permissions());
        try {
            view.setOwner(existing.owner());
            view.setGroup(existing.group());
        } catch (IOException notAllowed) {
            // only root may give a file away: the file is then the writer's, as any new file would be
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
