package io.wudoctor.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * How invasive a fix is (a fix catalog's {@code risk}, a step's {@code risk} in the report): the
 * planner prefers less invasive fixes at equal confidence. Written in lower case everywhere.
 */
public enum Risk {
    @JsonProperty("low") LOW,
    @JsonProperty("medium") MEDIUM,
    @JsonProperty("high") HIGH;

    /** The name as written in catalogs and reports: {@code low}, {@code medium}, {@code high}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
