package io.wudoctor.internal.authoring.ruletest;

import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.Explained;
import io.wudoctor.api.FindingReport;
import io.wudoctor.api.SkippedFix;
import io.wudoctor.api.Step;
import io.wudoctor.Wudoctor;
import io.wudoctor.facts.Facts;
import io.wudoctor.internal.authoring.inventory.YamlLines;
import io.wudoctor.internal.kb.PackFile;
import io.wudoctor.internal.authoring.ruletest.CaseResult.Failure;
import io.wudoctor.internal.yaml.StrictMapper;
import io.wudoctor.facts.LogMatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the cases of {@code *.tests.yaml} files against a {@link Wudoctor}: the same engine
 * for {@code wudoctor rules test} and the build's own tests.
 */
public final class RuleCaseRunner {

    private final Wudoctor doctor;

    /** A runner for cases of the rules {@code doctor} runs; the cases' {@code logs} are scanned with its signatures. */
    public RuleCaseRunner(Wudoctor doctor) {
        this.doctor = doctor;
    }

    /** A case with where it was defined. */
    public record Located(String file, int line, RuleCase ruleCase) {
    }

    /** Parses a tests file; a malformed file is reported as one failing pseudo-case. */
    public static List<Located> parse(PackFile file, List<CaseResult> parseFailures) {
        try {
            RuleCase.File parsed = StrictMapper.read(file.name(), file.content(), RuleCase.File.class);
            List<Located> cases = new ArrayList<>();
            YamlLines lines = YamlLines.of(file.content());
            for (int i = 0; i < parsed.cases().size(); i++) {
                cases.add(new Located(file.name(), lines.line("/cases/" + i), parsed.cases().get(i)));
            }
            return cases;
        } catch (StrictMapper.Problem p) {
            parseFailures.add(new CaseResult(file.name(), p.line(), "(file)",
                    List.of(new Failure("a valid tests file", p.detail())), null));
            return List.of();
        }
    }

    public CaseResult run(Located located) {
        RuleCase c = located.ruleCase();
        Explained x;
        try {
            x = explain(c, Set.of());
        } catch (RuntimeException e) {
            return new CaseResult(located.file(), located.line(), c.name(),
                    List.of(new Failure("a diagnosis", "it failed: " + e.getMessage())), null);
        }
        List<Failure> failures = new ArrayList<>();
        checkRule(c, x, failures);
        check(c.expect(), x.diagnosis(), failures);
        return new CaseResult(located.file(), located.line(), c.name(), failures, summary(x.diagnosis()));
    }

    /**
     * What a mutation pass found: how many rules were removed one at a time, those no case
     * noticed missing, and the cases about a rule that still pass without it (file:line name).
     */
    public record Mutations(int rules, List<String> survivors, List<String> blindCases) {
    }

    /**
     * Removes each rule in turn (it never fires) and reruns the cases it fired in: the rule is
     * caught when a case that passes with the whole pack then fails on its expectations. Cases
     * the rule did not fire in cannot change and are not rerun. The {@code rule:} check is left
     * out here: it fails whenever its rule is missing, which says nothing about whether the
     * expected findings and plan depend on that rule. A case that says its rule fires must
     * itself fail without that rule, or it is blind to it.
     */
    public Mutations mutate(List<Located> cases, List<String> ruleIds) {
        Map<String, List<RuleCase>> firedIn = new java.util.HashMap<>();
        List<String> blind = new ArrayList<>();
        for (Located located : cases) {
            RuleCase c = located.ruleCase();
            Explained whole;
            try {
                whole = explain(c, Set.of());
            } catch (RuntimeException e) {
                continue; // fails already: it cannot tell whether a rule is missing
            }
            if (fails(c, whole)) {
                continue;
            }
            whole.firings().stream().map(Explained.Firing::rule).distinct()
                    .forEach(rule -> firedIn.computeIfAbsent(rule, k -> new ArrayList<>()).add(c));
            if (c.rule() != null && c.ruleFires() && !noticed(c, Set.of(c.rule()))) {
                blind.add(located.file() + ":" + located.line() + " " + c.name());
            }
        }
        List<String> survivors = ruleIds.stream()
                .filter(rule -> firedIn.getOrDefault(rule, List.of()).stream().noneMatch(c -> noticed(c, Set.of(rule))))
                .toList();
        return new Mutations(ruleIds.size(), survivors, blind);
    }

