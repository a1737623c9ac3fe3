package io.wudoctor.fleet;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.DiagnosisJson;
import io.wudoctor.api.Verdict;
import io.wudoctor.exit.ExitCode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One machine's line of the batch output (docs/fleet.md): the source, its status, the machine's
 * KB and OS build, and either the report {@code diagnose --format json} prints or the error.
 */
public record MachineRecord(String source, Machine machine, Diagnosis report, List<String> gatherWarnings,
        Failure error) {

    /** "ok": the source was diagnosed; "error": it could not be (see {@link #error}). */
    public static final String OK = "ok";
    public static final String ERROR = "error";

    private static final JsonMapper MAPPER = DiagnosisJson.mapper();

    /** What the facts say about the machine that the fleet summary splits by; null when unknown. */
    public record Machine(String kb, String osBuild) {
    }

    /** Why a source could not be diagnosed: the exit code {@code diagnose} would have given, its name, the message. */
    public record Failure(int exitCode, String kind, String message) {
    }

    public static MachineRecord diagnosed(String source, Machine machine, Diagnosis report, List<String> gatherWarnings) {
        return new MachineRecord(source, machine, report, List.copyOf(gatherWarnings), null);
    }

    public static MachineRecord failed(String source, ExitCode code, String message) {
        return new MachineRecord(source, null, null, List.of(), new Failure(code.code, ErrorKind.of(code), message));
    }

    public String status() {
        return error == null ? OK : ERROR;
    }

    /** The record as one line of JSON, without the line end; field order fixed, the report as --format json has it. */
    public String toJsonLine() {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = MAPPER.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("source", source);
            g.writeStringField("status", status());
            if (error != null) {
                g.writeObjectFieldStart("error");
                g.writeNumberField("exitCode", error.exitCode());
                g.writeStringField("kind", error.kind());
                g.writeStringField("message", error.message());
                g.writeEndObject();
            } else {
                g.writeObjectFieldStart("machine");
                g.writeStringField("kb", machine.kb());
                g.writeStringField("osBuild", machine.osBuild());
                g.writeEndObject();
                if (!gatherWarnings.isEmpty()) {
                    g.writeFieldName("gatherWarnings");
                    MAPPER.writeValue(g, gatherWarnings);
                }
                g.writeFieldName("report");
                MAPPER.writeValue(g, report);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the record of " + source, e);
        }
        return text.toString();
    }

    /** What the fleet summary counts of this record. */
    public Outcome outcome() {
        if (error != null) {
            return Outcome.failed(source, error.kind(), error.message());
        }
        Verdict.Lead lead = report.verdict().lead();
        return Outcome.diagnosed(source, machine.kb(), machine.osBuild(),
                lead != null && lead.confidence() >= Verdict.DIAGNOSIS ? lead.cause() : null,
                report.steps().isEmpty() ? null : report.steps().get(0).fixId());
    }
}
