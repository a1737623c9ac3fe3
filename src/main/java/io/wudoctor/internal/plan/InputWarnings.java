package io.wudoctor.internal.plan;

import io.wudoctor.facts.AttemptedFix;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.internal.kb.RulePack;
import io.wudoctor.internal.kb.SignatureDef;
import io.wudoctor.internal.text.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Facts that are well formed but that the loaded rules cannot use: said in the report's warnings,
 * since ignoring them in silence would give a plan that looks complete and is not (a fix already
 * tried, under a misspelt id, would be planned again).
 */
public final class InputWarnings {

    private InputWarnings() {
    }

    public static List<String> of(Facts facts, RulePack pack) {
        List<String> warnings = new ArrayList<>();
        // Another error code than 0x80070002 is said by IncidentResolution, with where it was seen.
        Set<String> unknownFixes = new LinkedHashSet<>();
        for (AttemptedFix a : facts.attemptedFixes()) {
            if (!pack.fixes().containsKey(a.fix()) && unknownFixes.add(a.fix())) {
                warnings.add("attemptedFixes names unknown fix '" + a.fix() + "'" + Suggest.closest(a.fix(), pack.fixes().keySet())
                        + "; it was not taken into account");
            }
        }
        Set<String> signatures = pack.signatures().stream().map(SignatureDef::id).collect(Collectors.toSet());
        Set<String> unknownSignatures = new LinkedHashSet<>();
        for (LogMatch m : facts.logMatches()) {
            if (!signatures.contains(m.signature()) && unknownSignatures.add(m.signature())) {
                warnings.add("logMatches names unknown log signature '" + m.signature() + "'" + Suggest.closest(m.signature(), signatures)
                        + "; no loaded rule can use it (is a --rules folder missing?)");
            }
        }
        return warnings;
    }
}
