package io.wudoctor.cli;

import io.wudoctor.exit.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** rules validate --format json and rules test --format junit: what CI and tools read. */
class RulesMachineFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void validateJsonCountsWhatWasCheckedAndListsEveryProblemWithFileAndLine(@TempDir Path tmp) throws Exception {
        JsonNode ok = JSON.readTree(CliRun.of("rules", "validate", "--format", "JSON").out());
        assertThat(ok.get("errors").asInt()).isZero();
        assertThat(ok.at("/checked/rules").asInt()).isGreaterThan(30);
        assertThat(ok.at("/checked/fixes").asInt()).isGreaterThan(30);

        Files.writeString(tmp.resolve("broken.drl"), RulesValidateCommandTest.UNCLOSED_CONDITION_DRL);
        CliRun bad = CliRun.of("rules", "validate", "--rules", tmp.toString(), "--format", "json");
        assertThat(bad.code()).as(bad.toString()).isEqualTo(ExitCode.BAD_RULES.code);
        JsonNode report = JSON.readTree(bad.out());
        assertThat(report.get("errors").asInt()).isPositive();
        JsonNode first = null;
        for (JsonNode i : report.get("issues")) {
            if (i.get("severity").asText().equals("error")) {
                first = i;
                break;
            }
        }
        assertThat(first).as("an error issue").isNotNull();
        assertThat(first.get("file").asText()).endsWith("broken.drl");
        assertThat(first.get("line").asInt()).isPositive();
        assertThat(report.get("issues")).hasSize(report.get("errors").asInt() + report.get("warnings").asInt());
    }

    @Test
    void junitXmlHasOneTestcasePerCaseAndAFailureForEachFailedOne(@TempDir Path tmp) throws Exception {
        String text = CliRun.of("rules", "test").out();
        long passLines = text.lines().filter(l -> l.startsWith("PASS ")).count();
        Document ok = xml(CliRun.of("rules", "test", "--format", "junit").out());
        Element suite = (Element) ok.getElementsByTagName("testsuite").item(0);
        assertThat(Long.parseLong(suite.getAttribute("tests"))).isEqualTo(passLines).isPositive();
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(ok.getElementsByTagName("testcase").getLength()).isEqualTo((int) passLines);

        Files.writeString(tmp.resolve("mine.tests.yaml"), """
                schemaVersion: 1
                cases:
                  - name: expects <a> step & "quotes" the fallback does not give
                    facts:
                      incident: {surface: windows-update}
                    expect:
                      firstStep: in-place-upgrade
                """);
        Path out = tmp.resolve("results.xml");
        CliRun failed = CliRun.of("rules", "test", "--rules", tmp.toString(), "--format", "junit", "-o", out.toString());
        assertThat(failed.code()).as(failed.toString()).isEqualTo(ExitCode.RULE_TESTS_FAILED.code);
        Document doc = xml(Files.readString(out));
        NodeList failures = doc.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element testcase = (Element) failures.item(0).getParentNode();
        assertThat(testcase.getAttribute("name")).isEqualTo("expects <a> step & \"quotes\" the fallback does not give");
        assertThat(testcase.getAttribute("line")).isEqualTo("3");
        assertThat(failures.item(0).getTextContent()).contains("expected: first step in-place-upgrade");
        assertThat(((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("failures")).isEqualTo("1");
    }

    @Test
    void unknownFormatsAreUsageErrors() {
        assertThat(CliRun.of("rules", "test", "--format", "tap").err()).contains("expected text or junit");
        assertThat(CliRun.of("rules", "validate", "--format", "xml").code()).isEqualTo(ExitCode.USAGE.code);
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
