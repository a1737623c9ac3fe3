package io.wudoctor.internal.ruletest;

import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.FindingReport;
import io.wudoctor.api.SkippedFix;
import io.wudoctor.api.Step;
import io.wudoctor.api.Wudoctor;
import io.wudoctor.facts.Facts;
import io.wudoctor.internal.pack.PackFile;
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
            for (RuleCase c : parsed.cases()) {
                cases.add(new Located(file.name(), lineOfName(file.content(), c.name()), c));
            }
            return cases;
        } catch (StrictMapper.Problem p) {
            parseFailures.add(new CaseResult(file.name(), p.line(), "(file)", List.of(p.getMessage())));
            return List.of();
        }
    }

    private static int lineOfName(String content, String name) {
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("name:") && lines[i].contains(name)) {
                return i + 1;
            }
        }
        return 0;
    }

    public CaseResult run(Located located) {
        RuleCase c = located.ruleCase();
        List<String> failures = new ArrayList<>();
        Diagnosis d;
        try {
            Facts facts = c.facts().schemaVersion() == 0 ? withVersion(c.facts()) : c.facts();
            d = doctor.diagnose(facts);
        } catch (RuntimeException e) {
            return new CaseResult(located.file(), located.line(), c.name(), List.of("diagnosis failed: " + e.getMessage()));
        }
        check(c.expect(), d, failures);
        return new CaseResult(located.file(), located.line(), c.name(), failures);
    }

    private static Facts withVersion(Facts f) {
        return new Facts(Facts.SCHEMA_VERSION, f.incident(), f.os(), f.disk(), f.time(), f.system(), f.environment(),
                f.services(), f.paths(), f.registry(), f.logMatches(), f.events(), f.attemptedFixes());
    }

    static void check(RuleCase.Expect e, Diagnosis d, List<String> failures) {
        List<String> findings = d.findings().stream().map(FindingReport::id).toList();
        List<String> steps = d.steps().stream().map(Step::fixId).toList();
        for (String f : e.findings()) {
            if (!findings.contains(f)) {
                failures.add("expected finding " + f + "; actual findings " + findings);
            }
        }
        for (String f : e.notFindings()) {
            if (findings.contains(f)) {
                failures.add("expected no finding " + f + "; actual findings " + findings);
            }
        }
        if (e.firstFinding() != null && (findings.isEmpty() || !findings.get(0).equals(e.firstFinding()))) {
            failures.add("expected first finding " + e.firstFinding() + "; actual " + (findings.isEmpty() ? "none" : findings.get(0)));
        }
        if (e.firstStep() != null && (steps.isEmpty() || !steps.get(0).equals(e.firstStep()))) {
            failures.add("expected first step " + e.firstStep() + "; actual plan " + steps);
        }
        int last = -1;
        for (String s : e.steps()) {
            int at = steps.indexOf(s);
            if (at < 0) {
                failures.add("expected step " + s + "; actual plan " + steps);
            } else if (at < last) {
                failures.add("expected steps in the order " + e.steps() + "; actual plan " + steps);
            } else {
                last = at;
            }
        }
        for (String s : e.notSteps()) {
            if (steps.contains(s)) {
                failures.add("expected no step " + s + "; actual plan " + steps);
            }
        }
        List<String> skipped = d.skipped().stream().map(SkippedFix::fixId).toList();
        for (String s : e.skipped()) {
            if (!skipped.contains(s)) {
                failures.add("expected " + s + " to be left out as already tried; actual left out " + skipped);
            }
        }
        bound(e.minConfidence(), d, failures, true);
        bound(e.maxConfidence(), d, failures, false);
    }

    private static void bound(Map<String, Double> bounds, Diagnosis d, List<String> failures, boolean min) {
        bounds.forEach((id, limit) -> {
            Optional<FindingReport> f = d.findings().stream().filter(x -> x.id().equals(id)).findFirst();
            if (f.isEmpty()) {
                failures.add("expected finding " + id + " with confidence " + (min ? ">= " : "<= ") + limit + "; it is absent");
            } else if (min ? f.get().confidence() < limit : f.get().confidence() > limit) {
                failures.add("expected " + id + " confidence " + (min ? ">= " : "<= ") + limit + "; actual " + f.get().confidence());
            }
        });
    }
}
