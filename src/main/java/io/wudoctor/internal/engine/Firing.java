package io.wudoctor.internal.engine;

import java.util.List;

/** One rule firing, in firing order: the rule's id and a description of each fact it matched. */
public record Firing(int order, String ruleId, List<String> facts) {
}
