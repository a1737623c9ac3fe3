package io.wudoctor.facts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An event-log entry, such as System / Microsoft-Windows-WindowsUpdateClient / 20 with its KB and code. */
public record EventRecord(
        String log,
        @JsonProperty(required = true) String source,
        @JsonProperty(required = true) int id,
        String time,
        String kb,
        String code,
        String message) implements Fact {

    public EventRecord {
        log = log == null ? "System" : log;
    }

    /** True when the event's code is 0x80070002 (any spelling). */
    public boolean isFileNotFound() {
        return code != null && Incident.isFileNotFound(code);
    }

    @Override
    public String describe() {
        return log + " event " + id + " from " + source + (time == null ? "" : " at " + time)
                + (message == null ? "" : ": " + message.strip());
    }
}
