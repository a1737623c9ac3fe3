package io.wudoctor.internal.plan;

import io.wudoctor.api.Evidence;
import io.wudoctor.facts.Fact;
import io.wudoctor.facts.LogMatch;

/** Turns facts into the evidence entries of a report. */
public final class EvidenceMapper {

    private EvidenceMapper() {
    }

    /** Anything a rule matched: a fact, or an earlier finding (shown by its cause and confidence). */
    public static Evidence ofMatched(Object o) {
        if (o instanceof Fact f) {
            return of(f);
        }
        if (o instanceof io.wudoctor.facts.Finding f) {
            return new Evidence("finding", "finding " + f.cause() + " (" + f.confidence() + ", rule " + f.ruleId() + ")", null, null, null);
        }
        return new Evidence("object", String.valueOf(o), null, null, null);
    }

    /** A fact type's kind, "event-record": made once per type (a report can list thousands of facts). */
    private static final ClassValue<String> KIND = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        }
    };

    static Evidence of(Fact fact) {
        String kind = KIND.get(fact.getClass());
        if (fact instanceof LogMatch m) {
            return new Evidence(kind, m.describe() + (m.count() > 1 ? " (" + m.count() + " matching lines)" : ""),
                    m.file(), m.line() > 0 ? m.line() : null, m.signature());
        }
        return new Evidence(kind, fact.describe(), null, null, null);
    }
}
