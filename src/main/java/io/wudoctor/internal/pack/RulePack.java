package io.wudoctor.internal.pack;

import io.wudoctor.api.RuleProblem;
import java.util.List;
import java.util.Map;

/**
 * Everything loaded from the built-in pack and the analyst's folders: DRL sources, causes,
 * fixes, log signatures and test-case files, plus every problem found while loading.
 * The maps are sorted by id.
 */
public record RulePack(List<PackFile> drl, Map<String, CauseDef> causes, Map<String, FixDef> fixes,
        List<SignatureDef> signatures, List<PackFile> tests, List<RuleProblem> problems) {

    public RulePack {
        drl = List.copyOf(drl);
        causes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(causes));
        fixes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(fixes));
        signatures = List.copyOf(signatures);
        tests = List.copyOf(tests);
        problems = List.copyOf(problems);
    }
}
