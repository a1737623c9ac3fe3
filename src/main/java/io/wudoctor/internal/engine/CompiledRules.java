package io.wudoctor.internal.engine;

import org.kie.api.KieBase;

/**
 * A compiled knowledge base and how it was obtained (for timings and --verbose); cacheWarning
 * says why the cache could not be used (the rules were compiled for this run only), or is null.
 */
public record CompiledRules(KieBase kieBase, boolean fromCache, long compileMillis, String cacheKey, String cacheWarning) {
}
