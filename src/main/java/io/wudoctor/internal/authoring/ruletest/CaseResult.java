package io.wudoctor.internal.authoring.ruletest;

import java.util.List;

/**
 * The outcome of one case: where it is defined, each expectation that did not hold (empty =
 * pass), and a one-line summary of what the diagnosis actually gave (null when it failed to run).
 */
public record CaseResult(String file, int line, String name, List<Failure> failures, String actual) {

    /** An expectation that did not hold: what the case expected and what the diagnosis gave. */
    public record Failure(String expected, String actual) {
        @Override
        public String toString() {
            return "expected " + expected + "; actual " + actual;
        }
    }

    public CaseResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
