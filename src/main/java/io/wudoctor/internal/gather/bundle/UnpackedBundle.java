package io.wudoctor.internal.gather.bundle;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bundle unpacked into a temporary folder, deleted on {@link #close()}, or when the JVM is
 * stopped first (Ctrl-C, a kill): a shutdown hook deletes the folders of the bundles still open.
 */
public final class UnpackedBundle implements AutoCloseable {

    /** The bundles not closed yet: one hook for all of them (a fleet run unpacks many). */
    private static final Set<UnpackedBundle> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(UnpackedBundle::delete), "wudoctor-bundle-cleanup"));
    }

    private final Path root;

    UnpackedBundle(Path root) {
        this.root = root;
        OPEN.add(this);
    }

    /** The unpacked Windows root. */
    public Path root() {
        return root;
    }

    /** Deletes the folder and everything in it; links are removed, never followed. */
    @Override
    public void close() {
        OPEN.remove(this);
        delete();
    }

    private void delete() {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // gone already (the hook and close racing): nothing to delete
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A leftover temporary folder must not turn a finished diagnosis into an error.
            System.err.println("wudoctor: warning: could not delete the unpacked bundle " + root + ": " + e.getMessage());
        }
    }
}
