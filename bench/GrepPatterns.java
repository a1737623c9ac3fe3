import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints the patterns of one log kind of a signatures file as POSIX extended regular
 * expressions for {@code grep -E -f}, so that bench/scan-benchmark.sh compares wudoctor and
 * grep on the same expressions. Handles what the signatures use: named and non-capturing
 * groups, (?i:...), the (?!\d) guard, \d \s \S \w \b, escapes, lazy quantifiers and bracket
 * expressions; it fails on anything else rather than guess.
 *
 * With --rust the same expressions are written for ripgrep (Rust's regex syntax), which reads a
 * bracket expression differently: '[' nests a class there, and '\\' escapes.
 *
 * Usage: java bench/GrepPatterns.java [--rust] SIGNATURES_FILE... KIND
 *    e.g. java bench/GrepPatterns.java rules/*.signatures.yaml cbs
 */
public class GrepPatterns {

    private static boolean rust;

    public static void main(String[] args) throws IOException {
        String kind = args[args.length - 1];
        rust = args[0].equals("--rust");
        for (int f = rust ? 1 : 0; f < args.length - 1; f++) {
            print(Files.readAllLines(Path.of(args[f])), kind);
        }
    }

    private static void print(List<String> lines, String kind) {
        String log = null;
        Pattern field = Pattern.compile("^\\s*-?\\s*(id|log|pattern):\\s*(.*)$");
        for (String line : lines) {
            Matcher m = field.matcher(line);
            if (!m.matches()) {
                continue;
            }
            switch (m.group(1)) {
                case "id" -> log = null;
                case "log" -> log = m.group(2).strip();
                default -> {
                    if (kind.equals(log)) {
                        System.out.println(toEre(unquote(m.group(2).strip())));
                    }
                }
            }
        }
    }

    /** A YAML single-quoted scalar's value. */
    private static String unquote(String s) {
        if (!s.startsWith("'") || !s.endsWith("'")) {
            throw new IllegalArgumentException("expected a single-quoted pattern: " + s);
        }
        return s.substring(1, s.length() - 1).replace("''", "'");
    }

    private static final String NONZERO_HEX = "(?!0+\\b)[0-9a-fA-F]{1,8}";

    static String toEre(String re) {
        StringBuilder out = new StringBuilder();
        List<Boolean> caseInsensitive = new ArrayList<>();
        int i = 0;
        while (i < re.length()) {
            char c = re.charAt(i);
            boolean ci = caseInsensitive.contains(true);
            if (re.startsWith("(?!\\d)", i)) {
                out.append("([^0-9]|$)");
                i += 6;
            } else if (re.startsWith(NONZERO_HEX, i)) {
                // 1-8 hex digits, not all zero; ERE has no lookahead, so up to 7 leading zeros
                // are let through (a few lines more at most; the benchmark's file has none)
                out.append("(0{0,7}[1-9a-fA-F][0-9a-fA-F]{0,7})");
                i += NONZERO_HEX.length();
            } else if (re.startsWith("(?<", i) && Character.isLetter(re.charAt(i + 3))) {
                out.append('(');
                caseInsensitive.add(false);
                i = re.indexOf('>', i) + 1;
            } else if (re.startsWith("(?:", i) || re.startsWith("(?i:", i)) {
                out.append('(');
                caseInsensitive.add(re.charAt(i + 2) == 'i');
                i += re.charAt(i + 2) == 'i' ? 4 : 3;
            } else if (re.startsWith("(?", i)) {
                throw new IllegalArgumentException("no ERE for the group at " + i + " of " + re);
            } else if (c == '(') {
                out.append('(');
                caseInsensitive.add(false);
                i++;
            } else if (c == ')') {
                out.append(')');
                caseInsensitive.remove(caseInsensitive.size() - 1);
                i++;
            } else if (c == '\\') {
                char d = re.charAt(i + 1);
                out.append(switch (d) {
                    case 'd' -> "[0-9]";
                    case 's' -> "[[:space:]]";
                    case 'S' -> "[^[:space:]]";
                    case 'w' -> "[[:alnum:]_]";
                    case 'b' -> "\\b";
                    default -> {
                        if (Character.isLetterOrDigit(d)) {
                            throw new IllegalArgumentException("no ERE for \\" + d + " in " + re);
                        }
                        yield "\\" + d;
                    }
                });
                i += 2;
            } else if (c == '[') {
                int end = endOfClass(re, i);
                out.append(bracket(re.substring(i + 1, end)));
                i = end + 1;
            } else if (c == '?' && i > 0 && "*+?}".indexOf(re.charAt(i - 1)) >= 0) {
                i++; // lazy quantifier: the same lines match
            } else if (ci && Character.isLetter(c)) {
                out.append('[').append(Character.toLowerCase(c)).append(Character.toUpperCase(c)).append(']');
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int endOfClass(String re, int open) {
        int j = open + 1;
        if (re.charAt(j) == '^') {
            j++;
        }
        while (re.charAt(j) != ']') {
            j += re.charAt(j) == '\\' ? 2 : 1;
        }
        return j;
    }

    /** A Java class body as a POSIX bracket expression: ']' first, '-' last, backslash literal. */
    private static String bracket(String body) {
        boolean negated = body.startsWith("^");
        StringBuilder items = new StringBuilder();
        boolean close = false;
        boolean open = false;
        boolean dash = false;
        int i = negated ? 1 : 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\\') {
                char d = body.charAt(i + 1);
                switch (d) {
                    case 'd' -> items.append("0-9");
                    case 's' -> items.append("[:space:]");
                    case ']' -> close = true;
                    case '[' -> open = true;
                    case '-' -> dash = true;
                    default -> {
                        if (Character.isLetterOrDigit(d)) {
                            throw new IllegalArgumentException("no bracket item for \\" + d);
                        }
                        items.append(rust && "\\^&~".indexOf(d) >= 0 ? "\\" + d : String.valueOf(d));
                    }
                }
                i += 2;
            } else if (c == '-' && (i == body.length() - 1 || i == (negated ? 1 : 0))) {
                dash = true;
                i++;
            } else {
                items.append(rust && "\\^&~".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c));
                i++;
            }
        }
        if (rust) {
            return "[" + (negated ? "^" : "") + (close ? "\\]" : "") + items + (open ? "\\[" : "") + (dash ? "\\-" : "") + "]";
        }
        return "[" + (negated ? "^" : "") + (close ? "]" : "") + items + (open ? "[" : "") + (dash ? "-" : "") + "]";
    }
}
