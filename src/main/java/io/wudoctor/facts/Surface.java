package io.wudoctor.facts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the user saw the error; the seed documents give different first steps for each. */
public enum Surface {
    @JsonProperty("windows-update") WINDOWS_UPDATE,
    @JsonProperty("feature-upgrade") FEATURE_UPGRADE,
    @JsonProperty("backup") BACKUP,
    @JsonProperty("file-history") FILE_HISTORY,
    @JsonProperty("microsoft-store") MICROSOFT_STORE,
    @JsonProperty("monthly-rollup") MONTHLY_ROLLUP,
    @JsonProperty("cumulative-update") CUMULATIVE_UPDATE
}
