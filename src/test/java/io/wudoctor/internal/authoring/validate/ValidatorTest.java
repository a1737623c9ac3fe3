package io.wudoctor.internal.authoring.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.TestRules;
import io.wudoctor.internal.kb.RulePack;
import io.wudoctor.internal.kb.RulePackLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One small pack with one of each mistake: every check reports it, with the right file and line. */
class ValidatorTest {

    private static final String A_DRL = """
            package p;
            import io.wudoctor.facts.*;
            rule "a1"
                @id("shared-id") @document("d") @section("s") @status("stable") @justification("j")
            when
                $m : LogMatch(signature == "sig-typo")
            then
                insert(Finding.of(kcontext, "cause-typo", 1.5, $m).recommend("fix-ok"));
            end
            """;
    private static final String B_DRL = """
            package p;
            import io.wudoctor.facts.*;
            rule "b1"
                @id("shared-id") @title("t") @document("d") @section("s") @status("sometimes") @justification("j")
            when
                $m : LogMatch(signature == "sig-ok")
            then
                insert(Finding.of(kcontext, "cause-ok", 0.5, $m).recommend("fix-ok"));
            end
            """;
    private static final String SIGNATURES = """
            schemaVersion: 1
            signatures:
              - id: sig-ok
                log: cbs
                title: t
                status: stable
                source: {document: d, section: s}
                pattern: 'abc \\d+'
                examples:
                  - 'abc 1'
                  - 'abc x'
                counterexamples:
                  - 'abc 2'
              - id: sig-bad-regex
                log: cbs
                title: t
                status: stable
                source: {document: d, section: s}
                pattern: 'abc ('
              - id: sig-unused
                log: cbs
                title: t
                status: stable
                source: {document: d, section: s}
                pattern: 'x'
                examples: ['x']
            """;
    private static final String FIXES = """
            schemaVersion: 1
            fixes:
              - id: fix-ok
                title: t
                status: stable
                source: {document: d, section: s}
                elevated: false
                manual: [do it]
                requires: [fix-typo]
                os: {minBuild: 9200, instead: fix-old-typo}
              - id: fix-empty
                title: t
                status: stable
                source: {document: d, section: s}
                elevated: false
                after: [fix-empty]
              - id: fix-c1
                title: t
                source: {document: d, section: s}
                elevated: false
                commands: [x]
                after: [fix-c2]
              - id: fix-c2
                title: t
                status: stable
                source: {document: d, section: s}
                elevated: false
                commands: [x]
                requires: [fix-c1]
            """;
    private static final String CAUSES = """
            schemaVersion: 1
            causes:
              - id: cause-ok
                title: t
                source: {document: d, section: s}
            """;
    private static final String TESTS = """
            schemaVersion: 1
            cases:
              - name: one
                rule: shared-idd
                facts:
                  incident: {surface: windows-update}
                expect:
                  steps: [fix-ok, fix-nope]
              - name: two
                fires: false
                facts:
                  incident: {surface: windows-update}
                expect: {}
            """;

    @TempDir
    static Path dir;
    static Path pack;
    static Path empty;
    static List<Issue> issues;

    @BeforeAll
    static void validate() throws IOException {
        pack = Files.createDirectories(dir.resolve("pack"));
        empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(pack.resolve("a.drl"), A_DRL);
        Files.writeString(pack.resolve("b.drl"), B_DRL);
        Files.writeString(pack.resolve("x.signatures.yaml"), SIGNATURES);
        Files.writeString(pack.resolve("x.fixes.yaml"), FIXES);
        Files.writeString(pack.resolve("x.causes.yaml"), CAUSES);
        Files.writeString(pack.resolve("x.tests.yaml"), TESTS);
        RulePack loaded = new RulePackLoader().folder(pack).folder(empty).load();
        issues = new Validator(TestRules.CACHE).validate(loaded, List.of(pack, empty), false).issues();
    }

