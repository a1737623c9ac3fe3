package io.wudoctor.internal.gather.scan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A signature's regex, matched one line at a time in bounded time. Patterns RE2/J accepts
 * (named groups included) run on RE2/J, whose matching is linear in the line's length: no line
 * can make them backtrack. The rest (lookarounds, backreferences) run on java.util.regex
 * under a budget of character reads per line; a line past it is given up and counted, so a
 * crafted line costs a bounded amount of time and the user is told. Whether a line matches is
 * decided on its place in the chunk, without copying it; the captures are taken later, from the
 * line's text, and only for the hits that are kept (see {@link HitKeeper}).
 */
abstract class LineRegex {

    /** Character reads allowed per line on java.util.regex: a fixed floor plus a multiple of the line. */
    static final int BUDGET_FLOOR = 100_000;
    static final int BUDGET_PER_CHAR = 200;
    /**
     * The budget of the java.util.regex shortcut of an RE2/J pattern ({@link Re2ToJdk}): small,
     * since a line past it is not lost, only handed to RE2/J; a log line that matches takes a few
     * reads per character.
     */
    static final int SHORTCUT_FLOOR = 2_000;
    static final int SHORTCUT_PER_CHAR = 16;

    /** The pattern for scanning: RE2/J when it accepts it, else java.util.regex under a budget. */
    static Compiled compile(Pattern java) {
        try {
            return new Re2(com.google.re2j.Pattern.compile(java.pattern()), Re2ToJdk.translate(java.pattern()));
        } catch (com.google.re2j.PatternSyntaxException unsupported) {
            return new Budgeted(java);
        }
    }

    /** A compiled pattern; {@link #matcher()} gives a matcher for one scanning thread. */
    interface Compiled {
        LineRegex matcher();

        boolean linear();
    }

    /** Whether the pattern occurs in {@code text[start, end)}, a line. */
    abstract boolean find(String text, int start, int end);

    /** True when the last {@link #find} gave up at the budget. */
    abstract boolean gaveUp();

    /** The named captures (those that took part) of the pattern's first match in {@code line}, which {@link #find} matched. */
    abstract Map<String, String> captures(String line, List<String> names);

    /**
     * RE2/J, with a shortcut when {@link Re2ToJdk} could rewrite the pattern: java.util.regex
     * decides first, and only a line it gives up on goes to RE2/J. RE2/J takes the captures.
     */
    private record Re2(com.google.re2j.Pattern pattern, Pattern shortcut) implements Compiled {
        @Override
        public LineRegex matcher() {
            return new LineRegex() {
                private final CountedText view = new CountedText();
                private final java.util.regex.Matcher fast = shortcut == null ? null : shortcut.matcher("");
                private com.google.re2j.Matcher m;

                @Override
                boolean find(String text, int start, int end) {
                    Boolean found = fast == null ? null
                            : view.find(fast, text, start, end, SHORTCUT_FLOOR + (long) SHORTCUT_PER_CHAR * (end - start));
                    return found != null ? found : re2(text.substring(start, end)).find(); // past the budget RE2/J decides
                }

                @Override
                boolean gaveUp() {
                    return false;
                }

                @Override
                Map<String, String> captures(String line, List<String> names) {
                    com.google.re2j.Matcher r = re2(line);
                    return r.find() ? LineRegex.captures(names, r::group) : new LinkedHashMap<>();
                }

                private com.google.re2j.Matcher re2(String line) {
                    m = m == null ? pattern.matcher(line) : m.reset(line);
                    return m;
                }
            };
        }

        @Override
        public boolean linear() {
            return true;
        }
    }

    private record Budgeted(Pattern pattern) implements Compiled {
        @Override
        public LineRegex matcher() {
            return new LineRegex() {
                private final CountedText view = new CountedText();
                private final java.util.regex.Matcher m = pattern.matcher("");
                private boolean gaveUp;

                @Override
                boolean find(String text, int start, int end) {
                    Boolean found = view.find(m, text, start, end, BUDGET_FLOOR + (long) BUDGET_PER_CHAR * (end - start));
                    gaveUp = found == null;
                    return Boolean.TRUE.equals(found);
                }

                @Override
                boolean gaveUp() {
                    return gaveUp;
                }

                @Override
                Map<String, String> captures(String line, List<String> names) {
                    // the same line under the same budget: the match find() made
                    return find(line, 0, line.length()) ? LineRegex.captures(names, m::group) : new LinkedHashMap<>();
                }
            };
        }

        @Override
        public boolean linear() {
            return false;
        }
    }

    private static Map<String, String> captures(List<String> names, UnaryOperator<String> group) {
        Map<String, String> captures = new LinkedHashMap<>();
        for (String name : names) {
            String value = group.apply(name);
            if (value != null) {
                captures.put(name, value);
            }
        }
        return captures;
    }

    /**
     * A line of a larger text, seen as a text of its own, that counts the characters the regex
     * engine reads and stops it past its allowance. Reused from line to line: nothing is copied.
     */
    private static final class CountedText implements CharSequence {
        static final class Spent extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Spent() {
                super(null, null, false, false);
            }
        }

        private String text;
        private int start;
        private int length;
        private long left;

        /** {@code m}'s find on {@code text[start, end)} within {@code allowance} character reads; null when it ran out. */
        Boolean find(java.util.regex.Matcher m, String text, int start, int end, long allowance) {
            reset(text, start, end, allowance);
            try {
                return m.reset(this).find();
            } catch (Spent spent) {
                return null;
            }
        }

        private void reset(String text, int start, int end, long allowance) {
            this.text = text;
            this.start = start;
            this.length = end - start;
            this.left = allowance;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) {
                throw new Spent();
            }
            return text.charAt(start + index);
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return text.substring(start + from, start + to);
        }

        @Override
        public String toString() {
            return text.substring(start, start + length);
        }
    }
}
