package io.wudoctor.internal.text;

/**
 * Makes text safe to print on a terminal or in Markdown: control characters (C0 but newline
 * and tab, DEL, C1) and the Unicode bidirectional overrides are shown as {@code \x1B} or
 * {@code \u202E} instead of acting. Evidence (a CBS.log line, a facts field) is written by
 * whoever controls the diagnosed machine; raw, an escape sequence in it could clear the screen
 * and paint a different report.
 */
public final class ControlChars {

    private ControlChars() {
    }

    public static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (acts(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                out.append(c < 0x100 ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean acts(char c) {
        return c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F || c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F || c == 0x061C;
    }
}
