package io.wudoctor.internal.gather.live;

import io.wudoctor.facts.ServiceStatus;
import io.wudoctor.facts.StartType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code sc query} and {@code sc qc} print. The numbers (STATE 4, START_TYPE 3) are
 * what counts, not the words; {@code [SC] ... FAILED 1060} means the service does not exist and
 * {@code FAILED 5} (access denied) means the collector could not look, which is not a fault.
 */
final class ScOutput {

    private static final Pattern FAILED = Pattern.compile("FAILED (\\d+)");
    private static final Pattern SERVICE = Pattern.compile("(?m)^SERVICE_NAME:\\s*(\\S+)");
    private static final Pattern STATE = Pattern.compile("(?m)^\\s*STATE\\s*:\\s*(\\d+)");
    private static final Pattern START_TYPE = Pattern.compile("(?m)^\\s*START_TYPE\\s*:\\s*(\\d+)[^\\r\\n]*?(\\(DELAYED\\))?\\s*$");

    static final int DOES_NOT_EXIST = 1060;
    static final int ACCESS_DENIED = 5;

    private ScOutput() {
    }

    /** The error number of a failed sc command ({@code [SC] OpenService FAILED 5:}), if it failed. */
    static Optional<Integer> failure(String text) {
        Matcher m = FAILED.matcher(text);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** The run state of each service in an {@code sc query} output (one block or many), by lower-cased name. */
    static Map<String, ServiceStatus> states(String text) {
        Map<String, ServiceStatus> states = new LinkedHashMap<>();
        Matcher names = SERVICE.matcher(text);
        int start = names.find() ? names.start() : -1;
        while (start >= 0) {
            String name = names.group(1).toLowerCase(Locale.ROOT);
            int end = names.find() ? names.start() : text.length();
            Matcher state = STATE.matcher(text.substring(start, end));
            states.put(name, state.find() ? status(Integer.parseInt(state.group(1))) : ServiceStatus.UNKNOWN);
            start = end < text.length() ? end : -1;
        }
        return states;
    }

    /** The start type in an {@code sc qc} output. */
    static StartType startType(String text) {
        Matcher m = START_TYPE.matcher(text);
        if (!m.find()) {
            return StartType.UNKNOWN;
        }
        return switch (Integer.parseInt(m.group(1))) {
            case 2 -> m.group(2) != null ? StartType.AUTOMATIC_DELAYED : StartType.AUTOMATIC;
            case 3 -> StartType.MANUAL;
            case 4 -> StartType.DISABLED;
            default -> StartType.UNKNOWN; // boot and system start are for drivers
        };
    }

    private static ServiceStatus status(int state) {
        return switch (state) {
            case 1 -> ServiceStatus.STOPPED;
            case 2, 5 -> ServiceStatus.START_PENDING; // 5: continue pending
            case 3 -> ServiceStatus.STOP_PENDING;
            case 4 -> ServiceStatus.RUNNING;
            case 6, 7 -> ServiceStatus.PAUSED;        // 6: pause pending
            default -> ServiceStatus.UNKNOWN;
        };
    }
}
