package io.wudoctor.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.TestRules;
import io.wudoctor.Wudoctor;
import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.Risk;
import io.wudoctor.api.SourceRef;
import io.wudoctor.api.Step;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ps1ScriptRendererTest {

    private static String script(String sample) {
        Diagnosis d = TestRules.builtin().diagnose(Wudoctor.readFacts(Path.of("facts-samples", sample)));
        return new Ps1ScriptRenderer().render(new Report(d, null));
    }

    /** What the script does, in order: the commands it runs, the backups, the prompts and pauses. */
    private static List<String> actions(String script) {
        return script.substring(script.indexOf("# ---- Step 1 ")).lines().map(String::strip)
                .filter(l -> l.matches("(\\$ok = \\(?)?(Invoke-FixCommand|Stop-FixService|Start-FixService|Backup-\\w+|"
                        + "Move-AsideRenameTarget|Wait-Manual|Stop-IfFixed) .*|if \\(\\$ok\\) \\{ Wait-Manual .*"))
                .map(l -> l.replaceFirst("^\\$ok = \\(?", "").replaceFirst("\\) -and \\$ok$", "")
                        .replaceFirst("^if \\(\\$ok\\) \\{ (.*) }$", "$1"))
                .toList();
    }

    @Test
    void theCacheResetSampleRunsTheResetsCommandsInOrderWithBackupsAndStopsWhenFixed() {
        String ps1 = script("corrupted-update-cache.yaml");
        assertThat(ps1).startsWith("\uFEFF# wudoctor fix plan").contains("#Requires -RunAsAdministrator\r\n")
                .doesNotContainPattern("[^\r]\n");
        assertThat(actions(ps1)).startsWith(
                "Stop-FixService 'wuauserv'",
                "Stop-FixService 'bits'",
                "Stop-FixService 'dosvc'",
                "Stop-FixService 'cryptsvc'",
                "Move-AsideRenameTarget 'C:\\Windows\\SoftwareDistribution' 'SoftwareDistribution.old'",
                "Invoke-FixCommand 'ren C:\\Windows\\SoftwareDistribution SoftwareDistribution.old'",
                "Move-AsideRenameTarget 'C:\\Windows\\System32\\catroot2' 'catroot2.old'",
                "Invoke-FixCommand 'ren C:\\Windows\\System32\\catroot2 catroot2.old'",
                "Start-FixService 'cryptsvc'",
                "Start-FixService 'bits'",
                "Start-FixService 'wuauserv'",
                "Wait-Manual 'Check for updates.'",
                "Stop-IfFixed 1");
        assertThat(ps1).contains("if (Confirm-Yes 'Do step 1 now?') {")
                .contains("function Stop-IfFixed").contains("Does the update work now?")
                .contains("Write-Log \"ran: $Command (exit code $code)\"");
        // a failed rename must not leave the update services stopped
        assertThat(ps1).contains("    $ok = (Start-FixService 'wuauserv') -and $ok\r\n");
    }

    @Test
    void aRegistryKeyIsExportedBeforeItIsDeleted() {
        List<String> a = actions(script("ms-s1-clr-optimization.yaml"));
        String delete = "Invoke-FixCommand 'reg delete HKLM\\System\\CurrentControlSet\\services\\clr_optimization_v4.0.30319_32'";
        assertThat(a).contains(delete);
        assertThat(a.get(a.indexOf(delete) - 1))
                .isEqualTo("Backup-RegistryKey 'HKLM\\System\\CurrentControlSet\\services\\clr_optimization_v4.0.30319_32'");
    }

    @Test
    void aStepWithAManualPartBetweenItsCommandsIsShownNotRun() {
        String ps1 = script("ms-s3-winsxs-dwrite-missing.yaml");
        assertThat(ps1).contains("Wait-Manual 'Run by hand: takeown /f c:\\windows\\winsxs'")
                .doesNotContain("Invoke-FixCommand 'takeown").doesNotContain("Invoke-FixCommand 'DISM.exe");
    }

    @Test
    void textIsSingleQuotedSoNothingInItIsExpanded() {
        Step s = new Step(1, "x", "Don't run $env:PATH; it’s ‘quoted’", 0.5, List.of("c"), "why `n $(calc)", List.of(), false,
                List.of("del \"%TEMP%\\x.txt\""), List.of(), null, Risk.LOW, null, null, List.of(), new SourceRef("d", "s"));
        String ps1 = new Ps1ScriptRenderer().render(new Report(new Diagnosis(1, "wudoctor test", "S", null, List.of(),
                List.of(s), List.of(), List.of()), null));
        assertThat(ps1).contains("Write-Step 1 1 'Don''t run $env:PATH; it’’s ‘‘quoted’’' '50%' 'why `n $(calc)'")
                .contains("Backup-Files '%TEMP%\\x.txt'\r\n        $ok = Invoke-FixCommand 'del \"%TEMP%\\x.txt\"'")
                .doesNotContain("#Requires");
    }

    @Test
    void cdBecomesTheLocationOfTheStepsLaterCommandsAndEachStepStartsWhereTheScriptDid() {
        Step s = new Step(1, "x", "T", 0.5, List.of("c"), "w", List.of(), true,
                List.of("cd c:\\windows\\winsxs", "mkdir x86_comp"), List.of(), null, Risk.LOW, null, null, List.of(),
                new SourceRef("d", "s"));
        String ps1 = new Ps1ScriptRenderer().render(new Report(new Diagnosis(1, "wudoctor test", "S", null, List.of(),
                List.of(s), List.of(), List.of()), null));
        assertThat(ps1).containsSubsequence("    Set-Location -LiteralPath $StartFolder",
                "$ok = Set-FixLocation 'c:\\windows\\winsxs'", "$ok = Invoke-FixCommand 'mkdir x86_comp'");
    }

    @Test
    void backupsNameWhatTheCommandChanges() {
        assertThat(ScriptBackups.before("copy wimmount.sys %SystemRoot%\\system32\\drivers\\wimmount.sys"))
                .containsExactly("Backup-Files '%SystemRoot%\\system32\\drivers\\wimmount.sys'");
        assertThat(ScriptBackups.before("reg import Wimmount.reg")).containsExactly("Backup-RegistryFileKeys 'Wimmount.reg'");
        assertThat(ScriptBackups.before("sc.exe sdset bits D:(A;;CCLCSWRPWPDTLO;;;SY)"))
                .containsExactly("Backup-ServiceSecurity 'bits'");
        assertThat(ScriptBackups.before("takeown /f c:\\windows\\winsxs")).containsExactly("Backup-Acl 'c:\\windows\\winsxs'");
        assertThat(ScriptBackups.before("DISM /Online /Cleanup-Image /RestoreHealth")).isEmpty();
        assertThat(ScriptBackups.before("net stop wuauserv")).isEmpty();
    }

    @Test
    void theCliOffersTheFormatInAnyCase() {
        assertThat(Renderer.byName("PS1")).isInstanceOf(Ps1ScriptRenderer.class);
        assertThat(Renderer.byName("Html")).isInstanceOf(HtmlRenderer.class);
    }
}
