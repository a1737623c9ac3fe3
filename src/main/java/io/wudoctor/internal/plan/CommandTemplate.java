package io.wudoctor.internal.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${name}} placeholders in a fix's commands with values captured from the
 * evidence. A line whose placeholder has several values (two missing DLLs, say) is repeated
 * once per value; a placeholder with no value is shown as {@code <name>} for the reader to fill.
 */
final class CommandTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)}");

    private CommandTemplate() {
    }

    static List<String> expand(List<String> lines, Map<String, List<String>> params) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String multi = null;
            Matcher m = PLACEHOLDER.matcher(line);
            while (m.find()) {
                List<String> values = params.getOrDefault(m.group(1), List.of());
                if (values.size() > 1 && (multi == null || values.size() > params.get(multi).size())) {
                    multi = m.group(1);
                }
            }
            if (multi == null) {
                out.add(fill(line, params, null, 0));
            } else {
                for (int i = 0; i < params.get(multi).size(); i++) {
                    out.add(fill(line, params, multi, i));
                }
            }
        }
        return out;
    }

    /** One sentence (a fix's {@code verify}): a placeholder with several values lists them all, comma-separated. */
    static String expandText(String text, Map<String, List<String>> params) {
        if (text == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            List<String> values = params.getOrDefault(m.group(1), List.of());
            m.appendReplacement(sb, Matcher.quoteReplacement(values.isEmpty() ? "<" + m.group(1) + ">" : String.join(", ", values)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String fill(String line, Map<String, List<String>> params, String multi, int index) {
        Matcher m = PLACEHOLDER.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            List<String> values = params.getOrDefault(m.group(1), List.of());
            String value = values.isEmpty() ? "<" + m.group(1) + ">" : values.get(m.group(1).equals(multi) ? index : 0);
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The placeholder names used in these lines. */
    static List<String> names(List<String> lines) {
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            Matcher m = PLACEHOLDER.matcher(line);
            while (m.find()) {
                if (!names.contains(m.group(1))) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
