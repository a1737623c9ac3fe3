package io.wudoctor.internal.engine;

import io.wudoctor.facts.Finding;
import java.util.List;

/** One rule firing, in firing order: the rule's id, the objects it matched and the findings its consequence inserted. */
public record Firing(int order, String ruleId, List<Object> matched, List<Finding> concluded) {

    public Firing {
        matched = List.copyOf(matched);
        concluded = List.copyOf(concluded);
    }
}
