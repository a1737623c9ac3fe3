package io.wudoctor.internal.render;

import java.util.ArrayList;
import java.util.List;

/** Word-wraps prose for an 80-column terminal; commands are never wrapped (they must stay copyable). */
public final class Wrap {

    public static final int WIDTH = 80;

    private Wrap() {
    }

    static String wrap(String text, String firstIndent, String indent) {
        return wrap(text, firstIndent, indent, WIDTH);
    }

    /** Wraps at spaces only (never inside a path or an option) to {@code width} columns; ends with a newline. */
    public static String wrap(String text, String firstIndent, String indent, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(firstIndent);
        int lineStart = 0;
        for (String word : text.strip().split("\\s+")) {
            boolean atStart = line.length() == (lines.isEmpty() ? firstIndent.length() : indent.length());
            if (!atStart && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
                atStart = true;
            }
            if (!atStart) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return String.join("\n", lines) + "\n";
    }

    static String percent(double confidence) {
        return Math.round(confidence * 100) + "%";
    }
}
