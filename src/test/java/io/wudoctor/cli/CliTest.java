package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI end to end through picocli, with stdout and stderr captured (picocli's testing guide). */
class CliTest {

    private static final String SAMPLE = "facts-samples/ms-s1-clr-optimization.yaml";

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void useTheTestCache() {
        System.setProperty("wudoctor.cacheDir", io.wudoctor.TestRules.CACHE.toString());
    }

    @Test
    void diagnosePrintsANumberedPlanThatFitsEightyColumns() {
        Run r = run("diagnose", SAMPLE);
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("1. Back up the operating system (OS) disk")
                .contains("2. Back up and delete the clr_optimization")
                .contains("Why: ")
                .contains("reg delete HKLM\\System\\CurrentControlSet\\services\\clr_optimization_v4.0.30319_32");
        // prose wraps at 80 columns; only commands, which must stay copyable, may be longer
        r.out().lines().filter(l -> l.length() > 80)
                .forEach(l -> assertThat(l).startsWith("     ").doesNotContain("Why:"));
    }

    @Test
    void jsonCarriesConfidenceAndEvidenceWithFileAndLine() throws Exception {
        Run r = run("diagnose", SAMPLE, "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        JsonNode finding = json.get("findings").get(0);
        assertThat(finding.get("id").asText()).isEqualTo("clr-optimization-service-orphaned");
        assertThat(finding.get("source").get("document").asText()).isEqualTo("004_e1b66bc04e78a636.txt");
        JsonNode step = json.get("steps").get(1);
        assertThat(step.get("fixId").asText()).isEqualTo("delete-clr-optimization-keys");
        assertThat(step.get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(step.get("addresses").get(0).asText()).isEqualTo("clr-optimization-service-orphaned");
        assertThat(step.get("commands")).isNotEmpty();
        JsonNode logEvidence = step.get("evidence").get(0);
        assertThat(logEvidence.get("file").asText()).isEqualTo("C:\\Windows\\Logs\\CBS\\CBS.log");
        assertThat(logEvidence.get("line").asLong()).isEqualTo(2);
    }

    @Test
    void markdownIsForTickets() {
        Run r = run("diagnose", SAMPLE, "--format", "markdown");
        assertThat(r.out()).startsWith("# Fix plan").contains("## Steps").contains("```bat");
    }

    @Test
    void outputFileGetsTheReportAndStdoutStaysEmpty(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plan.json");
        Run r = run("diagnose", SAMPLE, "--format", "json", "-o", file.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(run("diagnose", SAMPLE, "--format", "json").out());
    }

    @Test
    void outputIntoAFolderOrAMissingFolderSaysWhyAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("plans"));
        Run intoFolder = run("diagnose", SAMPLE, "-o", folder.toString());
        assertThat(intoFolder.code()).isEqualTo(2);
        assertThat(intoFolder.err()).isEqualTo("wudoctor: " + folder + ": cannot write the report: it is a folder (give a file name)\n");
        Path missing = dir.resolve("nope").resolve("plan.txt");
        Run intoMissing = run("diagnose", SAMPLE, "-o", missing.toString());
        assertThat(intoMissing.code()).isEqualTo(2);
        assertThat(intoMissing.err()).contains("no such folder " + missing.getParent()).doesNotContain(".tmp");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(folder); // no temporary file
        }
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void explainShowsFiringsAndTheArithmetic() {
        Run r = run("diagnose", SAMPLE, "--explain");
        assertThat(r.out()).contains("Rule firings, in order:")
                .contains("ms-s1-clr-optimization-confirmed")
                .contains("cf = 0.950  <- ms-s1-clr-optimization-confirmed")
                .contains("step confidence = 0.950");
    }

    @Test
    void usageErrorsExitTwoWithAMessageNotAStackTrace() {
        Run unknown = run("diagnose", SAMPLE, "--colour");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--colour'").doesNotContain("at io.wudoctor");
        Run noSource = run("diagnose");
        assertThat(noSource.code()).isEqualTo(2);
        assertThat(noSource.err()).contains("missing SOURCE").contains("facts file");
        Run badFormat = run("diagnose", SAMPLE, "--format", "pdf");
        assertThat(badFormat.code()).isEqualTo(2);
        assertThat(badFormat.err()).contains("unknown format 'pdf'");
        assertThat(run().code()).isEqualTo(2);
    }

    @Test
    void noBuiltinRulesWithoutAFolderIsAUsageErrorNotAnEmptyPlan() {
        for (String[] args : new String[][] {{"diagnose", SAMPLE, "--no-builtin-rules"}, {"rules", "test", "--no-builtin-rules"},
                {"rules", "validate", "--no-builtin-rules"}, {"collect", "--root", SAMPLE, "--no-builtin-rules"}}) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).isEqualTo("wudoctor: --no-builtin-rules needs at least one --rules DIR (else there are no rules)\n");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void badInputExitsThreeNamingFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "schemaVersion: 1\nincident:\n  surface: windows-update\n  colour: red\n");
        Run r = run("diagnose", bad.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("wudoctor: " + bad + ":4:3: unknown field 'colour' (expected one of: errorCode, kb, path, seenIn, surface)\n");
        assertThat(r.out()).isEmpty();
        Run missing = run("diagnose", dir.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void badRulesExitFourListingEveryProblem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.drl"), "package x;\nrule \"r\"\nwhen\n  (\nthen\nend\n");
        Run r = run("diagnose", SAMPLE, "--rules", dir.toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains(dir.resolve("bad.drl") + ":").doesNotContain("\tat ");
        Run notAFolder = run("diagnose", SAMPLE, "--rules", dir.resolve("missing").toString());
        assertThat(notAFolder.code()).isEqualTo(4);
    }

    @Test
    void withBadRulesAndABadFactsFileTheRulesAreReportedFirstAsWhenReadInTurn(@TempDir Path dir) throws Exception {
        // the facts file is read on another thread while the rules load; the order of the messages must not change
        Path rules = Files.createDirectory(dir.resolve("rules"));
        Files.writeString(rules.resolve("bad.drl"), "package x;\nrule \"r\"\nwhen\n  (\nthen\nend\n");
        Path facts = dir.resolve("bad.yaml");
        Files.writeString(facts, "schemaVersion: 1\ncolour: red\n");
        Run both = run("diagnose", facts.toString(), "--rules", rules.toString());
        assertThat(both.code()).isEqualTo(4);
        assertThat(both.err()).contains(rules.resolve("bad.drl") + ":").doesNotContain("colour");
        Run factsOnly = run("diagnose", facts.toString());
        assertThat(factsOnly.code()).isEqualTo(3);
        assertThat(factsOnly.err()).startsWith("wudoctor: " + facts + ":2:1: unknown field 'colour'").doesNotContain("\tat ");
    }

    @Test
    void onlyADiagnosisWithTheBuiltInRulesAsShippedStartsLoadingThemBeforeParsing() {
        assertThat(Main.diagnoses("diagnose", SAMPLE)).isTrue();
        assertThat(Main.diagnoses("batch", "machines", "--rules", "extra")).isTrue();
        assertThat(Main.diagnoses("diagnose", SAMPLE, "--no-builtin-rules", "--rules", "mine")).isFalse();
        assertThat(Main.diagnoses("diagnose", SAMPLE, "--allow-unsafe-rules")).isFalse();
        assertThat(Main.diagnoses("diagnose", SAMPLE, "--no-builtin-rules=true", "--rules=mine")).isFalse();
        assertThat(Main.diagnoses("rules", "list")).isFalse();
        assertThat(Main.diagnoses()).isFalse();
    }

    @Test
    void anUnexpectedFailureExitsOneWithoutAStackTrace() {
        CommandLine cli = Main.commandLine();
        cli.addSubcommand("boom", new Boom());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("boom")).isEqualTo(1);
        assertThat(err.toString()).contains("internal error").contains("simulated bug").doesNotContain("\tat ");
    }

    @CommandLine.Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("simulated bug");
        }
    }

    @Test
    void helpDocumentsTheExitCodesAndVersionNamesTheEngine() {
        Run help = run("diagnose", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Exit codes:").containsPattern("3 +bad input").containsPattern("4 +bad rules")
                .containsPattern("10 +diagnose --fail-on-cause").contains("Examples:")
                .contains("--no-builtin-rules").contains("--format");
        assertThat(run("--help").out()).contains("diagnose").contains("Exit codes:");
        Run version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("wudoctor 0.1.0").contains("Drools");
    }
}
