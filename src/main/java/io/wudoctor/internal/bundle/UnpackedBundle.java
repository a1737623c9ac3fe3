package io.wudoctor.internal.bundle;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** A bundle unpacked into a temporary folder, deleted on {@link #close()}. */
public final class UnpackedBundle implements AutoCloseable {

    private final Path root;

    UnpackedBundle(Path root) {
        this.root = root;
    }

    /** The unpacked Windows root. */
    public Path root() {
        return root;
    }

    /** Deletes the folder and everything in it; links are removed, never followed. */
    @Override
    public void close() {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A leftover temporary folder must not turn a finished diagnosis into an error.
            System.err.println("wudoctor: warning: could not delete the unpacked bundle " + root + ": " + e.getMessage());
        }
    }
}
