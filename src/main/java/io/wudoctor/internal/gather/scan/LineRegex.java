package io.wudoctor.internal.gather.scan;

import java.util.regex.Pattern;

/**
 * A signature's regex, matched one line at a time in bounded time. Patterns RE2/J accepts
 * (named groups included) run on RE2/J, whose matching is linear in the line's length: no line
 * can make them backtrack. The rest (lookarounds, backreferences) run on java.util.regex
 * under a budget of character reads per line; a line past it is given up and counted, so a
 * crafted line costs a bounded amount of time and the user is told.
 */
abstract class LineRegex {

    /** Character reads allowed per line on java.util.regex: a fixed floor plus a multiple of the line. */
    static final int BUDGET_FLOOR = 100_000;
    static final int BUDGET_PER_CHAR = 200;

    /** The pattern for scanning: RE2/J when it accepts it, else java.util.regex under a budget. */
    static Compiled compile(Pattern java) {
        try {
            return new Re2(com.google.re2j.Pattern.compile(java.pattern()));
        } catch (com.google.re2j.PatternSyntaxException unsupported) {
            return new Budgeted(java);
        }
    }

    /** A compiled pattern; {@link #matcher()} gives a matcher for one scanning thread. */
    interface Compiled {
        LineRegex matcher();

        boolean linear();
    }

    /** Finds the pattern in {@code text[start, end)}; true when found (then {@link #group} reads the captures). */
    abstract boolean find(String text, int start, int end);

    /** True when the last {@link #find} gave up at the budget. */
    abstract boolean gaveUp();

    abstract String group(String name);

    private record Re2(com.google.re2j.Pattern pattern) implements Compiled {
        @Override
        public LineRegex matcher() {
            return new LineRegex() {
                private com.google.re2j.Matcher m;

                @Override
                boolean find(String text, int start, int end) {
                    String line = text.substring(start, end);
                    m = m == null ? pattern.matcher(line) : m.reset(line);
                    return m.find();
                }

                @Override
                boolean gaveUp() {
                    return false;
                }

                @Override
                String group(String name) {
                    return m.group(name);
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
                private java.util.regex.Matcher m;
                private boolean gaveUp;

                @Override
                boolean find(String text, int start, int end) {
                    CountedText line = new CountedText(text.substring(start, end),
                            BUDGET_FLOOR + (long) BUDGET_PER_CHAR * (end - start));
                    m = m == null ? pattern.matcher(line) : m.reset(line);
                    try {
                        gaveUp = false;
                        return m.find();
                    } catch (CountedText.Spent spent) {
                        gaveUp = true;
                        return false;
                    }
                }

                @Override
                boolean gaveUp() {
                    return gaveUp;
                }

                @Override
                String group(String name) {
                    return m.group(name);
                }
            };
        }

        @Override
        public boolean linear() {
            return false;
        }
    }

    /** A line that counts the characters the regex engine reads and stops it past its allowance. */
    private static final class CountedText implements CharSequence {
        static final class Spent extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Spent() {
                super(null, null, false, false);
            }
        }

        private final String text;
        private long left;

        CountedText(String text, long allowance) {
            this.text = text;
            this.left = allowance;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) {
                throw new Spent();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