    private static int line(String content, String marker) {
        List<String> lines = content.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + marker);
    }

    private static void assertIssue(Issue.Severity severity, String file, int line, String text) {
        String where = pack.resolve(file).toString();
        assertThat(issues).as(issues.toString()).anySatisfy(i -> {
            assertThat(i.severity()).isEqualTo(severity);
            assertThat(i.file()).isEqualTo(where);
            assertThat(i.line()).isEqualTo(line);
            assertThat(i.message()).contains(text);
        });
    }

    @Test
    void ruleReferencesAndConfidence() {
        assertIssue(Issue.Severity.ERROR, "a.drl", line(A_DRL, "cause-typo"), "rule \"a1\": concludes unknown cause 'cause-typo'");
        assertIssue(Issue.Severity.ERROR, "a.drl", line(A_DRL, "cause-typo"), "confidence 1.5");
        assertIssue(Issue.Severity.ERROR, "a.drl", line(A_DRL, "sig-typo"), "matches unknown log signature 'sig-typo'");
    }

    @Test
    void metadataAndDuplicateRuleIds() {
        assertIssue(Issue.Severity.ERROR, "a.drl", 3, "missing metadata @title");
        assertIssue(Issue.Severity.ERROR, "b.drl", 3, "@status(\"sometimes\") is not one of");
        assertIssue(Issue.Severity.ERROR, "b.drl", 3, "duplicate rule id 'shared-id' (first defined at " + pack.resolve("a.drl") + ":3)");
        assertIssue(Issue.Severity.ERROR, "x.fixes.yaml", line(FIXES, "fix-c1"), "fix 'fix-c1': missing status");
    }

    @Test
    void fixes() {
        assertIssue(Issue.Severity.ERROR, "x.fixes.yaml", line(FIXES, "fix-typo"), "requires names unknown fix 'fix-typo'");
        assertIssue(Issue.Severity.ERROR, "x.fixes.yaml", line(FIXES, "id: fix-empty"), "neither commands nor manual steps");
        assertIssue(Issue.Severity.ERROR, "x.fixes.yaml", line(FIXES, "after: [fix-empty]"), "after names the fix itself");
        assertIssue(Issue.Severity.ERROR, "x.fixes.yaml", line(FIXES, "id: fix-c1"), "fixes fix-c1 -> fix-c2 -> fix-c1");
        assertIssue(Issue.Severity.ERROR, "x.fixes.yaml", line(FIXES, "fix-old-typo"), "os.instead names unknown fix 'fix-old-typo'");
    }

    @Test
    void signatures() {
        assertIssue(Issue.Severity.ERROR, "x.signatures.yaml", line(SIGNATURES, "'abc x'"), "example 2 does not match");
        assertIssue(Issue.Severity.ERROR, "x.signatures.yaml", line(SIGNATURES, "'abc 2'"), "counterexample 1 matches");
        assertIssue(Issue.Severity.ERROR, "x.signatures.yaml", line(SIGNATURES, "'abc ('"), "invalid regex");
        assertIssue(Issue.Severity.WARNING, "x.signatures.yaml", line(SIGNATURES, "id: sig-bad-regex"), "has no examples");
        assertIssue(Issue.Severity.WARNING, "x.signatures.yaml", line(SIGNATURES, "id: sig-unused"), "not used by any rule");
    }

    @Test
    void testCases() {
        assertIssue(Issue.Severity.ERROR, "x.tests.yaml", line(TESTS, "shared-idd"), "names unknown rule 'shared-idd' (did you mean 'shared-id'?)");
        assertIssue(Issue.Severity.ERROR, "x.tests.yaml", line(TESTS, "fix-nope"), "expect.steps names unknown fix 'fix-nope'");
        assertIssue(Issue.Severity.WARNING, "a.drl", 3, "rule 'shared-id' has no test case");
        assertIssue(Issue.Severity.ERROR, "x.tests.yaml", line(TESTS, "fires: false"), "case 'two': fires: says whether the case's rule fires, but the case names no rule:");
    }

    @Test
    void emptyFolderIsAWarning() {
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.severity()).isEqualTo(Issue.Severity.WARNING);
            assertThat(i.file()).isEqualTo(empty.toString());
            assertThat(i.message()).contains("no rules in this folder");
        });
    }

    @Test
    void nothingElse() {
        // the rules compile, and every catalog file loads: only the planted mistakes are reported
        assertThat(issues).hasSize(24);
    }
}
