package io.wudoctor.api;

import java.util.List;

/** One rule's share in a finding: its own confidence and the evidence it matched. */
public record RuleContribution(String rule, double confidence, List<Evidence> evidence) {
}
