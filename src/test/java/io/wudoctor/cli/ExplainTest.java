package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --explain on a documented sample: the rule chain, the facts and log lines, and the confidence arithmetic. */
class ExplainTest {

    private static final String SAMPLE = "facts-samples/ms-s1-clr-optimization.yaml";

    @Test
    void textShowsTheChainAndTheArithmeticPerStep() {
        CliRun r = CliRun.of("diagnose", SAMPLE, "--explain");
        assertThat(r.code()).as(r.toString()).isZero();
        String x = r.out().substring(r.out().indexOf("Explanation"));
        // Rules of equal salience fire in the engine's order, which moves as rules are added: the
        // explanation must number them as they fired, whatever that order is.
        java.util.regex.Matcher firing = java.util.regex.Pattern.compile("\n +(\\d+)\\. ms-s1-clr-optimization-confirmed\n").matcher(x);
        assertThat(firing.find()).as(x).isTrue();
        String n = firing.group(1);
        assertThat(x).contains("Rule firings, in order:\n   1. ")
                .contains("matched C:\\Windows\\Logs\\CBS\\CBS.log:2:")
                .contains("concluded clr-optimization-service-orphaned 0.950")
                .contains("delete-clr-optimization-keys [0.950]")
                .contains("for cause clr-optimization-service-orphaned [0.950]:")
                .contains("rule ms-s1-clr-optimization-confirmed 0.950 (firing #" + n + ")")
                .contains("cf = 0.950  <- ms-s1-clr-optimization-confirmed")
                .contains("a prerequisite: required before delete-clr-optimization-keys (step ");
    }

    @Test
    void jsonIsUnchangedWithoutExplainAndGainsAnExplanationObjectWithIt() throws Exception {
        CliRun plain = CliRun.of("diagnose", SAMPLE, "--format", "json");
        CliRun explained = CliRun.of("diagnose", SAMPLE, "--format", "json", "--explain");
        JsonNode a = new JsonMapper().readTree(plain.out());
        JsonNode b = new JsonMapper().readTree(explained.out());
        assertThat(a.has("explanation")).isFalse();
        JsonNode withoutExplanation = ((com.fasterxml.jackson.databind.node.ObjectNode) b.deepCopy()).without("explanation");
        assertThat((Object) withoutExplanation).isEqualTo(a);
        JsonNode x = b.get("explanation");
        int index = -1;
        for (int i = 0; i < x.get("firings").size(); i++) {
            if (x.get("firings").get(i).get("rule").asText().equals("ms-s1-clr-optimization-confirmed")) {
                index = i;
            }
        }
        assertThat(index).as("the ms-s1 firing").isNotNegative();
        assertThat(x.get("firings").get(index).get("matched").get(0).get("line").asInt()).isEqualTo(2);
        JsonNode step = null;
        for (JsonNode s : x.get("steps")) {
            if (s.get("fixId").asText().equals("delete-clr-optimization-keys")) {
                step = s;
            }
        }
        assertThat(step).isNotNull();
        JsonNode cause = step.get("causes").get(0);
        assertThat(cause.get("rules").get(0).get("firings").get(0).asInt()).isEqualTo(index + 1);
        assertThat(cause.get("arithmetic").get(0).get("result").asDouble()).isEqualTo(0.95);
    }

    /** Two rules on one cause, two causes on one step: both combinations are shown term by term. */
    @Test
    void combinationsAreShownTermByTerm(@TempDir Path dir, @TempDir Path factsDir) throws IOException {
        try (var files = Files.list(Path.of("rules"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".causes.yaml") || p.toString().endsWith(".fixes.yaml")).toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        StringBuilder drl = new StringBuilder("package t;\nimport io.wudoctor.facts.*;\n");
        String[][] rules = {{"r-cache-a", "corrupted-update-cache", "0.7"}, {"r-cache-b", "corrupted-update-cache", "0.5"},
                {"r-files", "corrupted-system-files", "0.2"}};
        for (String[] r : rules) {
            drl.append("rule \"").append(r[0]).append("\" @id(\"").append(r[0]).append("\")\nwhen\n  $i : Incident()\nthen\n")
                    .append("  insert(Finding.of(kcontext, \"").append(r[1]).append("\", ").append(r[2])
                    .append(", $i).recommend(\"reset-update-cache\"));\nend\n");
        }
        Files.writeString(dir.resolve("t.drl"), drl.toString());
        Path facts = Files.writeString(factsDir.resolve("facts.yaml"), "schemaVersion: 1\nincident: {surface: windows-update}\n");

        CliRun r = CliRun.of("diagnose", facts.toString(), "--no-builtin-rules", "--rules", dir.toString(), "--explain");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.out())
                .contains("for cause corrupted-update-cache [0.850]:")
                .contains("cf = 0.700  <- r-cache-a\n       cf = 0.700 + 0.500 x (1 - 0.700) = 0.850  <- r-cache-b")
                .contains("step confidence, combining its causes:\n       cf = 0.850  <- corrupted-update-cache\n"
                        + "       cf = 0.850 + 0.200 x (1 - 0.850) = 0.880  <- corrupted-system-files");
    }

    /**
     * An accumulate of two functions hands the rule an Object[] (and one of one function a list):
     * the explanation describes their facts, never an identity hash (which made two runs' JSON differ).
     */
    @Test
    void collectedFactsAreDescribedTheSameOnEveryRun() throws Exception {
        String sample = "facts-samples/error-follows-across-updates.yaml";
        CliRun first = CliRun.of("diagnose", sample, "--format", "json", "--explain");
        CliRun second = CliRun.of("diagnose", sample, "--format", "json", "--explain");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).isEqualTo(second.out()).doesNotContainPattern("@[0-9a-f]{4,}\"");
        JsonNode firings = new JsonMapper().readTree(first.out()).get("explanation").get("firings");
        JsonNode accumulates = null;
        for (JsonNode f : firings) {
            if (f.get("rule").asText().equals("up-error-follows-across-updates")) {
                accumulates = f;
            }
        }
        assertThat(accumulates).as(firings.toString()).isNotNull();
        assertThat(accumulates.get("matched").findValuesAsText("summary")).contains("(none)").anySatisfy(summary -> assertThat(summary)
                .startsWith("[[System event 20 from Microsoft-Windows-WindowsUpdateClient at 2024-01-11T03:05:09Z; ")
                .endsWith("; [KB5034467; KB5034123]]"));
        assertThat(accumulates.get("matched").findValuesAsText("kind")).contains("group");
    }
}
