package io.wudoctor.internal.engine;

import org.kie.api.KieBase;

/** A compiled knowledge base and how it was obtained (for timings and --verbose). */
public record CompiledRules(KieBase kieBase, boolean fromCache, long compileMillis, String cacheKey) {
}
