package io.wudoctor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.internal.kb.PackFile;
import io.wudoctor.internal.kb.RulePackLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in rules come precompiled from the build; anything else compiles at run time. */
class PrecompiledBuiltinTest {

    @Test
    void builtInRulesLoadWithoutCompilingIntoAnEmptyCache(@TempDir Path cache) {
        List<PackFile> drl = new RulePackLoader().builtin().drlFiles();

        CompiledRules rules = new DrlCompiler(cache).compile(drl);

        assertThat(rules.fromCache()).as("served by the module the build shipped").isTrue();
        assertThat(cache.resolve("rules-" + rules.cacheKey() + ".jar")).isRegularFile();
        assertThat(rules.kieBase().getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum()).isPositive();
    }

    @Test
    void anEditedBuiltInRuleIsCompiledNotServedTheShippedModule(@TempDir Path cache) {
        List<PackFile> drl = new ArrayList<>(new RulePackLoader().builtin().drlFiles());
        PackFile first = drl.get(0);
        drl.set(0, new PackFile(first.name(), first.content() + "\n// edited\n"));

        CompiledRules rules = new DrlCompiler(cache).compile(drl);

        assertThat(rules.fromCache()).isFalse();
    }
}
