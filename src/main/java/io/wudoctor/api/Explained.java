package io.wudoctor.api;

import java.util.List;

/**
 * A diagnosis with the chain behind it: every rule firing in order, the facts (and earlier
 * findings) it matched, and the findings it concluded.
 */
public record Explained(Diagnosis diagnosis, List<Firing> firings) {

    /** One rule firing: its order, the rule's id, what it matched and what it concluded. */
    public record Firing(int order, String rule, List<Evidence> matched, List<Conclusion> concluded) {
    }

    /** A finding a firing concluded: the cause, the rule's confidence in it and the fixes it recommends. */
    public record Conclusion(String cause, double confidence, List<String> fixes) {
    }
}
