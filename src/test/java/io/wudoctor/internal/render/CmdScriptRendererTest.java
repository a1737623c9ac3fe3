package io.wudoctor.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.Risk;
import io.wudoctor.api.SourceRef;
import io.wudoctor.api.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class CmdScriptRendererTest {

    private static Step step(int n, String fix, List<String> commands, List<String> manual) {
        return new Step(n, fix, "Title of " + fix, 0.7, List.of("cause"), "Because 100% & more <reasons>", List.of(), true,
                commands, manual, "It works", Risk.LOW, null, null, List.of(), new SourceRef("doc.txt", "Section"));
    }

    private static final Diagnosis PLAN = new Diagnosis(1, "wudoctor test", "Summary.", null, List.of(), List.of(
            step(1, "reset", List.of("net stop wuauserv", "del \"%ALLUSERSPROFILE%\\Application Data\\Microsoft\\Network\\Downloader\\*.*\""),
                    List.of()),
            step(2, "catalog", List.of("wusa <kb>.msu"), List.of()),
            step(3, "winsxs", List.of("mkdir x86_component", "DISM.exe /Online /Cleanup-image /Restorehealth"),
                    List.of("After mkdir, before DISM: copy the DLL (x64) & check it"))),
            List.of(), List.of());

    private final String script = new CmdScriptRenderer().render(new Report(PLAN, null));

    /** The lines a script runs, in order: not its remarks, echoes, labels, prompts or pauses. */
    private static List<String> commandsOf(String script) {
        return script.lines().filter(l -> !l.isBlank() && !l.startsWith("rem ") && !l.startsWith("echo") && !l.startsWith(":")
                && !l.startsWith("@echo") && !l.startsWith("choice ") && !l.startsWith("if errorlevel") && !l.equals("pause")
                && !l.startsWith("net session")).toList();
    }

    @Test
    void eachStepAsksBeforeItRunsAndSaysToStopOnceFixed() {
        assertThat(script).startsWith("@echo off\r\n").doesNotContain("\r\r").doesNotContainPattern("[^\r]\n");
        assertThat(script).contains(":step1\r\n", ":step2\r\n", ":end\r\n")
                .contains("choice /c YN /m \"Run the commands of step 1 now\"\r\nif errorlevel 2 goto step2\r\n")
                .contains(":step3\r\n")
                .contains("echo Retry Windows Update now. If it works, close this window: no need to go on.")
                .contains("net session >nul 2>&1 ||");
    }

    @Test
    void stepsWithAManualPartBetweenCommandsOrAnUnfilledValueAreShownNotRun() {
        assertThat(commandsOf(script)).containsExactly("net stop wuauserv",
                "del \"%ALLUSERSPROFILE%\\Application Data\\Microsoft\\Network\\Downloader\\*.*\"");
        assertThat(script).contains("echo   Command, by hand (fill in the value in <...>): wusa ^<kb^>.msu")
                .contains("echo   Command, by hand: mkdir x86_component")
                .doesNotContain("Run the commands of step 2").doesNotContain("Run the commands of step 3");
    }

    @Test
    void proseIsEscapedForEcho() {
        assertThat(script).contains("echo   By hand: After mkdir, before DISM: copy the DLL ^(x64^) ^& check it")
                .contains("rem Why: Because 100%% & more <reasons>");
    }

    @Test
    void aStepsCommandsRunBetweenItsBeforeAndAfterParts() {
        Diagnosis plan = new Diagnosis(1, "wudoctor test", "S.", null, List.of(), List.of(step(1, "import",
                List.of("reg import x.reg"), List.of("Before the commands: export x.reg on a working PC", "Restart"))),
                List.of(), List.of());
        String cmd = new CmdScriptRenderer().render(new Report(plan, null));
        assertThat(commandsOf(cmd)).containsExactly("reg import x.reg");
        assertThat(cmd).containsSubsequence("echo   By hand: Before the commands: export x.reg on a working PC\r\npause\r\n",
                "reg import x.reg\r\n", "echo   By hand: Restart\r\n");
    }

    @Test
    void theCliOffersTheFormat() {
        assertThat(Renderer.byName("cmd")).isInstanceOf(CmdScriptRenderer.class);
    }
}
