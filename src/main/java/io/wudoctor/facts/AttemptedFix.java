package io.wudoctor.facts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A fix from the catalog that was already tried, and how it went. */
public record AttemptedFix(@JsonProperty(required = true) String fix, Outcome outcome, String when) implements Fact {

    public AttemptedFix {
        outcome = outcome == null ? Outcome.UNKNOWN : outcome;
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    @Override
    public String kind() {
        return "attempted-fix";
    }

    @Override
    public String describe() {
        return "already tried " + fix + " (" + outcome.name().toLowerCase(java.util.Locale.ROOT) + ")"
                + (when == null ? "" : " on " + when);
    }
}
