package io.wudoctor.internal.gather;

import io.wudoctor.api.BadInputException;
import io.wudoctor.api.GatherListener;
import io.wudoctor.facts.Facts;
import io.wudoctor.internal.gather.bundle.BundleUnpacker;
import io.wudoctor.internal.gather.bundle.UnpackedBundle;
import io.wudoctor.internal.gather.offline.OfflineRootCollector;
import io.wudoctor.internal.gather.live.LiveCollector;
import io.wudoctor.internal.gather.factsfile.FactsReader;
import io.wudoctor.internal.gather.scan.SignatureSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Turns a diagnose SOURCE argument into facts: a facts file (.yaml, .yml, .json), a folder laid
 * out like a Windows system drive, or a bundle (.zip of such a folder, docs/bundle.md); with no
 * SOURCE, the Windows machine wudoctor runs on.
 */
public final class SourceLoader {

    private SourceLoader() {
    }

    /**
     * Facts from {@code source}.
     *
     * @param signatures the log signatures, asked for only when there are logs to scan
     */
    public static Facts load(Path source, Supplier<SignatureSet> signatures, GatherListener listener) {
        return load(source, signatures, listener, BundleUnpacker.Limits.DEFAULT);
    }

    /** Facts from {@code source}, a bundle unpacked within {@code limits}. */
    public static Facts load(Path source, Supplier<SignatureSet> signatures, GatherListener listener,
            BundleUnpacker.Limits limits) {
        if (!Files.exists(source)) {
            throw new BadInputException(source + ": no such file or folder");
        }
        if (Files.isDirectory(source)) {
            return new OfflineRootCollector(signatures.get(), listener).collect(source);
        }
        if (isFactsFile(source)) {
            return FactsReader.read(source);
        }
        if (Files.isRegularFile(source) && lowerCaseName(source).endsWith(".zip")) {
            try (UnpackedBundle bundle = new BundleUnpacker(limits).unpack(source)) {
                Path unpacked = bundle.root();
                // Messages name the zip and the entry, never the temporary folder.
                return new OfflineRootCollector(signatures.get(), listener).collect(contentRoot(unpacked),
                        p -> p.equals(unpacked) ? source.toString()
                                : source + "!/" + unpacked.relativize(p).toString().replace('\\', '/'));
            }
        }
        throw new BadInputException(source + ": not a facts file (.yaml, .yml, .json), a folder laid out like a Windows "
                + "system drive, or a bundle .zip");
    }

    /** Whether {@link #load} reads {@code source} as a facts file (.yaml, .yml, .json). */
    public static boolean isFactsFile(Path source) {
        String name = lowerCaseName(source);
        return (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) && Files.isRegularFile(source);
    }

    private static String lowerCaseName(Path source) {
        return source.getFileName() == null ? "" : source.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Where an unpacked bundle's evidence is: its top, or the one folder it holds when the top has
     * nothing to read (a zip made by compressing the folder itself, as Windows' "Send to >
     * Compressed folder" does).
     */
    private static Path contentRoot(Path unpacked) {
        if (OfflineRootCollector.hasEvidence(unpacked)) {
            return unpacked;
        }
        try (Stream<Path> top = Files.list(unpacked)) {
            List<Path> entries = top.toList();
            return entries.size() == 1 && Files.isDirectory(entries.get(0)) ? entries.get(0) : unpacked;
        } catch (IOException e) {
            return unpacked;
        }
    }

    /** True when this machine can be diagnosed live (it runs Windows). */
    public static boolean liveSupported() {
        return LiveCollector.supported();
    }

    /** Facts from the Windows machine wudoctor runs on. */
    public static Facts live(SignatureSet signatures, GatherListener listener) {
        if (!liveSupported()) {
            throw new IllegalStateException(LiveCollector.NOT_WINDOWS);
        }
        return LiveCollector.onThisMachine(signatures, listener).collect();
    }
}
