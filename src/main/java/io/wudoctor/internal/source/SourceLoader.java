package io.wudoctor.internal.source;

import io.wudoctor.api.BadInputException;
import io.wudoctor.facts.Facts;
import io.wudoctor.internal.factsfile.FactsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Turns a diagnose SOURCE argument into facts: a facts file (.yaml, .yml, .json). */
public final class SourceLoader {

    private SourceLoader() {
    }

    public static Facts load(Path source) {
        if (!Files.exists(source)) {
            throw new BadInputException(source + ": no such file or folder");
        }
        String name = source.getFileName() == null ? "" : source.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(source) && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
            return FactsReader.read(source);
        }
        throw new BadInputException(source + ": not a facts file (expected a .yaml, .yml or .json facts file)");
    }
}
