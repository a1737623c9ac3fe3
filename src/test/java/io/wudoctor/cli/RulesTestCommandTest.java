package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesTestCommandTest {

    @Test
    void builtinCasesPass() {
        CliRun r = CliRun.of("rules", "test");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("PASS builtin:tests/fallback.tests.yaml:").containsPattern("(?m)^\\d+ passed, 0 failed$");
    }

    @Test
    void aFailingCaseShowsExpectedAndActualAndExitsWith5(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("mine.tests.yaml"), """
                schemaVersion: 1
                cases:
                  - name: expects a step the fallback does not give
                    facts:
                      incident: {surface: windows-update}
                    expect:
                      firstStep: in-place-upgrade
                      findings: [no-specific-evidence]
                """);
        CliRun r = CliRun.of("rules", "test", "--rules", tmp.toString());
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
        Files.writeString(tmp.resolve("mine.tests.yaml"), """
                schemaVersion: 1
                cases:
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
        CliRun r = CliRun.of("rules", "test", "--rules", tmp.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(5);
        assertThat(r.out()).as(r.toString())
                .contains("expected: rule fast-clock-offset to fire\n       actual:   it did not fire; rules fired [fallback-order-of-operations]")
                .contains("expected: rule esc-none-of-three-check-disk to conclude one of [no-specific-evidence]\n"
                        + "       actual:   it concluded [disk-file-system-errors]")
                .contains("expected: rule fallback-order-of-operations not to fire (fires: false)\n       actual:   it fired 1 time(s)")
                .contains("PASS " + tmp.resolve("mine.tests.yaml") + ":25  the fallback's plan claimed for the fallback")
                .containsPattern("(?m)^\\d+ passed, 3 failed$");
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
