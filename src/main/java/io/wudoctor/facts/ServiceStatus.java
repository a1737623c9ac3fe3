package io.wudoctor.facts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The run state of a Windows service; UNKNOWN when the collector could not read it (for example, not elevated). */
public enum ServiceStatus {
    @JsonProperty("running") RUNNING,
    @JsonProperty("stopped") STOPPED,
    @JsonProperty("start-pending") START_PENDING,
    @JsonProperty("stop-pending") STOP_PENDING,
    @JsonProperty("paused") PAUSED,
    @JsonProperty("missing") MISSING,
    @JsonProperty("unknown") UNKNOWN
}
