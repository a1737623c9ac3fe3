package io.wudoctor.internal.engine.trust;

import io.wudoctor.api.RuleProblem;
import io.wudoctor.internal.kb.drl.DrlOutline;
import io.wudoctor.internal.kb.PackFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns refusals in generated classes back into the DRL file and line they were written at. */
public final class RefusalLocator {

    private RefusalLocator() {
    }

    /** One problem per refused reach and place, phrased like the text check's, with {@link TrustScan#REFUSED}. */
    public static List<RuleProblem> problems(List<CompiledRuleCheck.Refusal> refusals, List<PackFile> drl) {
        List<DrlOutline> outlines = drl.stream().map(f -> DrlOutline.of(f.content())).toList();
        Set<RuleProblem> problems = new LinkedHashSet<>();
        for (CompiledRuleCheck.Refusal r : refusals) {
            problems.add(locate(r, drl, outlines));
        }
        return new ArrayList<>(problems);
    }

    private static RuleProblem locate(CompiledRuleCheck.Refusal r, List<PackFile> drl, List<DrlOutline> outlines) {
        String message = "unsafe: " + r.what() + " " + r.why() + " " + TrustScan.REFUSED;
        String simple = r.className().substring(r.className().lastIndexOf('/') + 1);
        for (int i = 0; i < drl.size(); i++) {
            for (DrlOutline.Block b : outlines.get(i).blocks()) {
                boolean ruleMatch = r.rule() != null && b.kind().equals("rule") && b.name().equals(r.rule());
                // a DRL function is a static method of the rules class (or a class named after it)
                boolean functionMatch = r.rule() == null && b.kind().equals("function") && (b.name().equals(r.method())
                        || simple.toLowerCase(java.util.Locale.ROOT).contains(b.name().toLowerCase(java.util.Locale.ROOT)));
                if (ruleMatch || functionMatch) {
                    return new RuleProblem(drl.get(i).name(), b.line(), b.label() + ": " + message);
                }
            }
            Matcher declare = Pattern.compile("(?m)^\\s*declare\\s+(?:[\\w.]+\\.)?" + Pattern.quote(simple) + "\\b")
                    .matcher(drl.get(i).content());
            if (r.rule() == null && declare.find()) {
                int line = (int) drl.get(i).content().substring(0, declare.start()).chars().filter(c -> c == '\n').count() + 1;
                return new RuleProblem(drl.get(i).name(), line, "declare " + simple + ": " + message);
            }
        }
        return new RuleProblem("(rules)", 0, "generated class " + CompiledRuleCheck.dotted(r.className()) + ": " + message);
    }
}
