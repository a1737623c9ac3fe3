package io.wudoctor.internal.render;

import io.wudoctor.api.Step;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a fix script treats one step. The catalog's convention (rules/*.fixes.yaml): manual
 * parts come after the commands unless they start with "Before the commands". A step whose
 * manual part sits between two commands ("After mkdir, before DISM: ...") or whose command
 * holds a value wudoctor could not fill in ({@code <kb>}) is done by hand: its commands are
 * shown in order, never run half-filled or out of order.
 */
record ScriptStep(Step step, List<String> before, List<String> after, boolean runnable) {

    private static final Pattern UNFILLED = Pattern.compile("<[A-Za-z][A-Za-z0-9_]*>");
    private static final String BEFORE = "Before the commands";

    static ScriptStep of(Step s) {
        List<String> before = s.manual().stream().filter(m -> m.startsWith(BEFORE)).toList();
        List<String> after = s.manual().stream().filter(m -> !m.startsWith(BEFORE)).toList();
        boolean between = after.stream().anyMatch(m -> m.matches("(?s)After [^:]*, before .*"));
        boolean unfilled = s.commands().stream().anyMatch(ScriptStep::unfilled);
        return new ScriptStep(s, before, after, !s.commands().isEmpty() && !between && !unfilled);
    }

    static boolean unfilled(String command) {
        return UNFILLED.matcher(command).find();
    }
}
