package io.wudoctor.internal.authoring.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.TestRules;
import io.wudoctor.internal.authoring.inventory.Inventory;
import io.wudoctor.internal.authoring.inventory.Item;
import io.wudoctor.internal.kb.RulePack;
import io.wudoctor.internal.kb.RulePackLoader;
import io.wudoctor.internal.authoring.ruletest.CaseResult;
import io.wudoctor.internal.authoring.ruletest.RuleCaseRunner;
import io.wudoctor.internal.authoring.ruletest.RuleCase;
import io.wudoctor.internal.gather.scan.LogScanner;
import io.wudoctor.internal.gather.scan.SignatureSet;
import io.wudoctor.testing.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

    private static Set<String> signatures(SignatureSet set, RuleCase.Log log, InputStream in) throws IOException {
        Set<String> found = new TreeSet<>();
        new LogScanner(set.forLog(log.log())).scan(in, log.file(), done -> { }).matches().forEach(m -> found.add(m.signature()));
        return found;
    }

    /**
     * A case's log lines copied from a real log ({@code source}) are lines of that log, and stand
     * for the whole of it: scanning the log finds the signatures scanning the lines finds.
     */
    @TestFactory
    Stream<DynamicTest> logLinesFromRealLogsStandForTheirLog() {
        SignatureSet set = SignatureSet.of(PACK);
        List<RuleCase.Log> logs = cases().stream().flatMap(c -> c.ruleCase().logs().stream()).filter(l -> l.source() != null).toList();
        assertThat(logs).hasSizeGreaterThanOrEqualTo(5);
        return logs.stream().map(log -> DynamicTest.dynamicTest(log.source(), () -> {
            Path real = TestFiles.realLog(log.source());
            Set<String> lines = new HashSet<>();
            for (String line : Files.readAllLines(real, StandardCharsets.UTF_8)) {
                lines.add(line.replace("\uFEFF", ""));
            }
            List<String> copied = log.text().lines().toList();
            assertThat(copied).isNotEmpty();
            assertThat(lines).as("lines of %s", log.source()).containsAll(copied);
            try (InputStream whole = Files.newInputStream(real)) {
                assertThat(signatures(set, log, new ByteArrayInputStream(log.text().getBytes(StandardCharsets.UTF_8))))
                        .as("signatures matching the lines copied from %s", log.source()).isEqualTo(signatures(set, log, whole));
            }
        }));
    }

    /**
     * The mutation pass: with any one rule of the pack removed, some case's expected findings or
     * plan no longer hold, so no rule is there untested; and each case about a rule firing
     * fails on its expectations alone when that rule is removed.
     */
    @Test
    void removingAnyOneRuleFailsSomeCase() {
        List<String> rules = TestRules.builtin().ruleIds();
        assertThat(rules).hasSizeGreaterThan(50).isEqualTo(Inventory.of(PACK).ids(Item.Kind.RULE).stream().sorted().toList());

        RuleCaseRunner.Mutations pass = new RuleCaseRunner(TestRules.builtin()).mutate(cases(), rules);

        assertThat(pass.rules()).isEqualTo(rules.size());
        assertThat(pass.survivors()).as("rules whose removal no case notices").isEmpty();
        assertThat(pass.blindCases()).as("cases that pass without the rule they say fires").isEmpty();
    }
}
