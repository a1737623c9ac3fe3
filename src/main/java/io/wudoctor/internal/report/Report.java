package io.wudoctor.internal.report;

import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.Explained;

/** What a renderer gets: the diagnosis, and the firing chain when --explain asked for it (else null). */
public record Report(Diagnosis diagnosis, Explained explained) {
}
