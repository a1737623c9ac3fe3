package io.wudoctor.internal.kb;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wudoctor.api.Risk;
import io.wudoctor.api.SourceRef;
import java.util.List;

/**
 * A catalogued fix ({@code *.fixes.yaml}): exact commands as documented (may hold
 * {@code ${name}} placeholders), manual steps, how to verify, and ordering constraints:
 * {@code requires} are hard prerequisites pulled into any plan that has this fix;
 * {@code after} only orders fixes that are both in a plan. {@code os} says on which Windows
 * builds the fix exists, and what to offer instead elsewhere.
 */
public record FixDef(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String title,
        String status,
        @JsonProperty(required = true) SourceRef source,
        Risk risk,
        String difficulty,
        String time,
        Boolean elevated,
        List<String> commands,
        List<String> manual,
        String verify,
        List<String> requires,
        List<String> after,
        OsRequirement os) {

    public FixDef {
        status = status == null ? "stable" : status;
        elevated = elevated != null && elevated;
        risk = risk == null ? Risk.MEDIUM : risk;
        commands = commands == null ? List.of() : List.copyOf(commands);
        manual = manual == null ? List.of() : List.copyOf(manual);
        requires = requires == null ? List.of() : List.copyOf(requires);
        after = after == null ? List.of() : List.copyOf(after);
    }

    /** The fix before {@code os} existed: it exists on every Windows. */
    public FixDef(String id, String title, String status, SourceRef source, Risk risk, String difficulty, String time,
            Boolean elevated, List<String> commands, List<String> manual, String verify, List<String> requires,
            List<String> after) {
        this(id, title, status, source, risk, difficulty, time, elevated, commands, manual, verify, requires, after, null);
    }

    /**
     * The Windows builds a fix exists on: {@code minBuild} (9200 = Windows 8 / Server 2012, where
     * DISM gained /RestoreHealth) and the fix to offer on older builds, {@code instead} (may be null).
     */
    public record OsRequirement(@JsonProperty(required = true) int minBuild, String instead, String why) {
    }
}
