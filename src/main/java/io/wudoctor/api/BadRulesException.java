package io.wudoctor.api;

import java.util.List;
import java.util.stream.Collectors;

/** The rules could not be loaded; {@link #problems()} lists every problem found, not just the first. */
public class BadRulesException extends WudoctorException {
    public static final int EXIT_CODE = 4;
    private final List<RuleProblem> problems;

    public BadRulesException(List<RuleProblem> problems) {
        super(EXIT_CODE, problems.size() + " problem(s) in the rules:\n  "
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public BadRulesException(String message) {
        super(EXIT_CODE, message);
        this.problems = List.of();
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
