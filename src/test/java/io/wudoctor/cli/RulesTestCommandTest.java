package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesTestCommandTest {

    /** {@code rules test --rules FOLDER} with these cases as the folder's mine.tests.yaml (cases from its line 3). */
    private static CliRun rulesTest(Path folder, String cases, String... more) throws IOException {
        Files.writeString(folder.resolve("mine.tests.yaml"), "schemaVersion: 1\ncases:\n" + cases);
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("rules", "test", "--rules", folder.toString()),
                java.util.Arrays.stream(more)).toArray(String[]::new);
        return CliRun.of(args);
    }

    @Test
    void builtinCasesPass() {
        CliRun r = CliRun.of("rules", "test");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("PASS builtin:tests/fallback.tests.yaml:").containsPattern("(?m)^\\d+ passed, 0 failed$");
    }

    @Test
    void aFailingCaseShowsExpectedAndActualAndExitsWith5(@TempDir Path tmp) throws IOException {
        CliRun r = rulesTest(tmp, """
                  - name: expects a step the fallback does not give
                    facts:
                      incident: {surface: windows-update}
                    expect:
                      firstStep: in-place-upgrade
                      findings: [no-specific-evidence]
                """);
        assertThat(r.code()).as(r.toString()).isEqualTo(5);
        assertThat(r.out()).as(r.toString())
                .contains("FAIL " + tmp.resolve("mine.tests.yaml") + ":3  expects a step the fallback does not give")
                .contains("       expected: first step in-place-upgrade\n       actual:   plan [restart-pc")
                .contains("       diagnosis: findings [no-specific-evidence")
                .containsPattern("(?m)^\\d+ passed, 1 failed$");
    }

    /** The result alone does not pass a case: the rule it names must make it, and a near miss's rule must not fire. */
    @Test
    void aCasePassesOnlyForTheRuleItNames(@TempDir Path tmp) throws IOException {
        CliRun r = rulesTest(tmp, """
                  - name: the fallback's plan claimed for the clock rule
                    rule: fast-clock-offset
                    facts:
                      incident: {surface: windows-update}
                    expect:
                      findings: [no-specific-evidence]
                  - name: the troubleshooter's cause claimed for the disk check
                    rule: esc-none-of-three-check-disk
                    facts:
                      incident: {surface: windows-update}
                      attemptedFixes:
                        - {fix: repair-dism-then-sfc, outcome: failed}
                        - {fix: reset-update-components, outcome: failed}
                    expect:
                      findings: [no-specific-evidence]
                  - name: a near miss whose rule fires
                    rule: fallback-order-of-operations
                    fires: false
                    facts:
                      incident: {surface: windows-update}
                    expect:
                      findings: [no-specific-evidence]
                  - name: the fallback's plan claimed for the fallback
                    rule: fallback-order-of-operations
                    facts:
                      incident: {surface: windows-update}
                    expect:
                      findings: [no-specific-evidence]
                """);
        assertThat(r.code()).as(r.toString()).isEqualTo(5);
        assertThat(r.out()).as(r.toString())
                .contains("expected: rule fast-clock-offset to fire\n       actual:   it did not fire; rules fired [fallback-order-of-operations]")
                .contains("expected: rule esc-none-of-three-check-disk to conclude one of [no-specific-evidence]\n"
                        + "       actual:   it concluded [disk-file-system-errors]")
                .contains("expected: rule fallback-order-of-operations not to fire (fires: false)\n       actual:   it fired 1 time(s)")
                .contains("PASS " + tmp.resolve("mine.tests.yaml") + ":25  the fallback's plan claimed for the fallback")
                .containsPattern("(?m)^\\d+ passed, 3 failed$");
    }

    /** A case whose expectations hold whatever its rule does is blind to it: the mutation pass says so. */
    @Test
    void theMutationPassNamesACaseThatPassesWithoutItsRule(@TempDir Path tmp) throws IOException {
        CliRun r = rulesTest(tmp, """
                  - name: the troubleshooter rule fires, checked only by what the planner does anyway
                    rule: esc-none-of-three-troubleshooter
                    facts:
                      incident: {surface: windows-update}
                      attemptedFixes: [{fix: dism-scanhealth-restorehealth-sfc, outcome: failed}, {fix: reset-update-components, outcome: failed}]
                    expect:
                      notSteps: [reset-update-components]
                """, "--mutations");
        assertThat(r.code()).as(r.toString()).isEqualTo(5);
        assertThat(r.out()).as(r.toString())
                .contains("BLIND " + tmp.resolve("mine.tests.yaml") + ":3 the troubleshooter rule fires")
                .containsPattern("(?m)^mutations: \\d+ rules removed one at a time, 0 not noticed, 1 blind case\\(s\\)$");
    }

    @Test
    void aTestsFileThatDoesNotParseIsAFailedCase(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("bad.tests.yaml"), "schemaVersion: 1\ncases:\n  - name: x\n"
                + "    facts: {incident: {surface: nowhere}}\n    expect: {}\n");
        CliRun r = CliRun.of("rules", "test", "--rules", tmp.toString());
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.out()).contains("FAIL " + tmp.resolve("bad.tests.yaml") + ":4").contains("'nowhere' is not one of");
    }
}
