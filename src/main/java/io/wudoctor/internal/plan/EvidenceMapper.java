package io.wudoctor.internal.plan;

import io.wudoctor.api.Evidence;
import io.wudoctor.facts.Fact;
import io.wudoctor.facts.LogMatch;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

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
        if (o instanceof Object[] || o instanceof Collection<?>) {
            return new Evidence("group", describe(o), null, null, null);
        }
        return new Evidence("object", String.valueOf(o), null, null, null);
    }

    /**
     * What an accumulate or groupby handed the rule: its key and results (Drools passes them as
     * an {@code Object[]}, whose own toString is an identity hash) or a collected list, each fact
     * by its description.
     */
    private static String describe(Object o) {
        if (o instanceof Object[] a) {
            return describe(Arrays.asList(a));
        }
        if (o instanceof Collection<?> c) {
            return c.isEmpty() ? "(none)" : c.stream().map(EvidenceMapper::describe).collect(Collectors.joining("; ", "[", "]"));
        }
        return o instanceof Fact f ? f.describe() : String.valueOf(o);
    }

    static Evidence of(Fact fact) {
        if (fact instanceof LogMatch m) {
            return new Evidence(m.kind(), m.describe() + (m.count() > 1 ? " (" + m.count() + " matching lines)" : ""),
                    m.file(), m.line() > 0 ? m.line() : null, m.signature());
        }
        return new Evidence(fact.kind(), fact.describe(), null, null, null);
    }
}
