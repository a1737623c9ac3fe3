package io.wudoctor.internal.engine;

import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time and memory a rule run may take. Compiled rule code calls {@link #tick()} at the
 * start of every method and on every backward jump (the rewriting is in
 * {@code io.wudoctor.internal.engine.trust.RuleCodeRewriter}), and its regular expressions read their
 * input through a text that ticks, so a {@code while (true)}, a deep recursion, an allocation
 * loop or a catastrophic regex in a rule stops at the budget with {@link Exceeded}, an error
 * rule code may not catch. Outside a run (no budget set on the thread) a tick does nothing.
 */
public final class RuleBudget {

    /** Thrown into rule code past the budget; it has no stack trace (it says where in its message). */
    public static final class Exceeded extends Error {
        private static final long serialVersionUID = 1L;

        Exceeded(String message) {
            super(message, null, false, false);
        }
    }

    private static final ThreadLocal<State> STATE = new ThreadLocal<>();
    private static final com.sun.management.ThreadMXBean THREADS = threads();
    /** Ticks between two looks at the clock and the allocation counter (a tick is a few nanoseconds). */
    private static final int CHECK_EVERY = 64;

    private static final class State {
        final long deadline;
        final long allocationLimit;
        final long millis;
        final long bytes;
        int ticks;
        String stopped;

        State(long millis, long bytes) {
            this.millis = millis;
            this.bytes = bytes;
            this.deadline = System.nanoTime() + millis * 1_000_000;
            long now = allocated();
            this.allocationLimit = now < 0 ? Long.MAX_VALUE : now + bytes;
        }

        void check() {
            if (stopped == null) {
                if (System.nanoTime() - deadline > 0) {
                    stopped = "ran longer than its time budget (" + millis + " ms)";
                } else if (allocated() > allocationLimit) {
                    stopped = "allocated more than its memory budget (" + (bytes >> 20) + " MiB)";
                }
            }
            if (stopped != null) {
                throw new Exceeded(stopped);
            }
        }
    }

    private RuleBudget() {
    }

    /** Starts a budget on this thread; close the returned scope when the run ends. */
    static Scope start(long millis, long bytes) {
        STATE.set(new State(millis, bytes));
        return STATE::remove;
    }

    /** Ends a budget. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Called by rewritten rule code: stops it once past the budget (and on every call after that). */
    public static void tick() {
        State s = STATE.get();
        if (s != null && (s.stopped != null || ++s.ticks % CHECK_EVERY == 0)) {
            s.check();
        }
    }

    /** Replaces {@code pattern.matcher(input)} in rule code. */
    public static Matcher matcher(Pattern pattern, CharSequence input) {
        return pattern.matcher(budgeted(input));
    }

    /** Replaces {@code matcher.reset(input)} in rule code. */
    public static Matcher reset(Matcher matcher, CharSequence input) {
        return matcher.reset(budgeted(input));
    }

    /** Replaces {@code Pattern.matches(regex, input)} in rule code. */
    public static boolean patternMatches(String regex, CharSequence input) {
        return matcher(Pattern.compile(regex), input).matches();
    }

    /** Replaces {@code s.matches(regex)} in rule code. */
    public static boolean matches(String s, String regex) {
        return patternMatches(regex, s);
    }

    /** Replaces {@code s.replaceAll(regex, replacement)} in rule code. */
    public static String replaceAll(String s, String regex, String replacement) {
        return matcher(Pattern.compile(regex), s).replaceAll(replacement);
    }

    /** Replaces {@code s.replaceFirst(regex, replacement)} in rule code. */
    public static String replaceFirst(String s, String regex, String replacement) {
        return matcher(Pattern.compile(regex), s).replaceFirst(replacement);
    }

    /** Replaces {@code s.split(regex)} in rule code. */
    public static String[] split(String s, String regex) {
        return split(s, regex, 0);
    }

    /** Replaces {@code s.split(regex, limit)} in rule code. */
    public static String[] split(String s, String regex, int limit) {
        tick();
        return Pattern.compile(regex).split(budgeted(s), limit);
    }

    private static CharSequence budgeted(CharSequence input) {
        return input == null || STATE.get() == null ? input : new BudgetedText(input);
    }

    /** Text that ticks on every character read: regex backtracking is bounded like a loop. */
    private record BudgetedText(CharSequence text) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            tick();
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private static long allocated() {
        return THREADS == null ? -1 : THREADS.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean threads() {
        try {
            var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            return bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled() ? bean : null;
        } catch (ClassCastException | UnsupportedOperationException e) {
            return null; // a JVM without the allocation counter: the time budget and the heap limit still hold
        }
    }
}
