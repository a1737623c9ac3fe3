package io.wudoctor.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.wudoctor.TestRules;
import io.wudoctor.api.Explained;
import io.wudoctor.Wudoctor;
import io.wudoctor.internal.render.JsonRenderer;
import io.wudoctor.internal.render.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The published schemas (docs/schemas/) hold for what wudoctor really writes and reads: every
 * sample's JSON report (with and without --explain), every sample facts file, every built-in
 * catalog. The schemas are closed (additionalProperties: false), so a report that gains a
 * field fails here until its schema gains it too.
 */
class SchemasTest {

    private static final Path SCHEMAS = Path.of("docs", "schemas");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    static JsonSchema schema(String name) throws IOException {
        return FACTORY.getSchema(JSON.readTree(SCHEMAS.resolve(name + ".schema.json").toFile()));
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static void valid(JsonSchema schema, JsonNode doc, String what) {
        Set<ValidationMessage> problems = schema.validate(doc);
        assertThat(problems).as(what + " against " + schema.getSchemaNode().path("title").asText()).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everySampleReportMatchesTheReportSchema() throws IOException {
        JsonSchema report = schema("report");
        return files(Path.of("facts-samples"), ".yaml").stream().map(sample -> DynamicTest.dynamicTest(
                sample.getFileName().toString(), () -> {
                    Explained x = TestRules.builtin().diagnoseExplained(Wudoctor.readFacts(sample));
                    valid(report, JSON.readTree(x.diagnosis().toJson()), sample + " report");
                    valid(report, JSON.readTree(new JsonRenderer().render(new Report(x.diagnosis(), x))),
                            sample + " report with --explain");
                }));
    }

    @TestFactory
    Stream<DynamicTest> everySampleFactsFileMatchesTheFactsSchema() throws IOException {
        JsonSchema facts = schema("facts");
        return files(Path.of("facts-samples"), ".yaml").stream().map(sample -> DynamicTest.dynamicTest(
                sample.getFileName().toString(), () -> valid(facts, YAML.readTree(sample.toFile()), sample.toString())));
    }

    @TestFactory
    Stream<DynamicTest> everyBuiltInCatalogMatchesItsSchema() throws IOException {
        return Stream.of("causes", "fixes", "signatures").flatMap(kind -> {
            try {
                JsonSchema schema = schema(kind);
                List<Path> catalogs = files(Path.of("rules"), "." + kind + ".yaml");
                assertThat(catalogs).as("built-in " + kind + " catalogs").isNotEmpty();
                return catalogs.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(),
                        () -> valid(schema, YAML.readTree(c.toFile()), c.toString())));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The schemas are closed: a field they do not name, at any level, is a failure, as is a missing one. */
    @Test
    void aReportWithAnUnknownOrMissingFieldFails() throws IOException {
        JsonSchema report = schema("report");
        JsonNode good = JSON.readTree(TestRules.builtin().diagnose(
                Wudoctor.readFacts(Path.of("facts-samples/ms-s1-clr-optimization.yaml"))).toJson());
        valid(report, good, "the sample");

        ObjectNode extraTop = good.deepCopy();
        extraTop.put("errorCodeShown", "0x80070002");
        assertThat(report.validate(extraTop)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("errorCodeShown"));

        ObjectNode extraInStep = good.deepCopy();
        ((ObjectNode) extraInStep.get("steps").get(0)).put("script", "x");
        assertThat(report.validate(extraInStep)).isNotEmpty();

        ObjectNode noVerdict = good.deepCopy();
        noVerdict.remove("verdict");
        assertThat(report.validate(noVerdict)).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("verdict"));
    }

    @Test
    void aFactsFileWithAMisspelledFieldFails() throws IOException {
        JsonNode facts = YAML.readTree("schemaVersion: 1\nservices:\n  - {name: wuauserv, state: runing}\n");
        assertThat(schema("facts").validate(facts)).isNotEmpty();
        JsonNode typo = YAML.readTree("schemaVersion: 1\ndisk: {freeBytes: 1, totalBytes: 2, free: 3}\n");
        assertThat(schema("facts").validate(typo)).isNotEmpty();
    }

    /**
     * The facts schema names exactly the fields the fact model reads: a field added to a fact
     * record (io.wudoctor.facts) fails here until docs/schemas/facts.schema.json has it too.
     */
    @Test
    void theFactsSchemaNamesEveryFieldOfTheFactModel() throws IOException {
        JsonNode props = JSON.readTree(SCHEMAS.resolve("facts.schema.json").toFile()).get("properties");
        assertThat(names(props)).containsExactlyInAnyOrderElementsOf(components(io.wudoctor.facts.Facts.class));
        for (var c : io.wudoctor.facts.Facts.class.getRecordComponents()) {
            Class<?> type = c.getType() == List.class
                    ? (Class<?>) ((java.lang.reflect.ParameterizedType) c.getGenericType()).getActualTypeArguments()[0]
                    : c.getType();
            if (!type.isRecord()) {
                continue;
            }
            JsonNode p = props.get(c.getName());
            JsonNode object = p.has("items") ? p.get("items") : p.get("oneOf").get(1);
            assertThat(names(object.get("properties"))).as("facts schema, " + c.getName())
                    .containsExactlyInAnyOrderElementsOf(components(type));
        }
    }

    private static List<String> names(JsonNode properties) {
        List<String> out = new java.util.ArrayList<>();
        properties.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> components(Class<?> record) {
        return Stream.of(record.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
    }

    @Test
    void everySchemaNamesItsVersion() throws IOException {
        for (Path s : files(SCHEMAS, ".schema.json")) {
            JsonNode node = JSON.readTree(s.toFile());
            assertThat(node.at("/properties/schemaVersion/const").asInt()).as(s.toString()).isEqualTo(1);
            assertThat(node.path("additionalProperties").asBoolean(true)).as(s + " is closed").isFalse();
        }
    }
}
