package io.wudoctor.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.wudoctor.api.Verdict;
import java.io.Serializable;

/**
 * What the fleet summary counts of one machine: its most likely cause (null: no specific
 * diagnosis: the verdict's lead is below {@link Verdict#DIAGNOSIS} or there is none), the first step of its
 * plan, its KB and OS build; or, for a source that failed, the error.
 */
public record Outcome(String source, boolean failed, String kb, String osBuild, String cause, String firstFix,
        String errorKind, String errorMessage) implements Serializable {

    static Outcome diagnosed(String source, String kb, String osBuild, String cause, String firstFix) {
        return new Outcome(source, false, kb, osBuild, cause, firstFix, null, null);
    }

    static Outcome failed(String source, String kind, String message) {
        return new Outcome(source, true, null, null, null, null, kind, message);
    }

    /**
     * The outcome of a record read back from a batch output line (--resume, the Spark job).
     *
     * @throws IllegalArgumentException when the object is not a batch record
     */
    public static Outcome of(JsonNode record) {
        String source = text(record, "source");
        String status = text(record, "status");
        if (source == null || status == null) {
            throw new IllegalArgumentException("not a wudoctor batch record (it has no 'source' and 'status')");
        }
        if (MachineRecord.ERROR.equals(status)) {
            JsonNode error = record.path("error");
            return failed(source, text(error, "kind"), text(error, "message"));
        }
        JsonNode report = record.path("report");
        JsonNode lead = report.path("verdict").path("lead");
        String cause = lead.isObject() && lead.path("confidence").asDouble() >= Verdict.DIAGNOSIS ? text(lead, "cause") : null;
        return diagnosed(source, text(record.path("machine"), "kb"), text(record.path("machine"), "osBuild"), cause,
                text(report.path("steps").path(0), "fixId"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
