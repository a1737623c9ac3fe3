package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.internal.kb.RulePackLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesValidateCommandTest {

    /** A rule whose condition never closes: a syntax error the validator must report with file and line. */
    static final String UNCLOSED_CONDITION_DRL = """
                package wudoctor.rules;
                import io.wudoctor.facts.*;
                rule "broken"
                    @id("broken") @title("t") @document("d") @section("s") @status("test") @justification("j")
                when
                    $i : Incident(
                then
                end
                """;


    /** No warning either: the context signatures that only the inference reads are not "unused". */
    @Test
    void builtinPackIsValid() {
        CliRun r = CliRun.of("rules", "validate");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).doesNotContain(": error: ", ": warning: ").containsPattern("(?m)^0 errors, 0 warnings \\(checked");
    }

    /** The issue's "done when": a syntax error, a dangling fix reference and a duplicate id, all in one run. */
    @Test
    void syntaxErrorDanglingFixAndDuplicateIdAllInOneRun(@TempDir Path tmp) throws IOException {
        Path rules = CliRun.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Files.writeString(rules.resolve("broken.drl"), UNCLOSED_CONDITION_DRL);
        Files.writeString(rules.resolve("dangling.drl"), """
                package wudoctor.rules;
                import io.wudoctor.facts.*;
                rule "dangling"
                    @id("dangling") @title("t") @document("d") @section("s") @status("test") @justification("j")
                when
                    $i : Incident()
                then
                    insert(Finding.of(kcontext, "no-specific-evidence", 0.2, $i)
                        .recommend("no-such-fix"));
                end
                """);
        String existingFix = new RulePackLoader().folder(rules).load().fixes().keySet().iterator().next();
        Files.writeString(rules.resolve("zz-local.fixes.yaml"), """
                schemaVersion: 1
                fixes:
                  - id: %s
                    title: A second fix with the same id
                    status: test
                    source: {document: d, section: s}
                    elevated: false
                    manual: [x]
                """.formatted(existingFix));

        CliRun r = CliRun.of("rules", "validate", "--no-builtin-rules", "--rules", rules.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.out()).as(r.toString())
                .contains(rules.resolve("broken.drl") + ":8: error: [ERR 102] Line 8:0 mismatched input 'end'")
                .contains(rules.resolve("dangling.drl") + ":9: error: rule \"dangling\": recommends unknown fix 'no-such-fix'")
                .contains(rules.resolve("zz-local.fixes.yaml") + ":3: error: duplicate fix id '" + existingFix + "' (first defined at " + rules)
                .containsPattern("(?m)^3 errors, \\d+ warnings? \\(checked");
    }

    @Test
    void aFolderWithoutRulesIsAWarningNotSilence(@TempDir Path tmp) {
        CliRun r = CliRun.of("rules", "validate", "--rules", tmp.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains(tmp + ": warning: no rules in this folder");
    }

    @Test
    void aMissingFolderIsABadRulesError(@TempDir Path tmp) {
        CliRun r = CliRun.of("rules", "validate", "--rules", tmp.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("not a folder").doesNotContain("Exception");
    }

    /** Analysts edit on Windows: a byte order mark is fine, another encoding is named per file (not "Input length = 2"). */
    @Test
    void aByteOrderMarkIsAcceptedAndANonUtf8FileIsNamed(@TempDir Path tmp) throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(rules.resolve("bom.drl"), """
                \uFEFFpackage qa.rules;
                import io.wudoctor.facts.*;
                rule "qa-bom"
                    @id("qa-bom") @title("t") @document("d") @section("s") @status("test") @justification("j")
                when
                    $i : Incident(kb == "KB1")
                then
                    insert(Finding.of(kcontext, "no-specific-evidence", 0.2, $i).recommend("restart-pc"));
                end
                """);
        Files.write(rules.resolve("latin1.causes.yaml"), "schemaVersion: 1\ncauses:\n  - id: caf\u00e9\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        CliRun r = CliRun.of("rules", "validate", "--rules", rules.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.out()).as(r.toString()).contains(rules.resolve("latin1.causes.yaml") + ": error: not UTF-8 text")
                .doesNotContain("bom.drl:1", "no viable alternative").containsPattern("(?m)^1 error, ");
    }
    /**
     * The model compiler throws (not reports) on a temporal operator written as a call: still a
     * bad-rules error at the file and line, from validate and diagnose alike, not an internal error.
     */
    @Test
    void aConstraintTheCompilerCannotTypeIsAnErrorAtItsLine(@TempDir Path tmp) throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(rules.resolve("later.drl"), """
                package qa.rules;
                import io.wudoctor.facts.*;
                rule "qa-later-failure"
                    @id("qa-later-failure") @title("t") @document("d") @section("s") @status("test") @justification("j")
                when
                    $a : EventRecord(id == 20)
                    $b : EventRecord(id == 20,
                                     after($a))
                then
                    insert(Finding.of(kcontext, "no-specific-evidence", 0.2, $a, $b).recommend("restart-pc"));
                end
                """);
        for (String command : new String[] {"validate", "diagnose"}) {
            CliRun r = command.equals("validate") ? CliRun.of("rules", "validate", "--rules", rules.toString())
                    : CliRun.of("diagnose", "facts-samples/ms-s1-clr-optimization.yaml", "--rules", rules.toString());
            assertThat(r.code()).as(r.toString()).isEqualTo(4);
            assertThat(r.out() + r.err()).as(r.toString())
                    .contains(rules.resolve("later.drl") + ":8")
                    .contains("cannot type the expression 'after $a'")
                    .doesNotContain("internal error", "Exception");
        }
    }
}
