package io.wudoctor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.TestRules;
import io.wudoctor.Wudoctor;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.Finding;
import io.wudoctor.facts.Incident;
import io.wudoctor.facts.Surface;
import io.wudoctor.internal.engine.RuleSession;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What the allow-list lets through still works once rewritten for the budget: declared types
 * with defaults, a declared enum, a function, accumulate, collections, streams, java.time and
 * regular expressions (src/test/resources/allowed-rules/allowed.drl).
 */
class AllowedRulesTest {

    @Test
    void theAllowedValueTypesRunAndGiveTheirResults() {
        var loader = new io.wudoctor.internal.kb.RulePackLoader().folder(Path.of("src/test/resources/allowed-rules"));
        var rules = new io.wudoctor.internal.engine.DrlCompiler(TestRules.CACHE).compile(loader.drlFiles());
        var result = RuleSession.run(rules.kieBase(), Facts.of(new Incident(Surface.WINDOWS_UPDATE, null, null, null)),
                RuleSession.DEFAULT_MAX_FIRINGS);
        assertThat(result.findings()).singleElement().extracting(Finding::params)
                .satisfies(p -> assertThat(p.get("all")).isEqualTo("tally5{a=1}[a, b, c]aa|b123A!91HIGH1y"));
    }

    @Test
    void theyPassTheTrustCheckThroughTheFacade() {
        assertThat(Wudoctor.builder().cacheDir(TestRules.CACHE).builtinRules(false)
                .rulesDir(Path.of("src/test/resources/allowed-rules")).build()).isNotNull();
    }
}
