package io.wudoctor.api;

import java.util.List;
import java.util.stream.Collectors;

/** The rules could not be loaded; {@link #problems()} lists every problem found, not just the first. */
public class BadRulesException extends WudoctorException {
    private final List<RuleProblem> problems;

    public BadRulesException(List<RuleProblem> problems) {
        super(problems.size() + " problem(s) in the rules:\n  "
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public BadRulesException(String message) {
        super(message);
        this.problems = List.of();
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
