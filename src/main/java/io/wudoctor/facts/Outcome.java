package io.wudoctor.facts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happened when a fix was tried. */
public enum Outcome {
    @JsonProperty("failed") FAILED,
    @JsonProperty("succeeded") SUCCEEDED,
    @JsonProperty("unknown") UNKNOWN
}
