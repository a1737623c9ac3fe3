package io.wudoctor.internal.plan;

import io.wudoctor.api.BadRulesException;
import io.wudoctor.api.Evidence;
import io.wudoctor.api.Explained;
import io.wudoctor.api.FindingReport;
import io.wudoctor.api.RuleContribution;
import io.wudoctor.api.RuleProblem;
import io.wudoctor.api.SkippedFix;
import io.wudoctor.api.Step;
import io.wudoctor.facts.AttemptedFix;
import io.wudoctor.facts.Fact;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.Finding;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.facts.Outcome;
import io.wudoctor.internal.kb.CauseDef;
import io.wudoctor.internal.kb.FixDef;
import io.wudoctor.internal.kb.RulePack;
import io.wudoctor.internal.kb.drl.DrlOutline;
import io.wudoctor.internal.kb.drl.DrlReferences;
import io.wudoctor.internal.kb.drl.DrlText;
import io.wudoctor.internal.text.Suggest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the rules' findings into a ranked, ordered, explained plan.
 *
 * <ol>
 * <li>Findings for one cause are combined: one rule firing many times counts once (its highest
 * confidence), distinct rules combine as certainty factors a + b(1 - a).</li>
 * <li>Each recommended fix becomes a step whose confidence combines the causes it addresses.</li>
 * <li>Fixes already tried without success are left out (listed as skipped); the rules decide
 * what to escalate to.</li>
 * <li>Hard prerequisites ({@code requires}) are pulled in; steps are ordered most likely
 * first (in 0.05 bands), then in the rule's stated order, then least invasive first, always
 * respecting {@code requires} and {@code after} edges.</li>
 * </ol>
 */
public final class Planner {

    private final RulePack pack;
    private List<FileRefs> references;

    /** The id references of one DRL file, to place a problem at its line. */
    private record FileRefs(String file, List<DrlReferences.Ref> refs) {
    }

    public Planner(RulePack pack) {
        this.pack = pack;
    }

    /** A cause with its combined confidence and the contributions behind it. */
    public record CauseResult(CauseDef cause, double confidence, List<Contribution> contributions,
            List<String> fixes, Map<String, List<String>> params, List<Explained.Term> arithmetic) {
    }

    /** One rule's share in a cause: its highest confidence, the facts it matched over all its firings. */
    public record Contribution(String ruleId, double confidence, List<Fact> evidence) {
    }

    /** The plan, and the arithmetic an explanation shows (see {@link Explained}). */
    public record Plan(List<FindingReport> findings, List<Step> steps, List<SkippedFix> skipped, List<String> warnings,
            Map<String, List<Explained.Term>> causeArithmetic, Map<String, List<Explained.Term>> stepArithmetic) {
    }

