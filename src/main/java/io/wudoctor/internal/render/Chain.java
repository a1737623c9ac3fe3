package io.wudoctor.internal.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wudoctor.api.Evidence;
import io.wudoctor.api.Explained;
import io.wudoctor.api.FindingReport;
import io.wudoctor.api.RuleContribution;
import io.wudoctor.api.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The chain behind each step of a plan, for {@code --explain}: the rule firings in order, and
 * per step the causes it acts on, the rules (and their firings and evidence) behind each cause,
 * and the certainty-factor arithmetic from the rules' confidences to the step's, as the planner
 * did it (this only lays it out). Built once, rendered as text, Markdown or the JSON
 * {@code explanation} object (docs/output.md).
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

    /** The planner's arithmetic (in {@code x}) laid out per step; nothing is computed again here. */
    public static Chain of(Explained x) {
        List<StepChain> steps = new ArrayList<>();
        for (Step s : x.diagnosis().steps()) {
            List<Term> arithmetic = terms(x.stepArithmetic().get(s.fixId()));
            Set<String> own = arithmetic.stream().map(Term::from).collect(Collectors.toSet()); // none for a prerequisite
            List<CauseChain> causes = new ArrayList<>();
            for (String causeId : s.addresses()) {
                if (own.contains(causeId)) {
                    finding(x, causeId).ifPresent(f -> causes.add(cause(x, f)));
                }
            }
            List<String> requiredBy = x.diagnosis().steps().stream().filter(o -> o.requires().contains(s.fixId()))
                    .map(o -> o.fixId() + " (step " + o.number() + ")").toList();
            steps.add(new StepChain(s.number(), s.fixId(), s.confidence(), causes, requiredBy, arithmetic));
        }
        return new Chain(x.firings(), steps);
    }

    private static List<Term> terms(List<Explained.Term> planned) {
        return planned == null ? List.of()
                : planned.stream().map(t -> new Term(t.from(), t.confidence(), t.before(), t.result())).toList();
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
        return new CauseChain(f.id(), f.confidence(), rules, terms(x.causeArithmetic().get(f.id())));
    }

    static String fmt(double cf) {
        return String.format(Locale.ROOT, "%.3f", cf);
    }
}
