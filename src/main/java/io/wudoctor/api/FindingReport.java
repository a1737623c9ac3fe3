package io.wudoctor.api;

import java.util.List;

/**
 * A cause the rules concluded, with its combined confidence (certainty factors over the rules
 * that support it: a + b(1 - a)), the evidence and the catalog's source reference.
 */
public record FindingReport(String id, String title, double confidence, SourceRef source,
        List<RuleContribution> rules, List<Evidence> evidence) {
}
