package io.wudoctor.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A build step of the runtime profile (not shipped, like {@link ReleaseDocs}): the parts of the
 * release archive that carries its own Java (docs/install.md, "The archive with its own
 * runtime"). In an output folder it writes
 * <ul>
 *   <li>{@code lib/}: the jars, each with the same whole-second modification time, since the
 *       class-data archive is valid only for jars of the recorded size and time and tar keeps
 *       whole seconds;</li>
 *   <li>{@code runtime/}: a jlink image of the modules wudoctor uses, with jlink's archive of the
 *       JDK classes;</li>
 *   <li>{@code runtime/wudoctor.jsa}: a dynamic class-data archive of the classes a diagnosis in
 *       every output format loads, recorded with that runtime, and
 *       {@code runtime/wudoctor.classpath}: the jars in the recorded order, each with its size
 *       and time, so the launcher can tell whether the archive still fits before it uses it.</li>
 * </ul>
 * JDK 17 refuses a dynamic archive whose class path has moved, so the jars are named through a
 * file descriptor open on {@code lib/} ({@code /dev/fd/8/NAME}): the same text wherever the
 * archive is unpacked. That needs Linux's {@code /dev/fd}; the launcher opens descriptor 8 the
 * same way.
 */
public final class BundledRuntime {

    /** The descriptor the launcher (bin/wudoctor) opens on lib/; the two must agree. */
    static final int LIB_FD = 8;

    private BundledRuntime() {
    }

    /**
     * @param args the output folder, the project jar, the folder of the dependency jars, the
     *             comma-separated modules, the facts file to record the archive from
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path out = Path.of(args[0]);
        Path projectJar = Path.of(args[1]);
        Path dependencies = Path.of(args[2]);
        String modules = args[3];
        Path trainingFacts = Path.of(args[4]).toAbsolutePath();

        deleteTree(out);
        Path lib = Files.createDirectories(out.resolve("lib"));
        List<Path> jars = copyJars(projectJar, dependencies, lib);
        Path runtime = out.resolve("runtime");
        jlink(modules, runtime);
        Path archive = runtime.resolve("wudoctor.jsa");
        record(runtime, lib, jars, archive, trainingFacts, out.resolve("record-home"));
        Files.writeString(runtime.resolve("wudoctor.classpath"), classpathList(jars), StandardCharsets.UTF_8);
        deleteTree(out.resolve("record-home"));
    }

    /** The dependency jars in name order, then the project's; all stamped with one whole-second time. */
    private static List<Path> copyJars(Path projectJar, Path dependencies, Path lib) throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.list(dependencies)) {
            sources = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList());
        }
        sources.add(projectJar);
        FileTime stamp = FileTime.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        List<Path> copies = new ArrayList<>();
        for (Path source : sources) {
            Path copy = lib.resolve(source.getFileName());
            Files.copy(source, copy);
            Files.setLastModifiedTime(copy, stamp);
            copies.add(copy);
        }
        return copies;
    }

    private static void jlink(String modules, Path runtime) throws IOException {
        ToolProvider jlink = ToolProvider.findFirst("jlink")
                .orElseThrow(() -> new IllegalStateException("no jlink: build the release with a JDK 17+, not a JRE"));
        StringWriter log = new StringWriter();
        int rc = jlink.run(new PrintWriter(log), new PrintWriter(log), "--add-modules", modules,
                "--strip-debug", "--no-header-files", "--no-man-pages", "--generate-cds-archive",
                "--output", runtime.toString());
        if (rc != 0) {
            throw new IllegalStateException("jlink failed (" + rc + "):\n" + log);
        }
        // 11 MB for heaps over 32 GB only (no compressed pointers); such a JVM runs without it
        Files.deleteIfExists(runtime.resolve("lib/server/classes_nocoops.jsa"));
    }

    /**
     * Runs the training diagnosis (Main.ARCHIVE_TRAINING) with the new runtime and records the
     * classes it loads, in an empty home and cache, as a first run after unpacking would find them.
     */
    private static void record(Path runtime, Path lib, List<Path> jars, Path archive, Path facts, Path home)
            throws IOException, InterruptedException {
        Files.createDirectories(home);
        Path java = runtime.resolve("bin").resolve("java");
        // sh opens the descriptor on lib/ and then becomes the JVM, as the launcher does
        List<String> command = List.of("/bin/sh", "-c", "exec " + LIB_FD + "<\"$0\" && exec \"$@\"", lib.toString(),
                java.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:ArchiveClassesAtExit=" + archive, "-D" + Main.ARCHIVE_TRAINING + "=" + facts,
                "-cp", descriptorClasspath(jars), Main.class.getName());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("record.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("JAVA") || k.startsWith("WUDOCTOR") || k.startsWith("_JAVA"));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("WUDOCTOR_CACHE_DIR", home.resolve("cache").toString());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("recording the class-data archive took over 10 minutes");
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(archive)) {
            throw new IllegalStateException("recording the class-data archive failed (" + p.exitValue() + "):\n"
                    + Files.readString(home.resolve("record.log"), StandardCharsets.UTF_8));
        }
    }

    static String descriptorClasspath(List<Path> jars) {
        return jars.stream().map(j -> "/dev/fd/" + LIB_FD + "/" + j.getFileName()).collect(Collectors.joining(File.pathSeparator));
    }

    /** One line a jar, in class path order: name, size in bytes, modification time in epoch seconds. */
    private static String classpathList(List<Path> jars) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path jar : jars) {
            text.append(jar.getFileName()).append(' ').append(Files.size(jar)).append(' ')
                    .append(Files.getLastModifiedTime(jar).to(TimeUnit.SECONDS)).append('\n');
        }
        return text.toString();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
