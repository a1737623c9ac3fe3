package io.wudoctor.facts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * An event-log entry, such as System / Microsoft-Windows-WindowsUpdateClient / 20 with its KB
 * and code. {@code service} is the short (key) name of the service a Service Control Manager
 * event is about, lower-cased (wuauserv, bits), when the event carries it in a form that does
 * not depend on the display language; {@code data} holds the event's named EventData values as
 * exported (the locale-independent part of an event, where it has one).
 */
public record EventRecord(
        String log,
        @JsonProperty(required = true) String source,
        @JsonProperty(required = true) int id,
        String time,
        String kb,
        String code,
        String message,
        String service,
        Map<String, String> data) implements Fact {

    /** The provider Service Control Manager events are logged under (the same in every language). */
    public static final String SERVICE_CONTROL_MANAGER = "Service Control Manager";

    public EventRecord {
        log = log == null ? "System" : log;
        service = service == null || service.isBlank() ? null : service.strip().toLowerCase(java.util.Locale.ROOT);
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(data));
    }

    /** An event without a service or named data. */
    public EventRecord(String log, String source, int id, String time, String kb, String code, String message) {
        this(log, source, id, time, kb, code, message, null, null);
    }

    /** True when the event's code is 0x80070002 (any spelling). */
    public boolean isFileNotFound() {
        return code != null && Incident.isFileNotFound(code);
    }

    /** True for a Service Control Manager event. */
    public boolean isServiceControlManager() {
        return SERVICE_CONTROL_MANAGER.equalsIgnoreCase(source);
    }

    /** The named EventData value, or "" when the event has none by that name. */
    public String datum(String name) {
        return data.getOrDefault(name, "");
    }

    /**
     * True when this event is known to be later than {@code other}: both carry an ISO-8601 time
     * (as event XML's SystemTime is), which compares as text. Unknown or other forms: false.
     */
    public boolean isAfter(EventRecord other) {
        return isIso(time) && isIso(other.time) && time.compareTo(other.time) > 0;
    }

    private static boolean isIso(String t) {
        return t != null && t.matches("\\d{4}-\\d{2}-\\d{2}T.*");
    }

    @Override
    public String kind() {
        return "event-record";
    }

    @Override
    public String describe() {
        return log + " event " + id + " from " + source + (time == null ? "" : " at " + time)
                + (service == null ? "" : " (service " + service + ")")
                + (message == null ? "" : ": " + message.strip());
    }
}
