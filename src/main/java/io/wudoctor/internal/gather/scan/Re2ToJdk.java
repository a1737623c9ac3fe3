package io.wudoctor.internal.gather.scan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Rewrites a pattern RE2/J accepts as a java.util.regex pattern that matches exactly the same
 * lines, or says it cannot (null). Deciding whether a line matches takes java.util.regex about a
 * tenth of the time of RE2/J's NFA, which matters when thousands of lines hold a signature's
 * literal (the servicing-stack line of CBS.log); RE2/J stays the engine of record: it takes the
 * captures, and every line java.util.regex gives up on under its budget.
 *
 * <p>The two engines read some syntax differently, so nothing is passed through as written:
 * each piece is parsed as RE2/J parses it and written out with that meaning made explicit, and
 * whatever is outside this small grammar gets no rewrite. RE2/J's meanings: {@code .} is any
 * character but LF; {@code \s} is {@code [\t\n\f\r ]}; {@code \w}, {@code \b} are ASCII;
 * {@code $} is the end of the text; {@code (?i)} folds {@code k} with U+212A and {@code s} with
 * U+017F; in a class, {@code [} and {@code &&} are plain characters (Java nests and intersects).
 * Refused: {@code (?m)}, {@code (?U)}, {@code \p}, POSIX classes, {@code \w}, non-ASCII text
 * and classes under {@code (?i)}, negated classes inside classes.
 */
final class Re2ToJdk {

    private static final String WORD = "[0-9A-Za-z_]";
    private static final String BOUNDARY = "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
    private static final String NOT_BOUNDARY = "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))";
    private static final String SPACE = "\\x{9}\\x{A}\\x{C}\\x{D}\\x{20}";

    /** Thrown for anything outside the grammar. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }

    private final String re;
    private final StringBuilder out = new StringBuilder();
    private final Deque<int[]> groups = new ArrayDeque<>();
    private boolean foldCase;
    private boolean dotAll;
    /** Whether the last thing written can take a quantifier. */
    private boolean atom;
    private int i;

    private Re2ToJdk(String re) {
        this.re = re;
    }

    /** The java.util.regex pattern with RE2/J's meaning of {@code re}, or null when there is none here. */
    static Pattern translate(String re) {
        try {
            return Pattern.compile(new Re2ToJdk(re).run());
        } catch (Refused | PatternSyntaxException | IndexOutOfBoundsException refused) {
            return null;
        }
    }

    private String run() {
        while (i < re.length()) {
            char c = re.charAt(i);
            switch (c) {
                case '\\' -> escape();
                case '[' -> charClass();
                case '(' -> openGroup();
                case ')' -> closeGroup();
                case '|' -> put("|", false);
                case '*', '+', '?' -> quantifier(String.valueOf(c), 1);
                case '{' -> repeat();
                case '.' -> put(dotAll ? "(?s:.)" : "[^\\x{A}]", true);
                case '^' -> put("^", false);
                case '$' -> put("\\z", false);
                default -> {
                    int cp = re.codePointAt(i);
                    literal(cp);
                    i += Character.charCount(cp);
                }
            }
        }
        refuseIf(!groups.isEmpty());
        return out.toString();
    }

    private void put(String s, boolean isAtom) {
        out.append(s);
        atom = isAtom;
        i++;
    }

    private void quantifier(String q, int length) {
        refuseIf(!atom);
        out.append(q);
        i += length;
        if (i < re.length() && re.charAt(i) == '?') {
            out.append('?'); // lazy: the same lines match
            i++;
        }
        refuseIf(i < re.length() && (re.charAt(i) == '+' || re.charAt(i) == '*' || re.charAt(i) == '?'
                || re.charAt(i) == '{'));
        atom = false;
    }

    /** {n}, {n,} or {n,m}; RE2/J would take anything else literally, Java would refuse it: neither here. */
    private void repeat() {
        int close = re.indexOf('}', i);
        refuseIf(close < 0);
        String body = re.substring(i + 1, close);
        refuseIf(!body.matches("\\d{1,4}(,\\d{0,4})?"));
        quantifier("{" + body + "}", close - i + 1);
    }

    private void literal(int cp) {
        if (foldCase && cp < 0x80 && Character.isLetter(cp)) {
            int lower = Character.toLowerCase(cp);
            String extra = lower == 'k' ? "\\x{212A}" : lower == 's' ? "\\x{17F}" : "";
            out.append('[').appendCodePoint(lower).appendCodePoint(Character.toUpperCase(cp)).append(extra).append(']');
        } else {
            refuseIf(foldCase && cp >= 0x80);
            out.append(code(cp));
        }
        atom = true;
    }

    private static String code(int cp) {
        return cp < 0x80 && Character.isLetterOrDigit(cp) ? String.valueOf((char) cp) : "\\x{" + Integer.toHexString(cp) + "}";
    }

    private void escape() {
        refuseIf(i + 1 >= re.length());
        char d = re.charAt(i + 1);
        i += 2;
        switch (d) {
            case 'd' -> raw("[0-9]", true);
            case 'D' -> raw("[^0-9]", true);
            case 's' -> raw("[" + SPACE + "]", true);
            case 'S' -> raw("[^" + SPACE + "]", true);
            case 'w', 'W' -> {
                refuseIf(foldCase); // RE2/J folds the class: (?i)\w holds U+212A
                raw(d == 'w' ? WORD : "[^0-9A-Za-z_]", true);
            }
            case 'b' -> raw(BOUNDARY, false);
            case 'B' -> raw(NOT_BOUNDARY, false);
            case 'A' -> raw("\\A", false);
            case 'z' -> raw("\\z", false);
            case 'Q' -> quoted();
            default -> literal(escapedChar(d));
        }
    }

    private void raw(String s, boolean isAtom) {
        out.append(s);
        atom = isAtom;
    }

    /** \Q...\E: every character up to \E (or the end) is itself. */
    private void quoted() {
        int end = re.indexOf("\\E", i);
        int stop = end < 0 ? re.length() : end;
        while (i < stop) {
            int cp = re.codePointAt(i);
            literal(cp);
            i += Character.charCount(cp);
        }
        i = end < 0 ? stop : end + 2;
    }

    /** The character an escape stands for (the backslash and {@code d} already read). */
    private int escapedChar(char d) {
        switch (d) {
            case 't': return '\t';
            case 'n': return '\n';
            case 'r': return '\r';
            case 'f': return '\f';
            case 'a': return 7;
            case 'v': return 0x0B;
            case 'x': return hex();
            default:
                refuseIf(d >= 0x80 || Character.isLetterOrDigit(d));
                return d; // escaped punctuation
        }
    }

    private int hex() {
        int end;
        int start;
        if (re.charAt(i) == '{') {
            start = i + 1;
            end = re.indexOf('}', start);
            refuseIf(end < 0);
            i = end + 1;
        } else {
            start = i;
            end = i + 2;
            i = end;
        }
        String digits = re.substring(start, end);
        refuseIf(digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0));
        int cp = Integer.parseInt(digits, 16);
        refuseIf(cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF));
        return cp;
    }

    private void charClass() {
        refuseIf(foldCase); // RE2/J closes a class under case folding; not worth writing out here
        i++;
        StringBuilder items = new StringBuilder();
        boolean negated = i < re.length() && re.charAt(i) == '^';
        if (negated) {
            i++;
        }
        boolean first = true;
        while (first || re.charAt(i) != ']') { // an unclosed class throws IndexOutOfBounds: refused
            first = false;
            char c = re.charAt(i);
            refuseIf(c == '[' || (c == '&' && re.charAt(i + 1) == '&')); // POSIX class / nesting; Java's intersection
            if (c == '\\' && "dsw".indexOf(re.charAt(i + 1)) >= 0) {
                char d = re.charAt(i + 1);
                items.append(d == 'd' ? "0-9" : d == 's' ? SPACE : "0-9A-Za-z_");
                i += 2;
                continue;
            }
            int lo = classChar();
            int hi = lo;
            if (re.charAt(i) == '-' && re.charAt(i + 1) != ']') {
                i++;
                hi = classChar();
                refuseIf(hi < lo);
            }
            items.append(code(lo));
            if (hi != lo) {
                items.append('-').append(code(hi));
            }
        }
        i++;
        raw("[" + (negated ? "^" : "") + items + "]", true);
    }

    private int classChar() {
        char c = re.charAt(i);
        if (c == '\\') {
            char d = re.charAt(i + 1);
            refuseIf("DSWbBpPQE".indexOf(d) >= 0 || Character.isDigit(d));
            i += 2;
            return escapedChar(d);
        }
        int cp = re.codePointAt(i);
        i += Character.charCount(cp);
        return cp;
    }

    private void openGroup() {
        groups.push(new int[] {foldCase ? 1 : 0, dotAll ? 1 : 0});
        if (!re.startsWith("(?", i)) {
            put("(?:", false);
            return;
        }
        int j = i + 2;
        if (re.startsWith("P<", j) || re.startsWith("<", j)) { // a named group: its name is RE2/J's business
            int close = re.indexOf('>', j);
            refuseIf(close < 0 || !re.substring(j + (re.charAt(j) == 'P' ? 2 : 1), close).matches("[A-Za-z_][A-Za-z0-9_]*"));
            out.append("(?:");
            atom = false;
            i = close + 1;
            return;
        }
        boolean on = true;
        for (; re.charAt(j) != ')' && re.charAt(j) != ':'; j++) {
            switch (re.charAt(j)) {
                case '-' -> on = false;
                case 'i' -> foldCase = on;
                case 's' -> dotAll = on;
                default -> throw new Refused(); // m, U, lookarounds and the rest
            }
        }
        if (re.charAt(j) == ')') { // (?i): to the end of the enclosing group
            groups.pop();
            atom = false;
        } else {
            out.append("(?:");
            atom = false;
        }
        i = j + 1;
    }

    private void closeGroup() {
        refuseIf(groups.isEmpty());
        int[] saved = groups.pop();
        foldCase = saved[0] == 1;
        dotAll = saved[1] == 1;
        put(")", true);
    }

    private static void refuseIf(boolean refused) {
        if (refused) {
            throw new Refused();
        }
    }
}
