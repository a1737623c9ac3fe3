package io.wudoctor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wudoctor.api.BadRulesException;
import io.wudoctor.internal.kb.PackFile;
import io.wudoctor.internal.kb.RulePackLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in rules and each analyst's folder are compiled and cached apart, and joined in one KieBase. */
class FolderModulesTest {

    private static final String RULE = """
            package analyst;
            import io.wudoctor.facts.*;

            rule "store-0x80070002"
            when
                $i : Incident(surface == Surface.MICROSOFT_STORE)
            then
                insert(Finding.of(kcontext, "store-cache", %s, $i));
            end
            """;

    private static CompiledRules compile(Path cache, Path folder) {
        List<PackFile> drl = new RulePackLoader().builtin().folder(folder).drlFiles();
        return new DrlCompiler(cache).compile(DrlCompiler.groups(drl, List.of(folder)));
    }

    private static int rules(CompiledRules compiled, String pkg) {
        var p = compiled.kieBase().getKiePackage(pkg);
        return p == null ? 0 : p.getRules().size();
    }

    @Test
    void editingAnAnalystRuleRecompilesThatFolderAndKeepsTheShippedBuiltinModule(@TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("cache");
        Path folder = Files.createDirectories(tmp.resolve("analyst"));
        Files.writeString(folder.resolve("store.drl"), RULE.formatted("0.6"));

        CompiledRules before = compile(cache, folder);
        Files.writeString(folder.resolve("store.drl"), RULE.formatted("0.7"));
        CompiledRules after = compile(cache, folder);

        String[] keysBefore = before.cacheKey().split("\\+");
        String[] keysAfter = after.cacheKey().split("\\+");
        assertThat(keysBefore).hasSize(2);
        assertThat(keysAfter).hasSize(2);
        assertThat(keysAfter[0]).as("the built-in module").isEqualTo(keysBefore[0]);
        assertThat(keysAfter[1]).as("the edited folder's module").isNotEqualTo(keysBefore[1]);
        assertThat(after.fromCache()).isFalse();
        try (var files = Files.list(cache)) {
            assertThat(files.filter(f -> f.toString().endsWith(".jar")).count()).as("two folder modules (the built-in rules load from the jar)")
                    .isEqualTo(2);
        }
        assertThat(rules(after, "analyst")).isEqualTo(1);
        assertThat(rules(after, "wudoctor.rules")).isEqualTo(rules(before, "wudoctor.rules")).isPositive();
        assertThat(compile(cache, folder).fromCache()).as("both modules cached now").isTrue();
    }

    @Test
    void aFolderRuleNamedAsABuiltinRuleInItsPackageIsRefusedAtItsLine(@TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("cache");
        Path folder = Files.createDirectories(tmp.resolve("analyst"));
        Files.writeString(folder.resolve("clock.drl"), RULE.replace("package analyst;", "package wudoctor.rules;")
                .replace("store-0x80070002", "fast-clock-offset").formatted("0.6"));

        assertThatThrownBy(() -> compile(cache, folder)).isInstanceOf(BadRulesException.class)
                .satisfies(e -> assertThat(((BadRulesException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(folder.resolve("clock.drl").toString());
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.message()).contains("duplicate rule name in package 'wudoctor.rules'", "builtin:fast-checks.drl:18");
                }));
    }
}
