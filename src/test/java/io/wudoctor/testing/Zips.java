package io.wudoctor.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds zip files for bundle tests, well-formed or deliberately not. */
public final class Zips {

    private Zips() {
    }

    /** A zip of these entries, in order, names exactly as given. */
    public static Path write(Path zip, Map<String, byte[]> entries) {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A zip of every file under {@code dir}, and of every empty folder (as a directory entry,
     * whose name ends with the separator), with '\' or '/' as separator.
     */
    public static Path ofFolder(Path zip, Path dir, String separator) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> !p.equals(dir)).sorted().toList()) {
                String name = String.join(separator, dir.relativize(f).toString().split("/"));
                if (Files.isRegularFile(f)) {
                    entries.put(name, Files.readAllBytes(f));
                } else if (isEmptyFolder(f)) {
                    entries.put(name + separator, new byte[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(zip, entries);
    }

    private static boolean isEmptyFolder(Path f) throws IOException {
        try (Stream<Path> children = Files.list(f)) {
            return children.findAny().isEmpty();
        }
    }

    public static Map<String, byte[]> entry(String name, String content) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(name, content.getBytes(StandardCharsets.UTF_8));
        return m;
    }

    /**
     * Marks entry {@code name} as a Unix symbolic link in the central directory ("made by" Unix,
     * mode 0120777 in the external attributes), as zip -y writes it.
     */
    public static void markAsSymlink(Path zip, String name) {
        try {
            byte[] b = Files.readAllBytes(zip);
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            for (int p = 0; p + 46 <= b.length; p++) {
                if (b[p] == 'P' && b[p + 1] == 'K' && b[p + 2] == 1 && b[p + 3] == 2) {
                    int nameLength = (b[p + 28] & 0xFF) | (b[p + 29] & 0xFF) << 8;
                    if (nameLength == n.length && java.util.Arrays.equals(b, p + 46, p + 46 + nameLength, n, 0, n.length)) {
                        b[p + 5] = 3; // made by Unix
                        int mode = 0120777 << 16;
                        for (int i = 0; i < 4; i++) {
                            b[p + 38 + i] = (byte) (mode >>> (8 * i));
                        }
                    }
                }
            }
            Files.write(zip, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code keep} bytes of {@code zip}, as a download cut short leaves it. */
    public static Path truncated(Path zip, Path to, int keep) {
        try {
            byte[] b = Files.readAllBytes(zip);
            return Files.write(to, java.util.Arrays.copyOf(b, Math.min(keep, b.length)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] zeros(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[size]);
        return out.toByteArray();
    }
}