    public Plan plan(List<Finding> findings, Facts facts) {
        checkReferences(findings);
        List<CauseResult> causes = combine(findings, facts);
        Map<String, Draft> drafts = draftSteps(causes);
        List<SkippedFix> skipped = dropAttempted(drafts, facts);
        skipped.addAll(replaceMissingOnThisOs(drafts, facts));
        addPrerequisites(drafts, facts);
        List<Draft> ordered = order(drafts);
        Map<String, String> stepNames = new java.util.HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            stepNames.put(ordered.get(i).fixId, "step " + (i + 1) + " (" + pack.fixes().get(ordered.get(i).fixId).title() + ")");
        }
        List<Step> steps = new ArrayList<>();
        Set<String> warnings = new LinkedHashSet<>();
        for (Draft d : ordered) {
            steps.add(d.toStep(steps.size() + 1, pack.fixes().get(d.fixId), drafts, stepNames, warnings));
        }
        List<FindingReport> reports = causes.stream().map(Planner::report).toList();
        Map<String, List<Explained.Term>> causeArithmetic = new LinkedHashMap<>();
        causes.forEach(c -> causeArithmetic.put(c.cause().id(), c.arithmetic()));
        Map<String, List<Explained.Term>> stepArithmetic = new LinkedHashMap<>();
        ordered.forEach(d -> stepArithmetic.put(d.fixId, d.combined().terms()));
        return new Plan(reports, steps, skipped, List.copyOf(warnings), causeArithmetic, stepArithmetic);
    }

    private void checkReferences(List<Finding> findings) {
        Set<RuleProblem> problems = new LinkedHashSet<>();
        for (Finding f : findings) {
            if (!pack.causes().containsKey(f.cause())) {
                problems.add(problem(f.ruleId(), DrlReferences.Kind.CAUSE, f.cause(), "concludes unknown cause '" + f.cause() + "'"
                        + Suggest.closest(f.cause(), pack.causes().keySet())));
            }
            for (String fix : f.fixes()) {
                if (!pack.fixes().containsKey(fix)) {
                    problems.add(problem(f.ruleId(), DrlReferences.Kind.FIX, fix, "recommends unknown fix '" + fix + "'"
                            + Suggest.closest(fix, pack.fixes().keySet())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new BadRulesException(new ArrayList<>(problems));
        }
    }

    /** The problem at the literal that names {@code id} in the rule's DRL, as rules validate reports it, when there is one. */
    private RuleProblem problem(String ruleId, DrlReferences.Kind kind, String id, String what) {
        if (references == null) { // only on this error path: it parses every DRL file
            references = pack.drl().stream()
                    .map(f -> new FileRefs(f.name(), DrlReferences.of(DrlText.of(f.content()), DrlOutline.of(f.content()))))
                    .toList();
        }
        for (FileRefs file : references) {
            for (DrlReferences.Ref r : file.refs()) {
                if (r.kind() == kind && r.id().equals(id) && r.block() != null
                        && (ruleId.equals(r.block().meta().get("id")) || ruleId.equals(r.block().name()))) {
                    return new RuleProblem(file.file(), r.line(), r.block().label() + ": " + what);
                }
            }
        }
        return new RuleProblem("rule " + ruleId, 0, what);
    }

    private List<CauseResult> combine(List<Finding> findings, Facts facts) {
        Map<String, Map<String, List<Finding>>> byCause = new TreeMap<>();
        for (Finding f : findings) {
            byCause.computeIfAbsent(f.cause(), k -> new TreeMap<>()).computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
        }
        List<CauseResult> results = new ArrayList<>();
        byCause.forEach((causeId, byRule) -> {
            List<Contribution> contributions = new ArrayList<>();
            LinkedHashSet<String> fixes = new LinkedHashSet<>();
            Map<String, List<String>> params = new TreeMap<>();
            byRule.forEach((ruleId, list) -> {
                LinkedHashSet<Fact> evidence = new LinkedHashSet<>();
                double max = 0;
                for (Finding f : list) {
                    max = Math.max(max, f.confidence());
                    evidence.addAll(f.evidence());
                    fixes.addAll(f.fixes());
                    f.params().forEach((k, v) -> addParam(params, k, v));
                }
                for (Fact e : evidence) {
                    if (e instanceof LogMatch m) {
                        m.captures().forEach((k, v) -> addParam(params, k, v));
                    }
                }
                contributions.add(new Contribution(ruleId, max, List.copyOf(evidence)));
            });
            if (facts.incident() != null) {
                addParam(params, "kb", facts.incident().kb());
                addParam(params, "path", facts.incident().path());
            }
            contributions.sort(Comparator.comparingDouble(Contribution::confidence).reversed().thenComparing(Contribution::ruleId));
            CertaintyFactors.Combined cf = CertaintyFactors.combineAll(contributions.stream().map(Contribution::ruleId).toList(),
                    contributions.stream().map(Contribution::confidence).toList());
            results.add(new CauseResult(pack.causes().get(causeId), cf.value(), List.copyOf(contributions), List.copyOf(fixes), params,
                    cf.terms()));
        });
        results.sort(Comparator.comparingDouble((CauseResult c) -> CertaintyFactors.round(c.confidence())).reversed()
                .thenComparing(c -> c.cause().id()));
        return results;
    }

    private static void addParam(Map<String, List<String>> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            List<String> values = params.computeIfAbsent(name, k -> new ArrayList<>());
            if (!values.contains(value)) {
                values.add(value);
            }
        }
    }

    private Map<String, Draft> draftSteps(List<CauseResult> causes) {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (CauseResult c : causes) {
            for (int i = 0; i < c.fixes().size(); i++) {
                Draft d = drafts.computeIfAbsent(c.fixes().get(i), Draft::new);
                d.causes.add(c);
                d.position = Math.min(d.position, i);
                c.params().forEach((k, vs) -> vs.forEach(v -> addParam(d.params, k, v)));
            }
        }
        return drafts;
    }

    private List<SkippedFix> dropAttempted(Map<String, Draft> drafts, Facts facts) {
        List<SkippedFix> skipped = new ArrayList<>();
        // Every catalogued fix tried without success is listed, recommended again or not, so
        // the reader sees it was taken into account (unknown ids are warned about elsewhere).
        // known before any is removed: a fix tried twice is "recommended again" in both entries
        Set<String> again = new java.util.HashSet<>(drafts.keySet());
        for (AttemptedFix a : facts.attemptedFixes()) {
            FixDef fix = pack.fixes().get(a.fix());
            if (a.outcome() != Outcome.SUCCEEDED && fix != null) {
                drafts.remove(a.fix());
                boolean recommended = again.contains(a.fix());
                skipped.add(new SkippedFix(a.fix(), fix.title(), "already tried (outcome: "
                        + a.outcome().name().toLowerCase(java.util.Locale.ROOT) + (a.when() == null ? "" : ", " + a.when())
                        + ")" + (recommended ? "; recommended again by the rules, but not repeated" : "")));
            }
        }
        skipped.sort(Comparator.comparing(SkippedFix::fixId).thenComparing(SkippedFix::reason)); // a fix tried twice: whatever the order of the attempts
        return skipped;
    }

    /**
     * Fixes that do not exist on the machine's Windows build (DISM /RestoreHealth before Windows
     * 8) leave the plan; the catalog's {@code os.instead} fix takes their place, for the same
     * causes. An unknown build keeps every fix: most machines are recent.
     */
    private List<SkippedFix> replaceMissingOnThisOs(Map<String, Draft> drafts, Facts facts) {
        if (facts.os() == null || !facts.os().buildKnown()) {
            return List.of();
        }
        int build = facts.os().majorBuild();
        List<SkippedFix> skipped = new ArrayList<>();
        for (String id : List.copyOf(drafts.keySet())) {
            FixDef.OsRequirement os = pack.fixes().get(id).os();
            if (os == null || build >= os.minBuild()) {
                continue;
            }
            Draft gone = drafts.remove(id);
            FixDef instead = os.instead() == null ? null : pack.fixes().get(os.instead());
            if (os.instead() != null && instead == null) {
                throw new BadRulesException(List.of(new RuleProblem("fix " + id, 0, "os.instead names unknown fix '"
                        + os.instead() + "'" + Suggest.closest(os.instead(), pack.fixes().keySet()))));
            }
            boolean triedInstead = instead != null && facts.attemptedFixes().stream()
                    .anyMatch(a -> a.fix().equals(instead.id()) && a.outcome() != Outcome.SUCCEEDED);
            if (instead != null && !triedInstead) {
                Draft replacement = drafts.computeIfAbsent(instead.id(), Draft::new);
                gone.causes.stream().filter(c -> !replacement.causes.contains(c)).forEach(replacement.causes::add);
                replacement.position = Math.min(replacement.position, gone.position);
                gone.params.forEach((k, vs) -> vs.forEach(v -> addParam(replacement.params, k, v)));
            }
            skipped.add(new SkippedFix(id, pack.fixes().get(id).title(), "does not exist on " + facts.os().describe()
                    + " (it needs build " + os.minBuild() + " or later" + (os.why() == null ? "" : ": " + os.why()) + ")"
                    + (instead == null ? "" : "; replaced by '" + instead.title() + "'")));
        }
        return skipped;
    }

    private void addPrerequisites(Map<String, Draft> drafts, Facts facts) {
        Set<String> done = new LinkedHashSet<>();
        facts.attemptedFixes().stream().filter(a -> a.outcome() == Outcome.SUCCEEDED).forEach(a -> done.add(a.fix()));
        List<String> queue = new ArrayList<>(drafts.keySet());
        while (!queue.isEmpty()) {
            Draft dependent = drafts.get(queue.remove(0));
            for (String req : pack.fixes().get(dependent.fixId).requires()) {
                if (done.contains(req)) {
                    continue;
                }
                if (!pack.fixes().containsKey(req)) {
                    throw new BadRulesException(List.of(new RuleProblem("fix " + dependent.fixId, 0, "requires unknown fix '" + req + "'")));
                }
                Draft pre = drafts.get(req);
                if (pre == null) {
                    pre = new Draft(req);
                    drafts.put(req, pre);
                    queue.add(req);
                }
                pre.requiredBy.add(dependent.fixId);
            }
        }
    }

    private List<Draft> order(Map<String, Draft> drafts) {
        Map<String, Set<String>> before = new TreeMap<>(); // fix -> fixes that must come before it
        drafts.keySet().forEach(id -> before.put(id, new LinkedHashSet<>()));
        for (Draft d : drafts.values()) {
            FixDef fix = pack.fixes().get(d.fixId);
            fix.requires().stream().filter(drafts::containsKey).forEach(r -> before.get(d.fixId).add(r));
            fix.after().stream().filter(drafts::containsKey).forEach(r -> before.get(d.fixId).add(r));
        }
        Comparator<Draft> priority = Comparator.comparingLong((Draft d) -> Math.round(d.confidence(drafts) * 20)).reversed()
                .thenComparingInt(d -> d.position)
                .thenComparing(d -> pack.fixes().get(d.fixId).risk())
                .thenComparing(Comparator.comparingDouble((Draft d) -> d.confidence(drafts)).reversed())
                .thenComparing(d -> d.fixId);
        List<Draft> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (ordered.size() < drafts.size()) {
            Draft next = drafts.values().stream().filter(d -> !placed.contains(d.fixId))
                    .filter(d -> placed.containsAll(before.get(d.fixId))).min(priority).orElse(null);
            if (next == null) {
                List<String> stuck = drafts.keySet().stream().filter(id -> !placed.contains(id)).sorted().toList();
                throw new BadRulesException("the fixes " + stuck + " require each other in a cycle (check their requires/after)");
            }
            ordered.add(next);
            placed.add(next.fixId);
        }
        return ordered;
    }

    private static FindingReport report(CauseResult c) {
        Set<Evidence> evidence = new LinkedHashSet<>(); // a set: thousands of log matches must not take quadratic time
        List<RuleContribution> rules = new ArrayList<>();
        for (Contribution k : c.contributions()) {
            List<Evidence> own = k.evidence().stream().map(EvidenceMapper::of).toList();
            rules.add(new RuleContribution(k.ruleId(), CertaintyFactors.round(k.confidence()), own));
            evidence.addAll(own);
        }
        return new FindingReport(c.cause().id(), c.cause().title(), CertaintyFactors.round(c.confidence()),
                c.cause().source(), rules, List.copyOf(evidence));
    }

    /** A step being assembled. */
    private static final class Draft {
        final String fixId;
        final List<CauseResult> causes = new ArrayList<>();
        final Set<String> requiredBy = new LinkedHashSet<>();
        final Map<String, List<String>> params = new TreeMap<>();
        int position = Integer.MAX_VALUE;

        Draft(String fixId) {
            this.fixId = fixId;
        }

        /** The causes addressed, combined (no terms for a prerequisite alone). */
        CertaintyFactors.Combined combined() {
            return CertaintyFactors.combineAll(causes.stream().map(c -> c.cause().id()).toList(),
                    causes.stream().map(CauseResult::confidence).toList());
        }

        /** Combined confidence of the causes addressed; a prerequisite inherits its highest dependent's. */
        double confidence(Map<String, Draft> all) {
            if (!causes.isEmpty()) {
                return combined().value();
            }
            return requiredBy.stream().map(all::get).mapToDouble(d -> d.confidence(all)).max().orElse(0);
        }

        private static String names(Set<String> fixIds, Map<String, String> stepNames) {
            return String.join(", ", fixIds.stream().map(stepNames::get).toList());
        }

        Step toStep(int number, FixDef fix, Map<String, Draft> all, Map<String, String> stepNames, Set<String> warnings) {
            Map<String, List<String>> merged = new TreeMap<>(params);
            requiredBy.forEach(r -> all.get(r).params.forEach(merged::putIfAbsent));
            List<String> addresses = causes.stream().map(c -> c.cause().id()).toList();
            Set<Evidence> evidence = new LinkedHashSet<>();
            causes.forEach(c -> c.contributions().forEach(k -> k.evidence().stream().map(EvidenceMapper::of).forEach(evidence::add)));
            String why;
            if (causes.isEmpty()) {
                why = "Required before " + names(requiredBy, stepNames) + " (" + fix.source() + ").";
            } else {
                why = "Addresses " + String.join("; ", causes.stream().map(c -> c.cause().title() + " ("
                        + Math.round(c.confidence() * 100) + "%)").toList()) + "."
                        + (requiredBy.isEmpty() ? "" : " Also required before " + names(requiredBy, stepNames) + ".");
            }
            return new Step(number, fixId, fix.title(), CertaintyFactors.round(confidence(all)), addresses.isEmpty()
                    ? requiredBy.stream().flatMap(r -> all.get(r).causes.stream().map(c -> c.cause().id())).distinct().toList()
                    : addresses,
                    why, List.copyOf(evidence), fix.elevated(), CommandTemplate.expand(fix.commands(),
                    fix.commands().isEmpty() ? merged : CaptureCheck.safe(merged, fixId, warnings)),
                    CommandTemplate.expand(fix.manual(), merged), CommandTemplate.expandText(fix.verify(), merged), fix.risk(),
                    fix.difficulty(), fix.time(), fix.requires(), fix.source());
        }
    }
}
