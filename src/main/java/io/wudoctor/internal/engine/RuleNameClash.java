package io.wudoctor.internal.engine;

import io.wudoctor.api.RuleProblem;
import io.wudoctor.internal.kb.drl.DrlOutline;
import io.wudoctor.internal.kb.PackFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules of the same package and name in two separately compiled groups. Compiled together,
 * the compiler refuses them; compiled apart, one KieBase would keep only one of them, so the
 * clash is looked for in the text before the modules are joined.
 */
final class RuleNameClash {

    private RuleNameClash() {
    }

    static List<RuleProblem> across(List<List<PackFile>> groups) {
        Map<String, String> first = new HashMap<>(); // package/name -> file:line, of an earlier group
        List<RuleProblem> clashes = new ArrayList<>();
        for (List<PackFile> group : groups) {
            Map<String, String> here = new HashMap<>();
            for (PackFile f : group) {
                DrlOutline outline = DrlOutline.of(f.content());
                for (DrlOutline.Block rule : outline.rules()) {
                    String key = outline.packageName() + "/" + rule.name();
                    String earlier = first.get(key);
                    if (earlier != null) {
                        clashes.add(new RuleProblem(f.name(), rule.line(), rule.label() + ": duplicate rule name in package '"
                                + outline.packageName() + "' (first defined at " + earlier + ")"));
                    }
                    here.putIfAbsent(key, f.name() + ":" + rule.line());
                }
            }
            here.forEach(first::putIfAbsent);
        }
        return clashes;
    }
}
