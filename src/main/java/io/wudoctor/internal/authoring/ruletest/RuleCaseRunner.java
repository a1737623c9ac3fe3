package io.wudoctor.internal.authoring.ruletest;

import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.FindingReport;
import io.wudoctor.api.SkippedFix;
import io.wudoctor.api.Step;
import io.wudoctor.Wudoctor;
import io.wudoctor.facts.Facts;
import io.wudoctor.internal.authoring.inventory.YamlLines;
import io.wudoctor.internal.kb.PackFile;
import io.wudoctor.internal.authoring.ruletest.CaseResult.Failure;
import io.wudoctor.internal.yaml.StrictMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the cases of {@code *.tests.yaml} files against a {@link Wudoctor}: the same engine
 * for {@code wudoctor rules test} and the build's own tests.
 */
public final class RuleCaseRunner {

    private final Wudoctor doctor;

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
        List<Failure> failures = new ArrayList<>();
        Diagnosis d;
        try {
            Facts facts = c.facts().schemaVersion() == 0 ? withVersion(c.facts()) : c.facts();
            d = doctor.diagnose(facts);
        } catch (RuntimeException e) {
            return new CaseResult(located.file(), located.line(), c.name(),
                    List.of(new Failure("a diagnosis", "it failed: " + e.getMessage())), null);
        }
        check(c.expect(), d, failures);
        return new CaseResult(located.file(), located.line(), c.name(), failures, summary(d));
    }

    private static Facts withVersion(Facts f) {
        return f.toBuilder().schemaVersion(Facts.SCHEMA_VERSION).build();
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
