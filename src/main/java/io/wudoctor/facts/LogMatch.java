package io.wudoctor.facts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * A line of a log that matched a log signature: which signature, where (file and 1-based
 * line), the line itself and the signature's named captures. {@code count} is how many lines
 * of that file matched the same signature (the scanner keeps the first and last).
 */
public record LogMatch(
        @JsonProperty(required = true) LogKind log,
        @JsonProperty(required = true) String signature,
        String file,
        Long line,
        String timestamp,
        String text,
        Map<String, String> captures,
        Integer count) implements Fact {

    public LogMatch {
        captures = captures == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(captures));
        count = count == null ? 1 : Math.max(count, 1);
        line = line == null ? 0L : line;
        text = text == null ? "" : text;
    }

    /** The named capture, or "" when the signature did not capture it. */
    public String capture(String name) {
        return captures.getOrDefault(name, "");
    }

    /**
     * True when this line was written after {@code other}: later in the same file, or with a later
     * timestamp in another (a rotated CBS log, dism.log beside CBS.log). Rules use it to tell
     * history from the current state: corruption a later session repaired, a failure followed by
     * a success. Lines of different files without timestamps are not ordered: false.
     */
    public boolean writtenAfter(LogMatch other) {
        if (other == null) {
            return false;
        }
        if (java.util.Objects.equals(file, other.file)) {
            return line > other.line;
        }
        return timestamp != null && other.timestamp != null && timestamp.compareTo(other.timestamp) > 0;
    }

    @Override
    public String kind() {
        return "log-match";
    }

    @Override
    public String describe() {
        return (file == null ? log.name() : file) + (line > 0 ? ":" + line : "") + ": " + text.strip();
    }
}
