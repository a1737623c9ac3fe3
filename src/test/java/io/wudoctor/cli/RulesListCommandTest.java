package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

class RulesListCommandTest {

    @Test
    void textListsEveryKindWithFileAndLine() {
        CliRun r = CliRun.of("rules", "list");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("(?m)^RULES \\(\\d+\\)$").containsPattern("(?m)^SIGNATURES \\(\\d+\\)$")
                .containsPattern("(?m)^FIXES \\(\\d+\\)$").containsPattern("(?m)^CAUSES \\(\\d+\\)$")
                .containsPattern("(?m)^fallback-order-of-operations  stable  builtin:fallback\\.drl:\\d+  \\d+ tests?$");
    }

    @Test
    void jsonCarriesMetadataAndLocation() throws Exception {
        CliRun r = CliRun.of("rules", "list", "--format", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode list = new JsonMapper().readTree(r.out());
        JsonNode rule = null;
        for (JsonNode n : list.get("rules")) {
            if (n.get("id").asText().equals("fallback-order-of-operations")) {
                rule = n;
            }
        }
        assertThat(rule).isNotNull();
        assertThat(rule.get("file").asText()).isEqualTo("builtin:fallback.drl");
        assertThat(rule.get("line").asInt()).isPositive();
        assertThat(rule.get("status").asText()).isEqualTo("stable");
        assertThat(rule.path("source").path("document").asText()).isNotBlank();
        assertThat(rule.get("justification").asText()).isNotBlank();
        assertThat(rule.get("tests").asInt()).isPositive();
        assertThat(list.get("fixes").get(0).get("line").asInt()).isPositive();
        assertThat(list.get("signatures").size()).isPositive();
        assertThat(list.get("causes").size()).isPositive();
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertThat(CliRun.of("rules", "list", "--format", "xml").code()).isEqualTo(2);
    }
}
