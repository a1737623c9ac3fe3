package io.wudoctor.cli;

import io.wudoctor.exit.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The verdict, its exit code for detection scripts, and the CLI polish around diagnose. */
class VerdictCliTest {

    private static final String CAUSE = "facts-samples/ms-s1-clr-optimization.yaml";
    private static final String NONE = "facts-samples/no-evidence.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode verdict(CliRun run) throws Exception {
        return JSON.readTree(run.out()).get("verdict");
    }

    @Test
    void aSampleWithACauseAndOneWithoutGiveDifferentVerdicts() throws Exception {
        JsonNode cause = verdict(CliRun.of("diagnose", CAUSE, "--format", "json"));
        assertThat(cause.get("specificCause").asBoolean()).isTrue();
        assertThat(cause.at("/lead/cause").asText()).isEqualTo("clr-optimization-service-orphaned");
        assertThat(cause.at("/lead/confidence").asDouble()).isEqualTo(0.95);
        assertThat(cause.at("/lead/strength").asText()).isEqualTo("diagnosis");
        assertThat(cause.get("notCovered").toString()).contains("\"services\"").doesNotContain("\"logs\"", "\"paths\"");

        JsonNode none = verdict(CliRun.of("diagnose", NONE, "--format", "json"));
        assertThat(none.get("specificCause").asBoolean()).isFalse();
        assertThat(none.get("lead").isNull()).isTrue();
        assertThat(none.get("notCovered").toString()).contains("\"logs\"");
    }

    @Test
    void failOnCauseGivesExitTenOnlyWhenACauseAtMinWasFound() {
        assertThat(CliRun.of("diagnose", CAUSE).code()).isZero();
        CliRun found = CliRun.of("diagnose", CAUSE, "--fail-on-cause");
        assertThat(found.code()).as(found.toString()).isEqualTo(ExitCode.CAUSE_FOUND.code).isEqualTo(10);
        assertThat(found.out()).as("the report is still written").contains("1. ");
        assertThat(CliRun.of("diagnose", NONE, "--fail-on-cause").code()).isZero();
        assertThat(CliRun.of("diagnose", NONE, "--fail-on-cause=0").code()).as("only the generic finding").isZero();
        assertThat(CliRun.of("diagnose", CAUSE, "--fail-on-cause=0.95").code()).isEqualTo(10);
        assertThat(CliRun.of("diagnose", CAUSE, "--fail-on-cause=0.96").code()).isZero();
        CliRun bad = CliRun.of("diagnose", CAUSE, "--fail-on-cause=2");
        assertThat(bad.code()).isEqualTo(ExitCode.USAGE.code);
        assertThat(bad.err()).contains("MIN must be a confidence from 0 to 1");
    }

    @Test
    void aLeadBelowTheDiagnosisBandIsALead() throws Exception {
        JsonNode v = verdict(CliRun.of("diagnose", "facts-samples/vpn-dns-filter.yaml", "--format", "json"));
        assertThat(v.get("specificCause").asBoolean()).isTrue();
        double c = v.at("/lead/confidence").asDouble();
        assertThat(v.at("/lead/strength").asText()).isEqualTo(c >= 0.6 ? "diagnosis" : "lead");
    }

    @Test
    void factsOnStdinAreDiagnosedLikeAFile() throws Exception {
        String facts = Files.readString(Path.of(CAUSE));
        CliRun piped = CliRun.withStdin(facts, "diagnose", "-", "--format", "json");
        assertThat(piped.code()).as(piped.toString()).isZero();
        assertThat(piped.out()).isEqualTo(CliRun.of("diagnose", CAUSE, "--format", "json").out());
        CliRun json = CliRun.withStdin("{\"schemaVersion\": 1, \"incident\": {\"surface\": \"windows-update\"}}", "diagnose", "-");
        assertThat(json.code()).as(json.toString()).isZero();
        CliRun bad = CliRun.withStdin("schemaVersion: 1\nincident: {surface: nowhere}\n", "diagnose", "-");
        assertThat(bad.code()).isEqualTo(ExitCode.BAD_INPUT.code);
        assertThat(bad.err()).startsWith("wudoctor: <stdin>:2:");
        assertThat(CliRun.withStdin("", "diagnose", "-").err()).contains("<stdin>: empty");
    }

    @Test
    void formatNamesAreCaseInsensitive() {
        assertThat(CliRun.of("diagnose", CAUSE, "--format", "JSON").out()).startsWith("{");
        assertThat(CliRun.of("diagnose", CAUSE, "--format", "Html").out()).startsWith("<!DOCTYPE html>");
        CliRun unknown = CliRun.of("diagnose", CAUSE, "--format", "pdf");
        assertThat(unknown.code()).isEqualTo(ExitCode.USAGE.code);
        assertThat(unknown.err()).contains("expected text, json, markdown, html, ps1 or cmd");
    }

    @Test
    void quietLeavesStderrEmptyButStillReportsErrors() {
        // --verbose prints timings on stderr; -q wins over it
        CliRun quiet = CliRun.of("diagnose", CAUSE, "-q", "--verbose");
        assertThat(quiet.code()).isZero();
        assertThat(quiet.err()).isEmpty();
        assertThat(CliRun.of("diagnose", CAUSE, "--verbose").err()).contains("timings");
        assertThat(CliRun.of("diagnose", "no-such.yaml", "-q").err()).contains("no-such.yaml");
    }

    @Test
    void theHtmlReportRecordsTheCommandLine() {
        CliRun html = CliRun.of("diagnose", CAUSE, "--format", "html");
        assertThat(html.out()).contains("<code>wudoctor diagnose " + CAUSE + " --format html</code>")
                .containsPattern("<code class=\"rules\">built-in rules [^ ]+ sha256:[0-9a-f]{64} \\(\\d+ files\\)</code>");
    }
}
