package io.wudoctor.internal.gather.offline;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Which service a Service Control Manager event is about, by its short (key) name. The
 * locale-independent forms first: event 7040 names the key in {@code param4}; the other SCM
 * events carry it in their binary data as UTF-16LE text ("wuauserv", or "wuauserv/4" for 7036).
 * Only when neither is there is the display name ({@code param1}, or the message of a text
 * export) looked up, and only in English: a display name in another language stays unknown.
 */
final class ServiceEventNames {

    /** English display names of the services the update pipeline depends on. */
    private static final Map<String, String> ENGLISH_DISPLAY_NAMES = Map.of(
            "windows update", "wuauserv",
            "background intelligent transfer service", "bits",
            "cryptographic services", "cryptsvc",
            "windows modules installer", "trustedinstaller",
            "application identity", "appidsvc",
            "windows installer", "msiserver");

    private ServiceEventNames() {
    }

    static String serviceOf(int eventId, Map<String, String> data, String binary) {
        String key = eventId == 7040 ? data.get("param4") : null;
        if (key == null || key.isBlank()) {
            key = fromBinary(binary);
        }
        if (key == null) {
            key = ENGLISH_DISPLAY_NAMES.get(data.getOrDefault("param1", "").strip().toLowerCase(Locale.ROOT));
        }
        return key;
    }

    /** The service named at the start of an English SCM message ("The Windows Update service ..."). */
    static String serviceFromEnglishMessage(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : ENGLISH_DISPLAY_NAMES.entrySet()) {
            if (lower.startsWith("the " + e.getKey() + " service ")) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The UTF-16LE text at the start of the event's binary data, up to a NUL or '/', when it looks like a service name. */
    static String fromBinary(String hex) {
        if (hex == null || hex.length() < 4 || hex.length() % 4 != 0 || hex.length() > 1024) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String text = StandardCharsets.UTF_16LE.decode(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN)).toString();
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == 0 || text.charAt(i) == '/') {
                end = i;
                break;
            }
        }
        String name = text.substring(0, end);
        return name.matches("[A-Za-z0-9_.$-]{1,80}") ? name : null;
    }
}
