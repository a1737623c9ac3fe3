package io.wudoctor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test resources: the real logs and outputs (src/test/resources/real-logs) and constructed fixtures. */
public final class TestFiles {

    private TestFiles() {
    }

    public static Path resource(String name) {
        URL url = TestFiles.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path realLog(String name) {
        return resource("real-logs/" + name);
    }

    /** Every real log and command output (not SOURCES.md). */
    public static List<Path> allRealLogs() {
        try (Stream<Path> files = Files.list(resource("real-logs"))) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")
                    && !p.getFileName().toString().equals("SOURCES.md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A constructed fixture (src/test/resources/constructed) without its header: the leading
     * lines starting with '#' say that it is constructed and how; the rest is replayed as output.
     */
    public static byte[] constructed(String name) {
        try {
            List<String> lines = Files.readAllLines(resource("constructed/" + name));
            int i = 0;
            while (i < lines.size() && lines.get(i).startsWith("#")) {
                i++;
            }
            return (String.join("\r\n", lines.subList(i, lines.size())) + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
