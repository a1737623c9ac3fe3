package io.wudoctor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.internal.kb.PackFile;
import io.wudoctor.internal.kb.RulePackLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drools.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in rules come precompiled from the build; anything else compiles at run time. */
class PrecompiledBuiltinTest {

    private static final ClassLoader OWN = PrecompiledBuiltinTest.class.getClassLoader();

    @Test
    void builtInRulesLoadFromTheJarWithoutCompilingOrTouchingTheCache(@TempDir Path cache) {
        List<PackFile> drl = new RulePackLoader().builtin().drlFiles();

        CompiledRules rules = new DrlCompiler(cache).compile(drl);

        assertThat(rules.fromCache()).as("served by the classes the build shipped").isTrue();
        assertThat(cache).as("nothing copied to the user-writable cache").isEmptyDirectory();
        assertThat(rules.kieBase().getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum()).isPositive();
        List<Model> shipped = ShippedRules.models(rules.cacheKey());
        assertThat(shipped).isNotEmpty().allSatisfy(m -> assertThat(m.getClass().getClassLoader()).isSameAs(OWN));
    }

    @Test
    void theKeyTheBuildRecordedIsTheBuiltInRulesOwnSoWhatThePreloadMakesIsUsed(@TempDir Path cache) {
        List<PackFile> drl = new RulePackLoader().builtin().drlFiles();
        assertThat(ShippedRules.shippedKey()).isEqualTo(DrlCompiler.cacheKey(drl, false));

        DrlCompiler.prepareShipped(true);
        CompiledRules first = new DrlCompiler(cache).compile(drl);
        CompiledRules second = new DrlCompiler(null).compile(new RulePackLoader().builtin().drlFiles());

        assertThat(second.kieBase()).as("one KieBase per process for the shipped rules").isSameAs(first.kieBase());
        assertThat(new DrlCompiler(cache, true).compile(drl).kieBase()).as("unchecked rules are never the shipped ones")
                .isNotSameAs(first.kieBase());
    }

    @Test
    void anEditedBuiltInRuleIsCompiledAndRunsItsOwnClassesNotTheShippedOnes(@TempDir Path cache) {
        List<PackFile> original = new RulePackLoader().builtin().drlFiles();
        List<String> shippedModels = ShippedRules.models(DrlCompiler.cacheKey(original, false)).stream()
                .map(m -> m.getClass().getName()).toList();
        List<PackFile> drl = new ArrayList<>(original);
        PackFile first = drl.get(0);
        drl.set(0, new PackFile(first.name(), first.content() + "\n// edited\n"));

        CompiledRules rules = new DrlCompiler(cache).compile(drl);

        assertThat(rules.fromCache()).isFalse();
        assertThat(ShippedRules.models(rules.cacheKey())).isNull();
        // the compiled module names its model classes as the shipped ones are named: its loader must define its own
        List<Model> compiled = CheckedModule.load(cache.resolve("rules-" + rules.cacheKey() + ".jar"), false);
        assertThat(compiled.stream().map(m -> m.getClass().getName()).toList()).containsExactlyInAnyOrderElementsOf(shippedModels);
        assertThat(compiled).allSatisfy(m -> assertThat(m.getClass().getClassLoader()).isNotSameAs(OWN));
    }
}
