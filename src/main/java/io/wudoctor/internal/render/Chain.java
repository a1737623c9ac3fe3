package io.wudoctor.internal.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wudoctor.api.Evidence;
import io.wudoctor.api.Explained;
import io.wudoctor.api.FindingReport;
import io.wudoctor.api.RuleContribution;
import io.wudoctor.api.Step;
import io.wudoctor.internal.plan.CertaintyFactors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The chain behind each step of a plan, for {@code --explain}: the rule firings in order, and
 * per step the causes it acts on, the rules (and their firings and evidence) behind each cause,
 * and the certainty-factor arithmetic from the rules' confidences to the step's. Built once,
 * rendered as text, Markdown or the JSON {@code explanation} object (docs/output.md).
 */
public record Chain(List<Explained.Firing> firings, List<StepChain> steps) {

    /**
     * One step: the causes it was recommended for and how their confidences combined, and the
     * steps it is a prerequisite of (a prerequisite alone takes the highest of their confidences).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record StepChain(int number, String fixId, double confidence, List<CauseChain> causes, List<String> requiredBy,
            List<Term> arithmetic) {
    }

    /** A cause with the rules behind it and how their confidences combined. */
    public record CauseChain(String id, double confidence, List<RuleShare> rules, List<Term> arithmetic) {
    }

    /** One step of a combination: {@code result = before + confidence x (1 - before)}, from a rule or cause. */
    public record Term(String from, double confidence, double before, double result) {

        @Override
        public String toString() {
            return (before == 0 ? fmt(confidence) : fmt(before) + " + " + fmt(confidence) + " x (1 - " + fmt(before) + ") = "
                    + fmt(result)) + "  <- " + from;
        }
    }

    /** One rule's share in a cause: its (highest) confidence, the firings that concluded it, their evidence. */
    public record RuleShare(String rule, double confidence, List<Integer> firings, List<Evidence> evidence) {
    }

    public static Chain of(Explained x) {
        List<StepChain> steps = new ArrayList<>();
        for (Step s : x.diagnosis().steps()) {
            List<CauseChain> causes = new ArrayList<>();
            for (String causeId : s.addresses()) {
                if (recommends(x, causeId, s.fixId())) {
                    finding(x, causeId).ifPresent(f -> causes.add(cause(x, f)));
                }
            }
            List<String> requiredBy = x.diagnosis().steps().stream().filter(o -> o.requires().contains(s.fixId()))
                    .map(o -> o.fixId() + " (step " + o.number() + ")").toList();
            List<CauseChain> largestFirst = causes.stream()
                    .sorted(Comparator.comparingDouble(CauseChain::confidence).reversed()).toList();
            List<Term> arithmetic = combine(largestFirst.stream().map(CauseChain::confidence).toList(),
                    largestFirst.stream().map(CauseChain::id).toList());
            steps.add(new StepChain(s.number(), s.fixId(), s.confidence(), causes, requiredBy, arithmetic));
        }
        return new Chain(x.firings(), steps);
    }

    /** Whether some firing concluded this cause and recommended this fix for it. */
    private static boolean recommends(Explained x, String causeId, String fixId) {
        return x.firings().stream().flatMap(f -> f.concluded().stream())
                .anyMatch(c -> c.cause().equals(causeId) && c.fixes().contains(fixId));
    }

    private static Optional<FindingReport> finding(Explained x, String causeId) {
        return x.diagnosis().findings().stream().filter(f -> f.id().equals(causeId)).findFirst();
    }

    private static CauseChain cause(Explained x, FindingReport f) {
        List<RuleShare> rules = new ArrayList<>();
        for (RuleContribution r : f.rules()) {
            List<Integer> firings = x.firings().stream()
                    .filter(fi -> fi.rule().equals(r.rule()) && fi.concluded().stream().anyMatch(c -> c.cause().equals(f.id())))
                    .map(Explained.Firing::order).toList();
            rules.add(new RuleShare(r.rule(), r.confidence(), firings, r.evidence()));
        }
        return new CauseChain(f.id(), f.confidence(), rules,
                combine(rules.stream().map(RuleShare::confidence).toList(), rules.stream().map(RuleShare::rule).toList()));
    }

    /** cf = a + b(1 - a), one term per factor, in the given order (largest first, as the planner combines them). */
    static List<Term> combine(List<Double> factors, List<String> names) {
        List<Term> terms = new ArrayList<>();
        double acc = 0;
        for (int i = 0; i < factors.size(); i++) {
            double next = CertaintyFactors.round(CertaintyFactors.combine(acc, factors.get(i)));
            terms.add(new Term(names.get(i), factors.get(i), acc, next));
            acc = next;
        }
        return terms;
    }

    static String fmt(double cf) {
        return String.format(Locale.ROOT, "%.3f", cf);
    }
}
