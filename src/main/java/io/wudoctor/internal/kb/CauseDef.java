package io.wudoctor.internal.kb;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wudoctor.api.SourceRef;

/** A documented cause of 0x80070002, as catalogued in a {@code *.causes.yaml}. */
public record CauseDef(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String title,
        String description,
        @JsonProperty(required = true) SourceRef source) {
}
