package io.wudoctor.api;

import java.util.List;
import java.util.Map;

/**
 * A diagnosis with the chain behind it: every rule firing in order, the facts (and earlier
 * findings) it matched, and the findings it concluded; and the planner's certainty-factor
 * arithmetic, by cause id ({@code causeArithmetic}: one term per rule) and by the fix id of a
 * step ({@code stepArithmetic}: one term per cause it addresses; none for a prerequisite).
 */
public record Explained(Diagnosis diagnosis, List<Firing> firings, Map<String, List<Term>> causeArithmetic,
        Map<String, List<Term>> stepArithmetic) {

    /**
     * One term of a combination as the planner computed it: {@code result = before + confidence x
     * (1 - before)}, from a rule or a cause, largest confidence first; rounded to three decimals
     * as reports show them, while the planner carries on unrounded.
     */
    public record Term(String from, double confidence, double before, double result) {
    }

    /** One rule firing: its order, the rule's id, what it matched and what it concluded. */
    public record Firing(int order, String rule, List<Evidence> matched, List<Conclusion> concluded) {
    }

    /** A finding a firing concluded: the cause, the rule's confidence in it and the fixes it recommends. */
    public record Conclusion(String cause, double confidence, List<String> fixes) {
    }
}
