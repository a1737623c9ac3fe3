package io.wudoctor.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The documented JSON (docs/output.md): the records' field order, sorted map keys, two-space
 * indent, LF line ends. Here, with the records, so that {@link Diagnosis#toJson()} needs
 * nothing outside the public API; the JSON renderer and the batch records use the same mapper.
 */
public final class DiagnosisJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final ObjectWriter WRITER = MAPPER
            .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private DiagnosisJson() {
    }

    /** The mapper behind the documented JSON, for writers that embed a diagnosis in their own JSON. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** {@code value} (a diagnosis, or a tree built with {@link #mapper()}) pretty-printed, ending with a newline. */
    public static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the diagnosis", e);
        }
    }
}
