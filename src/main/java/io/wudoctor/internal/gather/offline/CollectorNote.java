package io.wudoctor.internal.gather.offline;

import io.wudoctor.internal.gather.scan.TextEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the collector script says about its own bundle ({@code wudoctor/collector.txt}): files it
 * left out (over the size cap, unreadable) and whether it ran elevated. Both are said as warnings,
 * since a diagnosis cannot see what was not collected.
 */
final class CollectorNote {

    static final String FILE = "wudoctor/collector.txt";

    /** A note is a few lines; a big file here is not the collector's. */
    private static final long MAX_BYTES = 1 << 20;

    private CollectorNote() {
    }

    static List<String> warnings(WindowsRoot root) {
        Optional<Path> file = root.find(FILE).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        try {
            if (Files.size(file.get()) > MAX_BYTES) {
                return List.of();
            }
            boolean inLeftOut = false;
            for (String line : TextEncoding.decode(Files.readAllBytes(file.get())).split("\r\n|\r|\n")) {
                if (line.strip().equalsIgnoreCase("elevated: False")) {
                    warnings.add("the collector did not run as administrator: some logs and states may be missing from the bundle");
                }
                if (!line.startsWith(" ")) {
                    inLeftOut = line.startsWith("leftOut:");
                } else if (inLeftOut && line.strip().startsWith("- ")) {
                    warnings.add("the bundle left out " + line.strip().substring(2) + "; the diagnosis cannot see it");
                }
            }
        } catch (IOException e) {
            warnings.add(FILE + ": cannot read the collector's note: " + e.getMessage());
        }
        return warnings;
    }
}
