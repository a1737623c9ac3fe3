package io.wudoctor.internal.pack;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wudoctor.api.SourceRef;
import io.wudoctor.facts.LogKind;
import java.util.List;

/**
 * A log signature ({@code *.signatures.yaml}): a Java regular expression applied to one line
 * of one kind of log; its named groups become the log match's captures. {@code context} are
 * patterns for the lines a multi-line record names its subject on (a setupapi.dev.log
 * section header, the driver package inside it): the latest line before a hit that matches
 * each adds its named captures to the hit, outer first - a context line older than the one
 * before it in the list belongs to an earlier record and is left out.
 */
public record SignatureDef(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) LogKind log,
        String title,
        String status,
        SourceRef source,
        @JsonProperty(required = true) String pattern,
        List<String> examples,
        List<String> counterexamples,
        List<String> context) {

    /** A signature without context lines. */
    public SignatureDef(String id, LogKind log, String title, String status, SourceRef source, String pattern,
            List<String> examples, List<String> counterexamples) {
        this(id, log, title, status, source, pattern, examples, counterexamples, null);
    }

    public SignatureDef {
        status = status == null ? "stable" : status;
        examples = examples == null ? List.of() : List.copyOf(examples);
        counterexamples = counterexamples == null ? List.of() : List.copyOf(counterexamples);
        context = context == null ? List.of() : List.copyOf(context);
    }
}
