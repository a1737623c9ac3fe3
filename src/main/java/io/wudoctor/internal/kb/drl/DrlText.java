package io.wudoctor.internal.kb.drl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A DRL file's text as a scanner should see it: {@link #code()} is the text with comments and
 * the contents of string, character and text-block literals blanked to spaces (same length,
 * same line breaks, so offsets and lines still match the file), and {@link #literals()} keeps
 * the literals apart with their offsets. Scans that look for calls or names therefore never
 * trip over prose, and scans that look for ids read them from the literals.
 *
 * <p>The lexer follows Java's rules (DRL consequences are Java), including text blocks, so
 * code is never mistaken for a literal; Java's {@code \\uXXXX} escapes are not decoded here:
 * {@link io.wudoctor.internal.engine.trust.TrustScan} refuses them outright.
 */
public final class DrlText {

    /** A literal: offset of its opening quote, offset just after its closing quote, and its (unescaped) value. */
    public record Literal(int start, int end, String value) {
    }

    private final String text;
    private final String code;
    private final List<Literal> literals;
    private final int[] lineStarts;

    private DrlText(String text, String code, List<Literal> literals) {
        this.text = text;
        this.code = code;
        this.literals = List.copyOf(literals);
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public static DrlText of(String text) {
        char[] code = text.toCharArray();
        List<Literal> literals = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                int end = indexOrEnd(text, "\n", i);
                blank(code, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                int end = close < 0 ? n : close + 2;
                blank(code, i, end);
                i = end;
            } else if (text.startsWith("\"\"\"", i)) {
                i = literal(text, code, literals, i, "\"\"\"");
            } else if (c == '"' || c == '\'') {
                i = literal(text, code, literals, i, String.valueOf(c));
            } else {
                i++;
            }
        }
        return new DrlText(text, new String(code), literals);
    }

    /** Reads a literal opened by {@code quote} at {@code start}; an unclosed one runs to the end (it will not compile). */
    private static int literal(String text, char[] code, List<Literal> literals, int start, String quote) {
        StringBuilder value = new StringBuilder();
        int i = start + quote.length();
        while (i < text.length() && !text.startsWith(quote, i)) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                value.append(unescape(text.charAt(i + 1)));
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        int end = Math.min(text.length(), i + quote.length());
        blank(code, start + quote.length(), Math.min(i, text.length()));
        literals.add(new Literal(start, end, value.toString()));
        return end;
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> c;
        };
    }

    /** Blanks [from, to) but keeps line breaks, so lines stay where they were. */
    private static void blank(char[] code, int from, int to) {
        for (int k = from; k < to; k++) {
            if (code[k] != '\n' && code[k] != '\r') {
                code[k] = ' ';
            }
        }
    }

    private static int indexOrEnd(String s, String what, int from) {
        int at = s.indexOf(what, from);
        return at < 0 ? s.length() : at;
    }

    /** The original text. */
    public String text() {
        return text;
    }

    /** The text with comments and literal contents blanked (quotes kept). */
    public String code() {
        return code;
    }

    public List<Literal> literals() {
        return literals;
    }

    /** The literal whose opening quote is at {@code offset}, or null. */
    public Literal literalAt(int offset) {
        for (Literal l : literals) {
            if (l.start() == offset) {
                return l;
            }
        }
        return null;
    }

    /** The literals that start inside [from, to). */
    public List<Literal> literalsIn(int from, int to) {
        return literals.stream().filter(l -> l.start() >= from && l.start() < to).toList();
    }

    /** The 1-based line of an offset. */
    public int lineOf(int offset) {
        int at = Arrays.binarySearch(lineStarts, offset);
        return (at >= 0 ? at : -at - 2) + 1;
    }

    /** The offset of the ')' closing the '(' at {@code open}, in code (literals and comments ignored); the end when unbalanced. */
    public int closingParen(int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return code.length();
    }
}
