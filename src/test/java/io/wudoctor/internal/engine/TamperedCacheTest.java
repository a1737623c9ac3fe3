package io.wudoctor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.facts.Facts;
import io.wudoctor.facts.Incident;
import io.wudoctor.facts.Surface;
import io.wudoctor.internal.kb.PackFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;

/**
 * The threat: whoever can write the rules cache folder. A module there is checked again on
 * every load, so a module the allow-list refuses, put where the checked module of safe rules
 * belongs, is rebuilt from the rules (with a warning), and none of its classes is loaded.
 */
class TamperedCacheTest {

    @TempDir
    Path cache;

    private static final PackFile SAFE = new PackFile("safe.drl", """
            package contoso.safe;
            import io.wudoctor.facts.*;
            rule "safe"
                @id("safe") @title("t") @document("d") @section("s") @status("test") @justification("j")
            when
                $i : Incident()
            then
                insert(Finding.of(kcontext, "no-specific-evidence", 0.2, $i));
            end
            """);

    /** Allowed Java would not compile here; the check refuses the property write (System). */
    private static final PackFile HOSTILE = new PackFile("hostile.drl", """
            package contoso.safe;
            import io.wudoctor.facts.*;
            rule "safe"
                @id("safe") @title("t") @document("d") @section("s") @status("test") @justification("j")
            when
                $i : Incident()
            then
                System.setProperty("wudoctor.tampered", "ran");
                insert(Finding.of(kcontext, "no-specific-evidence", 0.2, $i));
            end
            """);

    private Path onlyModule(String key) {
        return cache.resolve("rules-" + key + ".jar");
    }

    private static List<String> ruleNames(KieBase base) {
        return base.getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(r -> r.getName()).sorted().toList();
    }

    @Test
    void aRefusedModuleInPlaceOfACheckedOneIsRebuiltNotLoaded() throws IOException {
        CompiledRules safe = new DrlCompiler(cache).compile(List.of(SAFE));
        Path safeModule = onlyModule(safe.cacheKey());
        assertThat(safeModule).isRegularFile();
        // the attacker's module: what the compiler makes of the hostile rule when told to trust it
        Path hostileModule = onlyModule(new DrlCompiler(cache, true).compile(List.of(HOSTILE)).cacheKey());
        Files.copy(hostileModule, safeModule, StandardCopyOption.REPLACE_EXISTING);

        CompiledRules again = new DrlCompiler(cache).compile(List.of(SAFE));

        assertThat(again.fromCache()).isFalse();
        assertThat(again.cacheWarning()).contains("failed the trust check").contains("java.lang.System.setProperty");
        assertThat(ruleNames(again.kieBase())).containsExactly("safe");
        var run = RuleSession.run(again.kieBase(), Facts.of(new Incident(Surface.WINDOWS_UPDATE, "0x80070002", null, null)), 100);
        assertThat(run.findings()).hasSize(1);
        assertThat(System.getProperty("wudoctor.tampered")).isNull();
        // and the cache holds the safe module again: the next run loads it without a warning
        CompiledRules third = new DrlCompiler(cache).compile(List.of(SAFE));
        assertThat(third.fromCache()).isTrue();
        assertThat(third.cacheWarning()).isNull();
    }

    @Test
    void aModuleWhoseIndexNamesAClassOutsideItIsNotLoaded() throws IOException {
        CompiledRules safe = new DrlCompiler(cache).compile(List.of(SAFE));
        Path module = onlyModule(safe.cacheKey());
        // point the model index at a class of the class path: loading it would construct it
        try (var fs = java.nio.file.FileSystems.newFileSystem(module)) {
            try (Stream<Path> all = Files.walk(fs.getPath("/"))) {
                for (Path index : all.filter(p -> p.toString().endsWith("/drools-model")).toList()) {
                    Files.writeString(index, "java.lang.Object\n");
                }
            }
        }
        CompiledRules again = new DrlCompiler(cache).compile(List.of(SAFE));
        assertThat(again.fromCache()).isFalse();
        assertThat(again.cacheWarning()).contains("java.lang.Object, which is not one of its classes");
        assertThat(ruleNames(again.kieBase())).containsExactly("safe");
    }
}
