package io.wudoctor.internal.kb;

import java.util.ArrayList;
import java.util.List;

/**
 * What the scanner needs to know of a Java regular expression without running it: the names of
 * its named groups (Java 17's Matcher cannot list them) and the longest run of literal text
 * that every match must contain, so that lines without it are never handed to the regex.
 * The analysis is conservative: when in doubt (top-level alternation, inline flags, quoting),
 * there is no literal and every line goes to the regex.
 */
public record RegexShape(String literal, List<String> groupNames) {

    /** Shorter literals filter too little to pay for the extra search. */
    public static final int MIN_LITERAL = 3;

    public static RegexShape of(String regex) {
        return new Analyser(regex).run();
    }

    private static final class Analyser {
        private final String re;
        private final List<String> names = new ArrayList<>();
        private final StringBuilder run = new StringBuilder();
        private String best = "";
        private boolean noLiteral;
        private int depth;
        private int i;

        Analyser(String re) {
            this.re = re;
        }

        RegexShape run() {
            while (i < re.length()) {
                char c = re.charAt(i);
                if (c == '\\') {
                    escape();
                } else if (c == '[') {
                    flush();
                    i = endOfClass(i) + 1;
                } else if (c == '(') {
                    openGroup();
                } else if (c == ')') {
                    depth--;
                    i++;
                } else if (depth > 0) {
                    i++;
                } else {
                    topLevel(c);
                }
            }
            flush();
            return new RegexShape(noLiteral || best.length() < MIN_LITERAL ? null : best, List.copyOf(names));
        }

        private void topLevel(char c) {
            switch (c) {
                case '|' -> noLiteral = true;
                case '?', '*' -> dropLastAndFlush();  // the character before is optional
                case '{' -> {
                    dropLastAndFlush();
                    int close = re.indexOf('}', i);
                    i = close < 0 ? re.length() - 1 : close;
                }
                case '+', '.', '^', '$' -> flush();
                default -> run.append(c);
            }
            i++;
        }

        private void escape() {
            if (i + 1 >= re.length()) {
                i++;
                return;
            }
            char d = re.charAt(i + 1);
            if (d == 'Q') {
                noLiteral = true; // \Q...\E quoting: rare in signatures, not worth analysing
                int end = re.indexOf("\\E", i + 2);
                i = end < 0 ? re.length() : end + 2;
                return;
            }
            if (Character.isLetterOrDigit(d)) {
                flush(); // a class (\d, \s), a boundary (\b), a back reference or a code (\x41, \u0041)
                i = endOfEscape(d);
                return;
            }
            if (depth == 0) {
                run.append(d);
            }
            i += 2;
        }

        private int endOfEscape(char d) {
            int after = i + 2;
            if ((d == 'p' || d == 'P' || d == 'x' || d == 'N') && after < re.length() && re.charAt(after) == '{') {
                int close = re.indexOf('}', after);
                return close < 0 ? re.length() : close + 1;
            }
            if (d == 'k' && after < re.length() && re.charAt(after) == '<') {
                int close = re.indexOf('>', after);
                return close < 0 ? re.length() : close + 1;
            }
            return switch (d) {
                case 'x' -> Math.min(after + 2, re.length());
                case 'u' -> Math.min(after + 4, re.length());
                case 'c', 'p', 'P' -> Math.min(after + 1, re.length());
                default -> after;
            };
        }

        private void openGroup() {
            if (depth == 0) {
                flush();
                if (isFlagGroup()) {
                    noLiteral = true; // (?i) and friends change how the rest matches
                }
            }
            if (re.startsWith("(?<", i) && i + 3 < re.length() && Character.isLetter(re.charAt(i + 3))) {
                int close = re.indexOf('>', i + 3);
                if (close > 0) {
                    names.add(re.substring(i + 3, close));
                }
            }
            depth++;
            i++;
        }

        private boolean isFlagGroup() {
            if (!re.startsWith("(?", i)) {
                return false;
            }
            int j = i + 2;
            while (j < re.length() && (Character.isLetter(re.charAt(j)) || re.charAt(j) == '-')) {
                j++;
            }
            return j > i + 2 && j < re.length() && re.charAt(j) == ')';
        }

        /** The index of the ']' closing the class opened at {@code open}, nested classes included. */
        private int endOfClass(int open) {
            int j = open + 1;
            if (j < re.length() && re.charAt(j) == '^') {
                j++;
            }
            if (j < re.length() && re.charAt(j) == ']') {
                j++; // a ']' first in a class is literal
            }
            while (j < re.length()) {
                char c = re.charAt(j);
                if (c == '\\') {
                    j += 2;
                } else if (c == '[') {
                    j = endOfClass(j) + 1;
                } else if (c == ']') {
                    return j;
                } else {
                    j++;
                }
            }
            return re.length();
        }

        private void dropLastAndFlush() {
            if (run.length() > 0) {
                run.setLength(run.length() - 1);
            }
            flush();
        }

        private void flush() {
            if (run.length() > best.length()) {
                best = run.toString();
            }
            run.setLength(0);
        }
    }
}
