package io.wudoctor.internal.kb.drl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DRL with the parts the classic compiler evaluates while it builds removed: the default values
 * of {@code declare}d fields and the arguments of declared enum constants. What is left can be
 * compiled for its error messages without running any of the file's code; lines keep their
 * numbers, so the messages still point at the right place.
 */
public final class InertDrl {

    private static final Pattern DECLARE = Pattern.compile("(?ms)^\\s*declare\\b.*?^\\s*end\\b");
    /** A field line's default: from the {@code =} after its type to the end of the line. */
    private static final Pattern DEFAULT = Pattern.compile("(?m)^(\\s*[\\w$]+\\s*:[^=\\n]*?)\\s*=(?!=).*$");
    private static final Pattern ENUM_ARGUMENTS = Pattern.compile("\\([^\\n]*\\)");

    private InertDrl() {
    }

    public static String of(String drl) {
        Matcher m = DECLARE.matcher(drl);
        StringBuilder out = new StringBuilder(drl.length());
        int last = 0;
        while (m.find()) {
            out.append(drl, last, m.start());
            String block = DEFAULT.matcher(m.group()).replaceAll("$1");
            if (block.strip().startsWith("declare enum") || block.matches("(?s)\\s*declare\\s+enum\\b.*")) {
                block = ENUM_ARGUMENTS.matcher(block).replaceAll("");
            }
            out.append(block);
            last = m.end();
        }
        return out.append(drl, last, drl.length()).toString();
    }
}
