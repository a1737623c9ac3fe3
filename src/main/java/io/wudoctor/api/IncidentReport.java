package io.wudoctor.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The failure the diagnosis is about and where that came from (docs/output.md, {@code incident}):
 * typed in the facts, read from the evidence (with where it was seen), or assumed.
 *
 * @param origin {@code facts}, {@code evidence} or {@code assumed}
 * @param fileNotFound whether the code is 0x80070002, the error the knowledge base covers
 * @param otherFailures failing operations the evidence shows with another code than the incident's
 */
@JsonPropertyOrder({"surface", "errorCode", "kb", "origin", "seenIn", "fileNotFound", "otherFailures"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentReport(String surface, String errorCode, String kb, String origin, String seenIn,
        boolean fileNotFound, List<Failure> otherFailures) {

    /** A failing operation the evidence shows. */
    @JsonPropertyOrder({"surface", "errorCode", "kb", "seenIn"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Failure(String surface, String errorCode, String kb, String seenIn) {
    }

    public IncidentReport {
        otherFailures = List.copyOf(otherFailures);
    }
}
