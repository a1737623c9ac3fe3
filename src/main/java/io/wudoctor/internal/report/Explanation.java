package io.wudoctor.internal.report;

import io.wudoctor.api.Explained;
import io.wudoctor.api.FindingReport;
import io.wudoctor.api.RuleContribution;
import io.wudoctor.api.Step;
import java.util.Locale;

/** The chain behind a plan: rule firings in order, then each finding's certainty-factor arithmetic. */
final class Explanation {

    private Explanation() {
    }

    static String text(Explained x) {
        StringBuilder out = new StringBuilder("Explanation\n\nRule firings, in order:\n");
        for (Explained.Firing f : x.firings()) {
            out.append(String.format(Locale.ROOT, "%4d. %s%n", f.order(), f.rule()));
            f.facts().forEach(fact -> out.append(Wrap.wrap("on " + fact, "        ", "          ")));
        }
        out.append("\nConfidence arithmetic (certainty factors, cf = a + b(1 - a)):\n");
        for (FindingReport f : x.diagnosis().findings()) {
            out.append("  ").append(f.id()).append('\n');
            double acc = 0;
            for (RuleContribution r : f.rules()) {
                double next = acc + r.confidence() * (1 - acc);
                out.append(String.format(Locale.ROOT, "    %-44s %.3f -> %.3f + %.3f x (1 - %.3f) = %.3f%n",
                        r.rule(), r.confidence(), acc, r.confidence(), acc, next));
                acc = next;
            }
            out.append(String.format(Locale.ROOT, "    combined: %.3f%n", f.confidence()));
        }
        out.append("\nSteps and the findings they address:\n");
        for (Step s : x.diagnosis().steps()) {
            out.append(String.format(Locale.ROOT, "  %d. %s [%.3f] <- %s%n", s.number(), s.fixId(), s.confidence(),
                    String.join(", ", s.addresses())));
        }
        return out.toString();
    }
}
