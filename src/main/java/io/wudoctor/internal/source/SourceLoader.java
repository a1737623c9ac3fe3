package io.wudoctor.internal.source;

import io.wudoctor.api.BadInputException;
import io.wudoctor.api.GatherListener;
import io.wudoctor.facts.Facts;
import io.wudoctor.internal.bundle.BundleUnpacker;
import io.wudoctor.internal.bundle.UnpackedBundle;
import io.wudoctor.internal.collect.OfflineRootCollector;
import io.wudoctor.internal.collect.live.LiveCollector;
import io.wudoctor.internal.factsfile.FactsReader;
import io.wudoctor.internal.logs.SignatureSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Turns a diagnose SOURCE argument into facts: a facts file (.yaml, .yml, .json), a folder laid
 * out like a Windows system drive, or a bundle (.zip of such a folder, docs/bundle.md); with no
 * SOURCE, the Windows machine wudoctor runs on.
 */
public final class SourceLoader {

    private SourceLoader() {
    }

    /** Facts from {@code source}, scanning logs with the built-in signatures. */
    public static Facts load(Path source) {
        return load(source, SignatureSet::builtin, GatherListener.SILENT);
    }

    /**
     * Facts from {@code source}.
     *
     * @param signatures the log signatures, asked for only when there are logs to scan
     */
    public static Facts load(Path source, Supplier<SignatureSet> signatures, GatherListener listener) {
        if (!Files.exists(source)) {
            throw new BadInputException(source + ": no such file or folder");
        }
        if (Files.isDirectory(source)) {
            return new OfflineRootCollector(signatures.get(), listener).collect(source);
        }
        String name = source.getFileName() == null ? "" : source.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(source) && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
            return FactsReader.read(source);
        }
        if (Files.isRegularFile(source) && name.endsWith(".zip")) {
            try (UnpackedBundle bundle = new BundleUnpacker(BundleUnpacker.Limits.DEFAULT).unpack(source)) {
                return new OfflineRootCollector(signatures.get(), listener).collect(bundle.root());
            }
        }
        throw new BadInputException(source + ": not a facts file (.yaml, .yml, .json), a folder laid out like a Windows "
                + "system drive, or a bundle .zip");
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
