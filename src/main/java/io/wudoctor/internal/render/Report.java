package io.wudoctor.internal.render;

import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.Explained;

/**
 * What a renderer gets: the diagnosis, the firing chain when --explain asked for it (else
 * null), and where the report came from (the HTML report prints it; null when not known).
 */
public record Report(Diagnosis diagnosis, Explained explained, Provenance provenance) {

    public Report(Diagnosis diagnosis, Explained explained) {
        this(diagnosis, explained, null);
    }

    /**
     * How a report was made, for a reader of a saved report: the command line and when (an
     * ISO-8601 UTC instant); the rules used are the diagnosis' {@code rulePack}. Kept out of
     * the JSON, which is byte-identical for the same facts and rules.
     */
    public record Provenance(String commandLine, String generatedAt) {
    }
}
