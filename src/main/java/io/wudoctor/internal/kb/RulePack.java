package io.wudoctor.internal.kb;

import io.wudoctor.api.RuleProblem;
import java.util.List;
import java.util.Map;

/**
 * Everything loaded from the built-in pack and the analyst's folders: DRL sources, causes,
 * fixes, log signatures and test-case files, plus every problem found while loading.
 * The maps are sorted by id. {@code catalogs} keeps the causes, fixes and signatures files
 * as written, for the analysts' tools (listing with lines, validation).
 */
public record RulePack(List<PackFile> drl, Map<String, CauseDef> causes, Map<String, FixDef> fixes,
        List<SignatureDef> signatures, List<PackFile> tests, List<RuleProblem> problems, List<PackFile> catalogs) {

    public RulePack {
        drl = List.copyOf(drl);
        catalogs = List.copyOf(catalogs);
        causes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(causes));
        fixes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(fixes));
        signatures = List.copyOf(signatures);
        tests = List.copyOf(tests);
        problems = List.copyOf(problems);
    }

    /** The ids of the DRL rules (their {@code @id}), sorted: what a mutation pass removes one at a time. */
    public List<String> ruleIds() {
        return drl.stream().flatMap(f -> io.wudoctor.internal.kb.drl.DrlOutline.of(f.content()).rules().stream())
                .map(r -> r.meta().get("id")).filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }
}
