package io.wudoctor.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.TestRules;
import io.wudoctor.internal.authoring.inventory.Inventory;
import io.wudoctor.internal.authoring.inventory.Item;
import io.wudoctor.internal.kb.RulePack;
import io.wudoctor.internal.kb.RulePackLoader;
import io.wudoctor.internal.authoring.ruletest.CaseResult;
import io.wudoctor.internal.authoring.ruletest.RuleCaseRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every case of the built-in pack's *.tests.yaml files: the knowledge base's tests as data. */
class RuleCasesTest {

    private static final RulePack PACK = new RulePackLoader().builtin().load();

    private static List<RuleCaseRunner.Located> cases() {
        List<CaseResult> parseFailures = new ArrayList<>();
        List<RuleCaseRunner.Located> cases = PACK.tests().stream()
                .flatMap(f -> RuleCaseRunner.parse(f, parseFailures).stream()).toList();
        assertThat(parseFailures).isEmpty();
        assertThat(cases).isNotEmpty();
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> builtinCases() {
        RuleCaseRunner runner = new RuleCaseRunner(TestRules.builtin());
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.file() + ":" + c.line() + " " + c.ruleCase().name(), () -> {
            CaseResult r = runner.run(c);
            assertThat(r.failures()).as(r.name()).isEmpty();
        }));
    }

    /**
     * The mutation pass: with any one rule of the pack removed, some case's expected findings or
     * plan no longer hold, so no rule is there untested; and each case about a rule firing
     * fails on its expectations alone when that rule is removed.
     */
    @Test
    void removingAnyOneRuleFailsSomeCase() {
        List<String> rules = Inventory.of(PACK).ids(Item.Kind.RULE).stream().sorted().toList();
        assertThat(rules).hasSizeGreaterThan(50);

        RuleCaseRunner.Mutations pass = new RuleCaseRunner(TestRules.builtin()).mutate(cases(), rules);

        assertThat(pass.rules()).isEqualTo(rules.size());
        assertThat(pass.survivors()).as("rules whose removal no case notices").isEmpty();
        assertThat(pass.blindCases()).as("cases that pass without the rule they say fires").isEmpty();
    }
}
