package io.wudoctor.facts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The logs the seed documents point at. */
public enum LogKind {
    @JsonProperty("cbs") CBS,
    @JsonProperty("windowsupdate") WINDOWSUPDATE,
    @JsonProperty("setupact") SETUPACT,
    @JsonProperty("setuperr") SETUPERR,
    @JsonProperty("eventlog") EVENTLOG,
    @JsonProperty("dism") DISM
}
