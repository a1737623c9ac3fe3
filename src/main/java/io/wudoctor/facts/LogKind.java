package io.wudoctor.facts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The logs the seed documents point at, and the driver-install log beside them. */
public enum LogKind {
    @JsonProperty("cbs") CBS,
    @JsonProperty("windowsupdate") WINDOWSUPDATE,
    @JsonProperty("setupact") SETUPACT,
    @JsonProperty("setuperr") SETUPERR,
    @JsonProperty("eventlog") EVENTLOG,
    @JsonProperty("dism") DISM,
    /** Windows/INF/setupapi.dev.log: device and driver-package installs. */
    @JsonProperty("setupapi") SETUPAPI
}
