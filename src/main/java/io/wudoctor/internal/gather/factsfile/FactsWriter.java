package io.wudoctor.internal.gather.factsfile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.wudoctor.facts.Facts;

/**
 * Writes facts as a facts file (YAML, schemaVersion 1) that {@link FactsReader} reads back into
 * equal facts: only the records' components are written, not derived values such as
 * {@code isDisabled()}, which the strict reader would refuse as unknown fields.
 */
public final class FactsWriter {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            // Leave out nulls and empty lists, but keep an empty capture: a group can match nothing.
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS))
            .build();

    private FactsWriter() {
    }

    /** The facts as YAML, after a comment header (each line of {@code header} becomes a '# ' line). */
    public static String write(Facts facts, String header) {
        StringBuilder sb = new StringBuilder();
        header.lines().forEach(l -> sb.append("# ").append(l).append('\n'));
        try {
            return sb.append(YAML.writeValueAsString(facts)).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write facts as YAML: " + e.getMessage(), e);
        }
    }
}