    /** Whether the case's expectations fail (or its diagnosis does) without these rules. */
    private boolean noticed(RuleCase c, Set<String> without) {
        try {
            return fails(c, explain(c, without));
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static boolean fails(RuleCase c, Explained x) {
        List<Failure> failures = new ArrayList<>();
        check(c.expect(), x.diagnosis(), failures);
        return !failures.isEmpty();
    }

    private Explained explain(RuleCase c, Set<String> without) {
        Facts facts = c.facts().schemaVersion() == 0 ? withVersion(c.facts()) : c.facts();
        List<LogMatch> scanned = new ArrayList<>();
        for (RuleCase.Log log : c.logs()) {
            scanned.addAll(doctor.scanLog(log.log(), log.file(), log.text()));
        }
        if (!scanned.isEmpty()) {
            facts = facts.overlay(Facts.builder().logMatches(scanned).build());
        }
        return doctor.diagnoseExplainedWithout(facts, without);
    }

    private static Facts withVersion(Facts f) {
        return f.toBuilder().schemaVersion(Facts.SCHEMA_VERSION).build();
    }

    /**
     * The case's {@code rule:} holds: a near miss ({@code fires: false}) has the rule not fire; any
     * other case has it fire and make the result the case expects - one of the expected causes,
     * or when the case expects no cause, one of the expected steps - so the case fails when another rule
     * makes that result instead. ({@code skipped} is no rule's result: every fix tried without
     * success is listed.)
     */
    static void checkRule(RuleCase c, Explained x, List<Failure> failures) {
        if (c.rule() == null) {
            return;
        }
        List<Explained.Firing> own = x.firings().stream().filter(f -> f.rule().equals(c.rule())).toList();
        Set<String> concluded = new LinkedHashSet<>();
        Set<String> recommended = new LinkedHashSet<>();
        own.forEach(f -> f.concluded().forEach(k -> {
            concluded.add(k.cause());
            recommended.addAll(k.fixes());
        }));
        if (!c.ruleFires()) {
            if (!own.isEmpty()) {
                failures.add(new Failure("rule " + c.rule() + " not to fire (fires: false)",
                        "it fired " + own.size() + " time(s), concluding " + concluded));
            }
            return;
        }
        if (own.isEmpty()) {
            Set<String> fired = new LinkedHashSet<>();
            x.firings().forEach(f -> fired.add(f.rule()));
            failures.add(new Failure("rule " + c.rule() + " to fire", "it did not fire; rules fired " + fired));
            return;
        }
        RuleCase.Expect e = c.expect();
        Set<String> causes = new LinkedHashSet<>(e.findings());
        if (e.firstFinding() != null) {
            causes.add(e.firstFinding());
        }
        causes.addAll(e.minConfidence().keySet());
        causes.addAll(e.maxConfidence().keySet());
        Set<String> steps = new LinkedHashSet<>(e.steps());
        if (e.firstStep() != null) {
            steps.add(e.firstStep());
        }
        if (!causes.isEmpty()) {
            Set<String> made = new LinkedHashSet<>();
            x.diagnosis().findings().stream().filter(f -> f.rules().stream().anyMatch(r -> r.rule().equals(c.rule())))
                    .forEach(f -> made.add(f.id()));
            if (Collections.disjoint(made, causes)) {
                failures.add(new Failure("rule " + c.rule() + " to conclude one of " + causes, "it concluded " + made));
            }
        } else if (!steps.isEmpty() && Collections.disjoint(recommended, steps)) {
            failures.add(new Failure("rule " + c.rule() + " to recommend one of " + steps, "it recommended " + recommended));
        }
    }

    static void check(RuleCase.Expect e, Diagnosis d, List<Failure> failures) {
        List<String> findings = d.findings().stream().map(FindingReport::id).toList();
        List<String> steps = d.steps().stream().map(Step::fixId).toList();
        for (String f : e.findings()) {
            if (!findings.contains(f)) {
                failures.add(new Failure("finding " + f, "findings " + findings));
            }
        }
        for (String f : e.notFindings()) {
            if (findings.contains(f)) {
                failures.add(new Failure("no finding " + f, "findings " + findings));
            }
        }
        if (e.firstFinding() != null && (findings.isEmpty() || !findings.get(0).equals(e.firstFinding()))) {
            failures.add(new Failure("first finding " + e.firstFinding(), "first finding " + (findings.isEmpty() ? "none" : findings.get(0))));
        }
        if (e.firstStep() != null && (steps.isEmpty() || !steps.get(0).equals(e.firstStep()))) {
            failures.add(new Failure("first step " + e.firstStep(), "plan " + steps));
        }
        int last = -1;
        for (String s : e.steps()) {
            int at = steps.indexOf(s);
            if (at < 0) {
                failures.add(new Failure("step " + s, "plan " + steps));
            } else if (at < last) {
                failures.add(new Failure("steps in the order " + e.steps(), "plan " + steps));
            } else {
                last = at;
            }
        }
        for (String s : e.notSteps()) {
            if (steps.contains(s)) {
                failures.add(new Failure("no step " + s, "plan " + steps));
            }
        }
        List<String> skipped = d.skipped().stream().map(SkippedFix::fixId).toList();
        for (String s : e.skipped()) {
            if (!skipped.contains(s)) {
                failures.add(new Failure(s + " left out as already tried", "left out " + skipped));
            }
        }
        bound(e.minConfidence(), d, failures, true);
        bound(e.maxConfidence(), d, failures, false);
    }

    private static void bound(Map<String, Double> bounds, Diagnosis d, List<Failure> failures, boolean min) {
        bounds.forEach((id, limit) -> {
            Optional<FindingReport> f = d.findings().stream().filter(x -> x.id().equals(id)).findFirst();
            String expected = id + " confidence " + (min ? ">= " : "<= ") + limit;
            if (f.isEmpty()) {
                failures.add(new Failure(expected, "no finding " + id));
            } else if (min ? f.get().confidence() < limit : f.get().confidence() > limit) {
                failures.add(new Failure(expected, id + " confidence " + f.get().confidence()));
            }
        });
    }

    /** What a diagnosis gave, in one line: findings with confidences, then the plan. */
    static String summary(Diagnosis d) {
        String findings = d.findings().stream().map(f -> f.id() + " " + f.confidence()).collect(java.util.stream.Collectors.joining(", "));
        String plan = d.steps().stream().map(s -> s.number() + ". " + s.fixId()).collect(java.util.stream.Collectors.joining(", "));
        return "findings [" + findings + "]; plan [" + plan + "]";
    }
}
