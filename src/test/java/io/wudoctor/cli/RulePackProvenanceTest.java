package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --version and every JSON report say which rule pack made the plan. */
class RulePackProvenanceTest {

    private static final String SAMPLE = "facts-samples/ms-s1-clr-optimization.yaml";
    private static final String EXTRA_RULES = "src/test/resources/constructed/rules-provenance";

    private static JsonNode rulePack(String... args) throws Exception {
        CliRun run = CliRun.of(args);
        assertThat(run.code()).as(run.toString()).isZero();
        return new ObjectMapper().readTree(run.out()).get("rulePack");
    }

    @Test
    void theReportAndVersionNameTheSameBuiltInPack() throws Exception {
        JsonNode pack = rulePack("diagnose", "--format", "json", SAMPLE);
        String version = CliRun.of("--version").out();

        assertThat(pack.get("builtin").get("version").asText()).isEqualTo("0.1.0");
        assertThat(pack.get("builtin").get("sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(version).contains("built-in rules 0.1.0 sha256:" + pack.get("builtin").get("sha256").asText());
        assertThat(pack.get("folders")).isEmpty();
    }

    @Test
    void aFolderIsNamedWithAHashOfItsContentNotOfWhereItLies(@TempDir Path tmp) throws Exception {
        Path a = CliRun.copyTree(Path.of(EXTRA_RULES), tmp.resolve("a"));
        Path b = CliRun.copyTree(Path.of(EXTRA_RULES), tmp.resolve("b"));

        JsonNode fromA = rulePack("diagnose", "--format", "json", "--rules", a.toString(), SAMPLE).get("folders").get(0);
        JsonNode fromB = rulePack("diagnose", "--format", "json", "--rules", b.toString(), SAMPLE).get("folders").get(0);
        Files.writeString(b.resolve("extra.fixes.yaml"), Files.readString(b.resolve("extra.fixes.yaml")) + "# edited\n");
        JsonNode edited = rulePack("diagnose", "--format", "json", "--rules", b.toString(), SAMPLE).get("folders").get(0);

        assertThat(fromA.get("path").asText()).isEqualTo(a.toString());
        assertThat(fromA.get("files").asInt()).isEqualTo(1);
        assertThat(fromA.get("sha256").asText()).isEqualTo(fromB.get("sha256").asText());
        assertThat(edited.get("sha256").asText()).isNotEqualTo(fromB.get("sha256").asText());
    }

    @Test
    void withoutTheBuiltInPackItsEntryIsNullAndACopyOfItHashesAlike(@TempDir Path tmp) throws Exception {
        Path rules = CliRun.copyTree(Path.of("rules"), tmp.resolve("rules"));

        JsonNode pack = rulePack("diagnose", "--format", "json", "--no-builtin-rules", "--rules", rules.toString(), SAMPLE);

        String builtin = rulePack("diagnose", "--format", "json", SAMPLE).get("builtin").get("sha256").asText();

        assertThat(pack.get("builtin").isNull()).isTrue();
        assertThat(pack.get("folders").get(0).get("files").asInt()).isGreaterThan(5);
        assertThat(pack.get("folders").get(0).get("sha256").asText()).as("a copy of rules/ is the built-in pack").isEqualTo(builtin);
    }
}
