package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wudoctor.TestRules;
import io.wudoctor.api.BadRulesException;
import io.wudoctor.Wudoctor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DRL is code: a rule that reaches outside the fact model is refused unless the user opts in. */
class UnsafeRulesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void unsafeRule() throws IOException {
        // Reads a system property (harmless here, but outside the fact model) into a finding's parameter.
        Files.writeString(dir.resolve("peek.drl"), """
                package wudoctor.rules;
                import io.wudoctor.facts.*;
                rule "peek"
                    @id("peek") @title("t") @document("d") @section("s") @status("test") @justification("j")
                when
                    $i : Incident()
                then
                    insert(Finding.of(kcontext, "no-specific-evidence", 0.2, $i)
                        .param("home", System.getProperty("user.home")));
                end
                """);
    }

    @Test
    void diagnoseRefusesNamingFileRuleAndLine() {
        CliRun r = CliRun.of("diagnose", "facts-samples/no-evidence.yaml", "--rules", dir.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains(dir.resolve("peek.drl") + ":9: rule \"peek\": unsafe: System")
                .contains("--allow-unsafe-rules").doesNotContain("Exception");
    }

    @Test
    void rulesTestAndValidateRefuseToo() {
        assertThat(CliRun.of("rules", "test", "--rules", dir.toString()).code()).isEqualTo(4);
        CliRun v = CliRun.of("rules", "validate", "--rules", dir.toString());
        assertThat(v.code()).isEqualTo(4);
        assertThat(v.out()).contains(dir.resolve("peek.drl") + ":9: error: rule \"peek\": unsafe: System");
    }

    @Test
    void optingInRunsTheRule() {
        CliRun r = CliRun.of("diagnose", "facts-samples/no-evidence.yaml", "--rules", dir.toString(), "--allow-unsafe-rules",
                "--explain");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("1. peek");
        CliRun v = CliRun.of("rules", "validate", "--rules", dir.toString(), "--allow-unsafe-rules");
        assertThat(v.out()).contains(":9: warning: rule \"peek\": unsafe: System").contains("allowed by --allow-unsafe-rules");
    }

    @Test
    void theFacadeRefusesByDefaultAndHasABuilderOption() {
        Wudoctor.Builder builder = Wudoctor.builder().cacheDir(TestRules.CACHE).rulesDir(dir);
        assertThatThrownBy(builder::build).isInstanceOf(BadRulesException.class)
                .satisfies(e -> assertThat(((BadRulesException) e).problems()).singleElement()
                        .satisfies(p -> assertThat(p.line()).isEqualTo(9)));
        assertThat(builder.allowUnsafeRules(true).build()).isNotNull();
    }
}
