package io.wudoctor.internal.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wudoctor.api.Diagnosis;

/** The documented JSON (docs/output.md): stable field order, sorted map keys, LF line ends. */
public final class JsonRenderer implements Renderer {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final ObjectWriter WRITER = MAPPER
            .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    /** The mapper behind the documented JSON, for writers that embed the report (the batch records). */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String render(Diagnosis d) {
        try {
            return WRITER.writeValueAsString(d) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the diagnosis", e);
        }
    }

    /** The diagnosis; with --explain, plus an {@code explanation} object after its other fields (docs/output.md). */
    @Override
    public String render(Report report) {
        if (report.explained() == null) {
            return render(report.diagnosis());
        }
        ObjectNode tree = MAPPER.valueToTree(report.diagnosis());
        tree.set("explanation", MAPPER.valueToTree(Chain.of(report.explained())));
        try {
            return WRITER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the diagnosis", e);
        }
    }
}
