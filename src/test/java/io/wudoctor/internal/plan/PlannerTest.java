package io.wudoctor.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wudoctor.api.BadRulesException;
import io.wudoctor.api.Risk;
import io.wudoctor.api.SourceRef;
import io.wudoctor.api.Step;
import io.wudoctor.facts.AttemptedFix;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.Finding;
import io.wudoctor.facts.Incident;
import io.wudoctor.facts.LogKind;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.facts.Outcome;
import io.wudoctor.facts.Surface;
import io.wudoctor.internal.kb.CauseDef;
import io.wudoctor.internal.kb.FixDef;
import io.wudoctor.internal.kb.RulePack;
import io.wudoctor.internal.plan.Planner;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final SourceRef SRC = new SourceRef("doc.txt", "Section");
    private static final Facts FACTS = Facts.of(new Incident(Surface.WINDOWS_UPDATE, null, "KB123", null));

    private static FixDef fix(String id, Risk risk, List<String> requires, List<String> after, String... commands) {
        return new FixDef(id, "Title " + id, null, SRC, risk, null, null, true, List.of(commands), null, null, requires, after);
    }

    private static RulePack pack(FixDef... fixes) {
        Map<String, CauseDef> causes = java.util.stream.Stream.of("a", "b", "c")
                .collect(Collectors.toMap(Function.identity(), id -> new CauseDef(id, "Cause " + id, null, SRC)));
        return new RulePack(List.of(), causes, java.util.Arrays.stream(fixes).collect(Collectors.toMap(FixDef::id, Function.identity())),
                List.of(), List.of(), List.of(), List.of());
    }

    private static final RulePack PACK = pack(
            fix("backup", Risk.LOW, List.of(), List.of()),
            fix("edit-registry", Risk.HIGH, List.of("backup"), List.of()),
            fix("dism", Risk.MEDIUM, List.of(), List.of()),
            fix("sfc", Risk.LOW, List.of(), List.of("dism")),
            fix("restart", Risk.LOW, List.of(), List.of()),
            fix("catalog", Risk.LOW, List.of(), List.of(), "wusa ${kb}.msu", "copy ${file} here"));

    private static List<String> order(Planner.Plan plan) {
        return plan.steps().stream().map(Step::fixId).toList();
    }

    @Test
    void distinctRulesCombineAsCertaintyFactors() {
        Planner.Plan plan = new Planner(PACK).plan(List.of(
                Finding.of("r1", "a", 0.7).recommend("restart"),
                Finding.of("r2", "a", 0.5).recommend("restart")), FACTS);
        assertThat(plan.findings()).singleElement().satisfies(f -> {
            assertThat(f.confidence()).isEqualTo(0.85); // 0.7 + 0.5 * (1 - 0.7)
            assertThat(f.rules()).extracting(r -> r.rule()).containsExactly("r1", "r2");
        });
        assertThat(plan.steps().get(0).confidence()).isEqualTo(0.85);
    }

    @Test
    void oneRuleFiringTwiceCountsOnceAtItsHighestConfidence() {
        Planner.Plan plan = new Planner(PACK).plan(List.of(
                Finding.of("r1", "a", 0.6).recommend("restart"),
                Finding.of("r1", "a", 0.7).recommend("restart")), FACTS);
        assertThat(plan.findings().get(0).confidence()).isEqualTo(0.7);
    }

    @Test
    void mostLikelyFirstThenPrerequisitesAndOrderingEdges() {
        Planner.Plan plan = new Planner(PACK).plan(List.of(
                Finding.of("r1", "a", 0.9).recommend("edit-registry"),
                Finding.of("r2", "b", 0.5).recommend("sfc", "dism"),
                Finding.of("r3", "c", 0.2).recommend("restart")), FACTS);
        // backup is pulled in before the registry edit; dism comes before sfc despite the rule's order
        assertThat(order(plan)).containsExactly("backup", "edit-registry", "dism", "sfc", "restart");
        Step backup = plan.steps().get(0);
        assertThat(backup.confidence()).isEqualTo(0.9);
        assertThat(backup.why()).contains("Required before step 2 (Title edit-registry)");
    }

    @Test
    void atEqualConfidenceTheRulesOrderThenLowerRiskComesFirst() {
        Planner.Plan plan = new Planner(PACK).plan(List.of(
                Finding.of("r1", "a", 0.5).recommend("dism", "restart")), FACTS);
        assertThat(order(plan)).containsExactly("dism", "restart");
        Planner.Plan tied = new Planner(PACK).plan(List.of(
                Finding.of("r1", "a", 0.5).recommend("dism"), Finding.of("r2", "b", 0.5).recommend("restart")), FACTS);
        assertThat(order(tied)).containsExactly("restart", "dism");
    }

    @Test
    void failedAttemptsAreLeftOutAndListed() {
        Facts tried = FACTS.overlay(Facts.builder().attemptedFixes(
                List.of(new AttemptedFix("dism", Outcome.FAILED, "2026-11-01"), new AttemptedFix("backup", Outcome.SUCCEEDED, null))).build());
        Planner.Plan plan = new Planner(PACK).plan(List.of(
                Finding.of("r1", "a", 0.9).recommend("edit-registry", "dism", "restart")), tried);
        assertThat(order(plan)).containsExactly("edit-registry", "restart");
        assertThat(plan.skipped()).singleElement().satisfies(s -> {
            assertThat(s.fixId()).isEqualTo("dism");
            assertThat(s.reason()).contains("failed").contains("2026-11-01");
        });
    }

    @Test
    void aFailedAttemptNoRuleRecommendsIsStillListed() {
        Facts tried = FACTS.overlay(Facts.builder().attemptedFixes(
                List.of(new AttemptedFix("sfc", Outcome.FAILED, null), new AttemptedFix("no-such-fix", Outcome.FAILED, null))).build());
        Planner.Plan plan = new Planner(PACK).plan(List.of(Finding.of("r1", "a", 0.9).recommend("restart")), tried);
        assertThat(order(plan)).containsExactly("restart");
        assertThat(plan.skipped()).singleElement().satisfies(s -> {
            assertThat(s.fixId()).isEqualTo("sfc");
            assertThat(s.reason()).isEqualTo("already tried (outcome: failed)");
        });
    }

    @Test
    void placeholdersAreFilledFromCapturesAndTheIncident() {
        LogMatch m1 = new LogMatch(LogKind.CBS, "sig", "CBS.log", 10L, null, "x", Map.of("file", "DWrite.dll"), 1);
        LogMatch m2 = new LogMatch(LogKind.CBS, "sig", "CBS.log", 11L, null, "y", Map.of("file", "FntCache.dll"), 1);
        Planner.Plan plan = new Planner(PACK).plan(List.of(
                Finding.of("r1", "a", 0.9, m1).recommend("catalog"), Finding.of("r1", "a", 0.9, m2)), FACTS);
        assertThat(plan.steps().get(0).commands())
                .containsExactly("wusa KB123.msu", "copy DWrite.dll here", "copy FntCache.dll here");
        assertThat(plan.steps().get(0).evidence()).extracting(e -> e.line()).containsExactly(10L, 11L);
    }

    /** A fix's check names the same values as its commands (the KB catalog fix's check once printed "${kb}"). */
    @Test
    void placeholdersInTheCheckAreFilledToo() {
        RulePack pack = pack(new FixDef("catalog", "Title", null, SRC, Risk.LOW, null, null, true, List.of("wusa ${kb}.msu"),
                null, "${kb} is installed and ${file} is in place; ${path} exists", null, null));
        LogMatch m1 = new LogMatch(LogKind.CBS, "sig", "CBS.log", 10L, null, "x", Map.of("file", "DWrite.dll"), 1);
        LogMatch m2 = new LogMatch(LogKind.CBS, "sig", "CBS.log", 11L, null, "y", Map.of("file", "FntCache.dll"), 1);
        Planner.Plan plan = new Planner(pack).plan(List.of(
                Finding.of("r1", "a", 0.9, m1).recommend("catalog"), Finding.of("r1", "a", 0.9, m2)), FACTS);
        assertThat(plan.steps().get(0).verify()).isEqualTo("KB123 is installed and DWrite.dll, FntCache.dll is in place; <path> exists");
    }

    @Test
    void unknownCausesFixesAndCyclesAreRuleErrors() {
        assertThatThrownBy(() -> new Planner(PACK).plan(List.of(Finding.of("r9", "zzz", 0.5).recommend("nope")), FACTS))
                .isInstanceOf(BadRulesException.class)
                .hasMessageContaining("rule r9: concludes unknown cause 'zzz'")
                .hasMessageContaining("rule r9: recommends unknown fix 'nope'");
        RulePack cyclic = pack(fix("x", Risk.LOW, List.of(), List.of("y")), fix("y", Risk.LOW, List.of(), List.of("x")));
        assertThatThrownBy(() -> new Planner(cyclic).plan(List.of(Finding.of("r", "a", 0.5).recommend("x", "y")), FACTS))
                .hasMessageContaining("cycle");
    }

    @Test
    void confidenceOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> Finding.of("r", "a", 1.5)).hasMessageContaining("rule r: confidence must be in (0, 1]");
    }
}
