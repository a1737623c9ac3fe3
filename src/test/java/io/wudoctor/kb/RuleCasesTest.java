package io.wudoctor.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.TestRules;
import io.wudoctor.internal.kb.RulePack;
import io.wudoctor.internal.kb.RulePackLoader;
import io.wudoctor.internal.authoring.ruletest.CaseResult;
import io.wudoctor.internal.authoring.ruletest.RuleCaseRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every case of the built-in pack's *.tests.yaml files: the knowledge base's tests as data. */
class RuleCasesTest {

    @TestFactory
    Stream<DynamicTest> builtinCases() {
        RulePack pack = new RulePackLoader().builtin().load();
        List<CaseResult> parseFailures = new ArrayList<>();
        List<RuleCaseRunner.Located> cases = pack.tests().stream()
                .flatMap(f -> RuleCaseRunner.parse(f, parseFailures).stream()).toList();
        assertThat(parseFailures).isEmpty();
        assertThat(cases).isNotEmpty();
        RuleCaseRunner runner = new RuleCaseRunner(TestRules.builtin());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.file() + ":" + c.line() + " " + c.ruleCase().name(), () -> {
            CaseResult r = runner.run(c);
            assertThat(r.failures()).as(r.name()).isEmpty();
        }));
    }
}
