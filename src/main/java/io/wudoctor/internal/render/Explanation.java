package io.wudoctor.internal.render;

import io.wudoctor.api.Evidence;
import io.wudoctor.api.Explained;

/** The {@link Chain} as text: rule firings in order, then the chain and arithmetic behind each step. */
final class Explanation {

    private Explanation() {
    }

    static String text(Explained x) {
        Chain chain = Chain.of(x);
        StringBuilder out = new StringBuilder("Explanation\n\nRule firings, in order:\n");
        if (chain.firings().isEmpty()) {
            out.append("  (no rule fired)\n");
        }
        for (Explained.Firing f : chain.firings()) {
            out.append(String.format("%4d. %s%n", f.order(), f.rule()));
            f.matched().forEach(e -> out.append(Wrap.wrap("matched " + describe(e), "        ", "          ")));
            for (Explained.Conclusion c : f.concluded()) {
                out.append(Wrap.wrap("concluded " + c.cause() + " " + Chain.fmt(c.confidence())
                        + (c.fixes().isEmpty() ? "" : ", recommends " + String.join(", ", c.fixes())), "        ", "          "));
            }
        }
        out.append("\nThe chain behind each step (certainty factors combine as a + b x (1 - a)):\n");
        for (Chain.StepChain s : chain.steps()) {
            out.append('\n').append(String.format("  %d. %s [%s]%n", s.number(), s.fixId(), Chain.fmt(s.confidence())));
            for (Chain.CauseChain c : s.causes()) {
                out.append(Wrap.wrap("for cause " + c.id() + " [" + Chain.fmt(c.confidence()) + "]:", "     ", "       "));
                for (Chain.RuleShare r : c.rules()) {
                    out.append(Wrap.wrap("rule " + r.rule() + " " + Chain.fmt(r.confidence()) + firings(r), "       ", "         "));
                    r.evidence().forEach(e -> out.append(Wrap.wrap("on " + describe(e), "         ", "           ")));
                }
                c.arithmetic().forEach(a -> out.append("       cf = ").append(a).append('\n'));
            }
            if (!s.requiredBy().isEmpty()) {
                out.append(Wrap.wrap((s.causes().isEmpty() ? "a prerequisite: " : "also ") + "required before "
                        + String.join(", ", s.requiredBy()), "     ", "       "));
            }
            if (s.arithmetic().isEmpty()) {
                out.append("     step confidence = ").append(Chain.fmt(s.confidence()))
                        .append(" (the highest of the steps it is required before)\n");
            } else if (s.arithmetic().size() == 1) {
                out.append("     step confidence = ").append(s.arithmetic().get(0)).append('\n');
            } else {
                out.append("     step confidence, combining its causes:\n");
                s.arithmetic().forEach(a -> out.append("       cf = ").append(a).append('\n'));
            }
        }
        return out.toString();
    }

    private static String firings(Chain.RuleShare r) {
        if (r.firings().isEmpty()) {
            return "";
        }
        String list = String.join(", ", r.firings().stream().map(i -> "#" + i).toList());
        return r.firings().size() == 1 ? " (firing " + list + ")"
                : " (firings " + list + "; a rule counts once, with its highest confidence)";
    }

    /** Evidence as one line; log lines already read file:line: text. */
    private static String describe(Evidence e) {
        return (e.kind().equals("log-match") ? "" : e.kind() + " ") + e.summary();
    }
}
