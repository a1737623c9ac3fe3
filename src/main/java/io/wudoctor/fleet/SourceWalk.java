package io.wudoctor.fleet;

import io.wudoctor.internal.gather.offline.OfflineRootCollector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The machines' sources named by batch arguments, one at a time in a stable order. An argument
 * is a source (facts file, bundle .zip, offline root), a folder of sources (walked: its facts
 * files, zips and offline roots, in name order, and its other folders likewise; other files and
 * hidden names are passed over), or {@code -}: one such argument per line of standard input.
 * An argument that names nothing is still a source: it gets its error record.
 */
public final class SourceWalk implements Iterator<Path> {

    private static final Set<String> SOURCE_SUFFIXES = Set.of(".yaml", ".yml", ".json", ".zip");

    private final Iterator<String> args;
    private final BufferedReader stdin;
    private final Set<Path> excluded;
    private final Deque<Path> pending = new ArrayDeque<>();
    private Iterator<String> stdinLines;

    /**
     * @param excluded files never taken as sources (the batch output and summaries, when they lie
     *                 in a folder being walked), as absolute normalized paths
     */
    public SourceWalk(List<String> args, BufferedReader stdin, Set<Path> excluded) {
        this.args = args.iterator();
        this.stdin = stdin;
        this.excluded = excluded;
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty()) {
            String arg = nextArgument();
            if (arg == null) {
                return false;
            }
            expand(Path.of(arg));
        }
        return true;
    }

    @Override
    public Path next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.pollFirst();
    }

    private String nextArgument() {
        while (true) {
            if (stdinLines != null && stdinLines.hasNext()) {
                String line = stdinLines.next().strip();
                if (!line.isEmpty()) {
                    return line;
                }
                continue;
            }
            if (!args.hasNext()) {
                return null;
            }
            String arg = args.next();
            if (!arg.equals("-")) {
                return arg;
            }
            stdinLines = stdin.lines().iterator();
        }
    }

    /** A folder of sources becomes its sources; anything else is one source. */
    private void expand(Path arg) {
        if (!Files.isDirectory(arg) || OfflineRootCollector.hasEvidence(arg)) {
            pending.add(arg);
            return;
        }
        Deque<Path> folders = new ArrayDeque<>();
        folders.add(arg);
        List<Path> found = new ArrayList<>();
        // Depth-first, children in name order: the same tree gives the same order on every run.
        while (!folders.isEmpty()) {
            Path folder = folders.pollFirst();
            List<Path> sub = new ArrayList<>();
            List<Path> children = sorted(folder);
            if (children == null) { // unreadable: a source of its own, whose error record says why
                pending.add(folder);
                continue;
            }
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || excluded.contains(child.toAbsolutePath().normalize())) {
                    continue;
                }
                if (Files.isDirectory(child)) {
                    if (OfflineRootCollector.hasEvidence(child)) {
                        found.add(child);
                    } else {
                        sub.add(child);
                    }
                } else if (isSourceFile(name)) {
                    found.add(child);
                }
            }
            for (int i = sub.size() - 1; i >= 0; i--) {
                folders.addFirst(sub.get(i));
            }
            pending.addAll(found);
            found.clear();
        }
    }

    /** True for a file name a folder walk takes as a source: a facts file or a bundle. */
    public static boolean isSourceFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return dot > 0 && SOURCE_SUFFIXES.contains(lower.substring(dot));
    }

    /** The folder's entries in name order, or null when it cannot be listed. */
    private static List<Path> sorted(Path folder) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            stream.forEach(children::add);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        children.sort(null);
        return children;
    }
}
