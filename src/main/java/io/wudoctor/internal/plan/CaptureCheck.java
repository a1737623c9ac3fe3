package io.wudoctor.internal.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Values captured from evidence (log lines, facts files) that are about to become part of a
 * printed command: each must look like what its placeholder names, or it is left out (the
 * command shows {@code <name>} for the reader to fill) with a warning. A log line is written
 * by whoever controls the machine, so {@code inf: x&powershell -enc ...&rem.inf} must never
 * turn {@code reg import ${inf}} into two commands.
 */
final class CaptureCheck {

    /** What a value must look like, by placeholder name; other names get {@link #OTHER}. */
    private static final Map<String, Shape> SHAPES = Map.of(
            "kb", new Shape("a KB number (KB and digits)", "(?i)KB\\d{1,9}"),
            "inf", new Shape("a driver INF file name", "[\\w.\\-]{1,200}\\.inf"),
            "service", new Shape("a service name", "[\\w.\\-]{1,256}"),
            "component", new Shape("a component store folder name", "[\\w.\\-]{1,256}"),
            "file", new Shape("a file name", "[\\w.\\-]{1,255}"),
            "path", new Shape("a Windows path", "(?:[A-Za-z]:|\\\\\\\\[\\w.\\-]+\\\\[\\w.$\\-]+)(?:\\\\[\\w.\\-\\$ ()\\[\\]{}~#@+,=']+)*\\\\?"));
    private static final Shape OTHER = new Shape("a plain word", "[\\w.\\-:\\\\]{1,256}");

    private record Shape(String what, Pattern pattern) {
        Shape(String what, String regex) {
            this(what, Pattern.compile(regex));
        }
    }

    private CaptureCheck() {
    }

    /** The values that may go into a command, by placeholder; every refused one adds a warning. */
    static Map<String, List<String>> safe(Map<String, List<String>> params, String fixId, Set<String> warnings) {
        Map<String, List<String>> safe = new TreeMap<>();
        params.forEach((name, values) -> {
            Shape shape = SHAPES.getOrDefault(name, OTHER);
            List<String> kept = new ArrayList<>();
            for (String v : values) {
                if (v != null && shape.pattern().matcher(v).matches()) {
                    kept.add(v);
                } else {
                    warnings.add("the evidence gave ${" + name + "} = " + quoted(v) + " for fix '" + fixId + "', which is not "
                            + shape.what() + ": the command shows <" + name + "> instead");
                }
            }
            if (!kept.isEmpty()) {
                safe.put(name, List.copyOf(kept));
            }
        });
        return safe;
    }

    /** A value for a message: quoted, control characters escaped, cut at 80 characters. */
    private static String quoted(String v) {
        if (v == null) {
            return "null";
        }
        String shown = v.length() > 80 ? v.substring(0, 80) + "..." : v;
        return "'" + io.wudoctor.internal.text.ControlChars.escape(shown) + "'";
    }
}
