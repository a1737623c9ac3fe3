package io.wudoctor.internal.gather.live;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code reg query}: whether a key exists (exit code 0 or 1, the same in every language) and a
 * value's data (the line {@code Name    REG_SZ    data}, whose type names are not translated).
 */
final class RegQuery {

    /** What reg query says of a key: it exists, it does not, or the query failed otherwise. */
    enum KeyState { PRESENT, ABSENT, UNKNOWN }

    private static final Pattern VALUE_LINE = Pattern.compile("^\\s+(.+?)\\s+(REG_[A-Z_]+)\\s*(.*)$", Pattern.MULTILINE);

    private final CommandRunner runner;

    RegQuery(CommandRunner runner) {
        this.runner = runner;
    }

    KeyState key(String key) {
        CommandRunner.Output out = runner.run(List.of("reg.exe", "query", key));
        return out.exitCode() == 0 ? KeyState.PRESENT : out.exitCode() == 1 ? KeyState.ABSENT : KeyState.UNKNOWN;
    }

    /** The data of value {@code name} of {@code key}, as reg prints it (REG_DWORD as 0x3). */
    Optional<String> value(String key, String name) {
        CommandRunner.Output out = runner.run(List.of("reg.exe", "query", key, "/v", name));
        return out.ok() ? parseValue(out.text(), name) : Optional.empty();
    }

    static Optional<String> parseValue(String text, String name) {
        Matcher m = VALUE_LINE.matcher(text);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                return Optional.of(m.group(3).strip());
            }
        }
        return Optional.empty();
    }
}
