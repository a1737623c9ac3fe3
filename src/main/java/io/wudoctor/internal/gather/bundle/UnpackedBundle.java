package io.wudoctor.internal.gather.bundle;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A bundle unpacked into a temporary folder, deleted on {@link #close()}, or when the JVM is
 * stopped first (Ctrl-C, a kill): a shutdown hook deletes the folders of the bundles still open.
 */
public final class UnpackedBundle implements AutoCloseable {

    /** The bundles not closed yet: one hook for all of them (a fleet run unpacks many). */
    private static final Set<UnpackedBundle> OPEN = ConcurrentHashMap.newKeySet();

    /**
     * Set by the shutdown hook: an unpack still running stops writing, since it would refill
     * (or recreate) the folder being deleted. Unpacks write under the read lock, the hook sets
     * the flag under the write lock: once set, no write is under way and none begins.
     */
    private static boolean stopping;
    private static final ReentrantReadWriteLock WRITES = new ReentrantReadWriteLock();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            WRITES.writeLock().lock();
            try {
                stopping = true;
            } finally {
                WRITES.writeLock().unlock();
            }
            OPEN.forEach(UnpackedBundle::delete);
        }, "wudoctor-bundle-cleanup"));
    }

    /** One step of an unpack that writes to disk. */
    @FunctionalInterface
    interface Write<T> {
        T run() throws IOException;
    }

    /** Runs {@code write} unless the JVM is shutting down (then the unpack ends with an IOException). */
    static <T> T write(Write<T> write) throws IOException {
        WRITES.readLock().lock();
        try {
            if (stopping) {
                throw new IOException("the run was stopped");
            }
            return write.run();
        } finally {
            WRITES.readLock().unlock();
        }
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
        // deleted before it leaves OPEN: were it the other way round, a hook running in between
        // would skip the folder, and the JVM could halt before this thread had deleted it
        delete();
        OPEN.remove(this);
    }

    private void delete() {
        try {
            deleteTree();
        } catch (IOException e) {
            // A leftover temporary folder must not turn a finished diagnosis into an error.
            System.err.println("wudoctor: warning: could not delete the unpacked bundle " + root + ": " + e.getMessage());
        }
    }

    private void deleteTree() throws IOException {
        if (!Files.exists(root)) {
            return;
        }
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
    }
}
