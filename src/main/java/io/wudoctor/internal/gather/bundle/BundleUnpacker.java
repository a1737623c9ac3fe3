package io.wudoctor.internal.gather.bundle;

import io.wudoctor.api.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks an evidence bundle (a zip of a Windows root, docs/bundle.md) into a new temporary
 * folder, refusing anything that could write outside it or exhaust the disk: names that climb
 * out ({@code ..}), absolute names, drive letters and other colons, links, duplicate names, and
 * more entries or more bytes than the limits. Sizes are checked twice: the sizes the archive
 * declares, before anything is written (a bomb that admits its size writes nothing), and the
 * bytes as they are unpacked, which may not pass an entry's declared size (a bomb that lies
 * stops at its lie). Every entry's CRC-32 is checked. On any failure the folder is deleted
 * before the error is thrown.
 */
public final class BundleUnpacker {

    /** The most entries, and the most bytes unpacked in all; docs/bundle.md documents the defaults. */
    public record Limits(int maxEntries, long maxTotalBytes) {
        public static final Limits DEFAULT = new Limits(10_000, 4L << 30);
    }

    private static final Set<String> DEVICE_NAMES = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private final Limits limits;

    public BundleUnpacker(Limits limits) {
        this.limits = limits;
    }

    /** Unpacks {@code zip} into a new folder under {@code parent}; close the result to delete it. */
    public UnpackedBundle unpack(Path zip, Path parent) {
        Path target;
        try {
            target = Files.createTempDirectory(parent, "wudoctor-bundle-");
        } catch (IOException e) {
            throw new BadInputException(zip + ": cannot create a folder to unpack the bundle into: " + e.getMessage());
        }
        UnpackedBundle bundle = new UnpackedBundle(target);
        try {
            extract(zip, target);
            return bundle;
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    /** Unpacks into the system's temporary folder. */
    public UnpackedBundle unpack(Path zip) {
        return unpack(zip, Path.of(System.getProperty("java.io.tmpdir")));
    }

    private void extract(Path zip, Path target) {
        try {
            List<ZipDirectory.Entry> entries = ZipDirectory.read(zip, limits.maxEntries());
            Set<String> seen = new HashSet<>();
            for (ZipDirectory.Entry e : entries) {
                String relative = safeName(zip, e.name());
                if (e.link()) {
                    throw new BadInputException(zip + ": entry '" + e.name() + "' is a link; bundles hold plain files only");
                }
                if (!seen.add(relative.toLowerCase(Locale.ROOT))) {
                    throw new BadInputException(zip + ": entry '" + e.name() + "' appears twice");
                }
            }
            try (ZipFile file = new ZipFile(zip.toFile())) {
                refuseDeclaredBomb(zip, file, entries);
                long[] written = {0};
                for (ZipDirectory.Entry e : entries) {
                    ZipEntry entry = file.getEntry(e.name());
                    if (entry == null) {
                        throw new BadInputException(zip + ": corrupt zip (entry '" + e.name() + "' cannot be opened)");
                    }
                    Path out = target.resolve(safeName(zip, e.name())).normalize();
                    if (!out.startsWith(target)) { // safeName already guarantees it; this is the last line of defence
                        throw new BadInputException(zip + ": entry '" + e.name() + "' would be written outside the bundle folder");
                    }
                    if (entry.isDirectory() || e.name().endsWith("\\")) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        copy(zip, file, entry, out, written);
                    }
                }
            }
        } catch (IOException e) {
            throw new BadInputException(zip + ": truncated or corrupt zip: " + e.getMessage(), e);
        }
    }

    /** The sizes the archive declares, summed before anything is written. */
    private void refuseDeclaredBomb(Path zip, ZipFile file, List<ZipDirectory.Entry> entries) {
        long declared = 0;
        for (ZipDirectory.Entry e : entries) {
            ZipEntry entry = file.getEntry(e.name());
            if (entry != null && entry.getSize() > 0) {
                declared += entry.getSize();
                if (declared > limits.maxTotalBytes()) {
                    throw new BadInputException(zip + ": declares more than " + limits.maxTotalBytes()
                            + " bytes unpacked, the limit for a bundle (a zip bomb, or a bundle with far more than logs in it); "
                            + "nothing was unpacked");
                }
            }
        }
    }

    private void copy(Path zip, ZipFile file, ZipEntry entry, Path out, long[] written) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long declared = entry.getSize();
        long mine = 0;
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        try (InputStream in = file.getInputStream(entry);
             OutputStream os = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                written[0] += n;
                mine += n;
                if (written[0] > limits.maxTotalBytes()) {
                    throw new BadInputException(zip + ": unpacks to more than " + limits.maxTotalBytes()
                            + " bytes, the limit for a bundle (a zip bomb, or a bundle with far more than logs in it)");
                }
                if (declared >= 0 && mine > declared) {
                    throw new BadInputException(zip + ": entry '" + entry.getName() + "' unpacks to more than the " + declared
                            + " bytes its header declares (a zip bomb or a corrupt zip)");
                }
                crc.update(buf, 0, n);
                os.write(buf, 0, n);
            }
        }
        if (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc()) {
            throw new BadInputException(zip + ": entry '" + entry.getName() + "' is corrupt (its CRC-32 does not match its "
                    + "content)");
        }
    }

    /**
     * The entry's name as a relative path with '/' separators. Backslashes count as separators:
     * Windows PowerShell 5.1 writes them.
     *
     * @throws BadInputException when the name could reach outside the target folder
     */
    static String safeName(Path zip, String name) {
        String n = name.replace('\\', '/');
        if (n.isEmpty() || n.startsWith("/") || n.indexOf(':') >= 0 || n.chars().anyMatch(c -> c < 0x20)) {
            throw new BadInputException(zip + ": entry '" + name + "' has an absolute or invalid name; "
                    + "bundles hold relative paths only");
        }
        StringBuilder out = new StringBuilder();
        for (String segment : n.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            String base = segment.toLowerCase(Locale.ROOT).split("\\.", 2)[0];
            if (segment.equals("..") || segment.endsWith(".") || segment.endsWith(" ") || DEVICE_NAMES.contains(base)) {
                throw new BadInputException(zip + ": entry '" + name + "' climbs out of the bundle or names a device; refused");
            }
            out.append(out.length() == 0 ? "" : "/").append(segment);
        }
        if (out.length() == 0) {
            throw new BadInputException(zip + ": entry '" + name + "' has no name");
        }
        return out.toString();
    }
}
