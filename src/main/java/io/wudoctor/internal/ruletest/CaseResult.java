package io.wudoctor.internal.ruletest;

import java.util.List;

/** The outcome of one case: where it is defined, and each expectation that did not hold (empty = pass). */
public record CaseResult(String file, int line, String name, List<String> failures) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
