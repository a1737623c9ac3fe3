package io.wudoctor;

import io.wudoctor.facts.Facts;
import java.util.ArrayList;
import java.util.List;

/** Which evidence areas a set of facts says nothing about (the verdict's {@code notCovered}). */
final class Coverage {

    private Coverage() {
    }

    /** Area ids in the facts file's order; docs/output.md says what each one means. */
    static List<String> missing(Facts f) {
        List<String> out = new ArrayList<>();
        add(out, "incident", f.incident() == null);
        add(out, "os", f.os() == null);
        add(out, "disk", f.disk() == null);
        add(out, "time", f.time() == null);
        add(out, "system", f.system() == null);
        add(out, "environment", f.environment() == null);
        add(out, "services", f.services().isEmpty());
        add(out, "paths", f.paths().isEmpty());
        add(out, "registry", f.registry().isEmpty());
        add(out, "logs", f.logMatches().isEmpty());
        add(out, "events", f.events().isEmpty());
        add(out, "attemptedFixes", f.attemptedFixes().isEmpty());
        return out;
    }

    private static void add(List<String> out, String area, boolean missing) {
        if (missing) {
            out.add(area);
        }
    }
}
