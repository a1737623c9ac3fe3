package io.wudoctor.facts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A Windows service's start type as services.msc shows it. */
public enum StartType {
    @JsonProperty("automatic") AUTOMATIC,
    @JsonProperty("automatic-delayed") AUTOMATIC_DELAYED,
    @JsonProperty("manual") MANUAL,
    @JsonProperty("disabled") DISABLED,
    @JsonProperty("unknown") UNKNOWN
}
