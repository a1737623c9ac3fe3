package io.wudoctor.internal.plan;

import io.wudoctor.api.Evidence;
import io.wudoctor.facts.Fact;
import io.wudoctor.facts.LogMatch;

/** Turns facts into the evidence entries of a report. */
final class EvidenceMapper {

    private EvidenceMapper() {
    }

    static Evidence of(Fact fact) {
        String kind = fact.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        if (fact instanceof LogMatch m) {
            return new Evidence(kind, m.describe() + (m.count() > 1 ? " (" + m.count() + " matching lines)" : ""),
                    m.file(), m.line() > 0 ? m.line() : null, m.signature());
        }
        return new Evidence(kind, fact.describe(), null, null, null);
    }
}
