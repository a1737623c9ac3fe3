package io.wudoctor.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A rule's conclusion: a cause from the catalog, the rule's confidence in it (0..1), the facts
 * that support it, the fixes it recommends (catalog ids, in the rule's preferred order) and
 * parameters for the fixes' command templates. Rules insert findings, so other rules can
 * reason on them:
 *
 * <pre>
 * insert(Finding.of(kcontext, "corrupted-update-cache", 0.7, $incident)
 *         .recommend("reset-update-cache"));
 * </pre>
 */
public record Finding(String cause, double confidence, String ruleId, List<Fact> evidence, List<String> fixes,
        Map<String, String> params) {

    public Finding {
        if (!(confidence > 0 && confidence <= 1)) {
            throw new IllegalArgumentException("rule " + ruleId + ": confidence must be in (0, 1], was " + confidence);
        }
        evidence = List.copyOf(evidence);
        fixes = List.copyOf(fixes);
        params = Map.copyOf(params);
    }

    /** A finding concluded by the rule firing in {@code ctx}; its id comes from the rule's {@code @id}. */
    public static Finding of(RuleContext ctx, String cause, double confidence, Object... evidence) {
        Object id = ctx.getRule().getMetaData().get("id");
        return of(id == null ? ctx.getRule().getName() : id.toString(), cause, confidence, evidence);
    }

    /**
     * Evidence is facts, findings (their evidence) and collections of facts, such as an
     * {@code accumulate}'s {@code collectList}; a collection's facts come in the order of their
     * text, since the order a rule engine collects in says nothing. Nulls are left out.
     */
    public static Finding of(String ruleId, String cause, double confidence, Object... evidence) {
        List<Fact> facts = new ArrayList<>();
        for (Object o : evidence) {
            if (o instanceof Collection<?> group) {
                // each member's text made once, not once per comparison: groups can hold thousands
                Map<Fact, String> members = new java.util.IdentityHashMap<>(group.size());
                group.forEach(m -> members.put(fact(ruleId, m), m.toString()));
                members.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> facts.add(e.getKey()));
            } else if (o instanceof Finding f) {
                facts.addAll(f.evidence());
            } else if (o != null) {
                facts.add(fact(ruleId, o));
            }
        }
        return new Finding(cause, confidence, ruleId, facts, List.of(), Map.of());
    }

    private static Fact fact(String ruleId, Object o) {
        if (o instanceof Fact f) {
            return f;
        }
        throw new IllegalArgumentException("rule " + ruleId + ": evidence must be facts, got "
                + (o == null ? "null" : o.getClass().getSimpleName()));
    }

    /** This finding recommending these fixes, in this order. */
    public Finding recommend(String... fixIds) {
        List<String> all = new ArrayList<>(fixes);
        all.addAll(List.of(fixIds));
        return new Finding(cause, confidence, ruleId, evidence, all, params);
    }

    /** This finding with a parameter for the fixes' {@code ${name}} placeholders. */
    public Finding param(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put(name, value);
        return new Finding(cause, confidence, ruleId, evidence, fixes, all);
    }
}
