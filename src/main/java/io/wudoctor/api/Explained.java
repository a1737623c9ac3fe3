package io.wudoctor.api;

import java.util.List;

/**
 * A diagnosis with the chain behind it: every rule firing in order and the facts it matched.
 */
public record Explained(Diagnosis diagnosis, List<Firing> firings) {

    /** One rule firing: its order, the rule's id and the facts it matched. */
    public record Firing(int order, String rule, List<String> facts) {
    }
}
