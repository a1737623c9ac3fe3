package io.wudoctor.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.wudoctor.api.Diagnosis;

/** The documented JSON (docs/output.md): stable field order, sorted map keys, LF line ends. */
public final class JsonRenderer implements Renderer {

    private static final ObjectWriter WRITER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build()
            .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    public static String render(Diagnosis d) {
        try {
            return WRITER.writeValueAsString(d) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the diagnosis", e);
        }
    }

    @Override
    public String render(Report report) {
        return render(report.diagnosis());
    }
}
