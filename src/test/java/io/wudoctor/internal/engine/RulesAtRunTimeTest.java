package io.wudoctor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wudoctor.TestRules;
import io.wudoctor.api.BadRulesException;
import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.RuleProblem;
import io.wudoctor.Wudoctor;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.Incident;
import io.wudoctor.facts.Surface;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An analyst's rule folder is read at run time: new rules fire, broken ones are reported precisely. */
class RulesAtRunTimeTest {

    private static final String CATALOG = """
            schemaVersion: 1
            causes:
              - id: store-cache
                title: Microsoft Store cache damaged
                source: {document: analyst-notes.md, section: Store}
            """;
    private static final String FIXES = """
            schemaVersion: 1
            fixes:
              - id: wsreset
                title: Reset the Microsoft Store cache
                source: {document: analyst-notes.md, section: Store}
                risk: low
                commands: [wsreset.exe]
            """;
    private static final String RULE = """
            package analyst;
            import io.wudoctor.facts.*;

            rule "store-0x80070002"
                @id("store-0x80070002")
            when
                $i : Incident(surface == Surface.MICROSOFT_STORE)
            then
                insert(Finding.of(kcontext, "store-cache", 0.6, $i).recommend("wsreset"));
            end
            """;

    private static Wudoctor analystOnly(Path dir) {
        return Wudoctor.builder().builtinRules(false).rulesDir(dir).cacheDir(TestRules.CACHE).build();
    }

    @Test
    void aRuleWrittenIntoAFolderFiresWithoutRebuilding(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("store.causes.yaml"), CATALOG);
        Files.writeString(dir.resolve("store.fixes.yaml"), FIXES);
        Files.writeString(dir.resolve("store.drl"), RULE);
        Diagnosis d = analystOnly(dir).diagnose(Facts.of(new Incident(Surface.MICROSOFT_STORE, null, null, null)));
        assertThat(d.findings()).extracting(f -> f.id()).containsExactly("store-cache");
        assertThat(d.steps()).singleElement().satisfies(s -> {
            assertThat(s.fixId()).isEqualTo("wsreset");
            assertThat(s.commands()).containsExactly("wsreset.exe");
            assertThat(s.confidence()).isEqualTo(0.6);
        });
        // and it does not fire where its condition does not hold
        assertThat(analystOnly(dir).diagnose(Facts.of(new Incident(Surface.BACKUP, null, null, null))).findings()).isEmpty();
    }

    @Test
    void anAnalystRuleAddsToTheBuiltinKnowledge(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("store.causes.yaml"), CATALOG);
        Files.writeString(dir.resolve("store.fixes.yaml"), FIXES);
        Files.writeString(dir.resolve("store.drl"), RULE);
        Wudoctor both = Wudoctor.builder().rulesDir(dir).cacheDir(TestRules.CACHE).build();
        Diagnosis d = both.diagnose(Facts.of(new Incident(Surface.MICROSOFT_STORE, null, null, null)));
        assertThat(d.steps()).extracting(s -> s.fixId()).contains("wsreset");
    }

    @Test
    void everyCompileErrorIsReportedWithFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a-syntax.drl"), """
                package analyst;
                import io.wudoctor.facts.*;
                rule "broken"
                when
                    Incident(surface == )
                then
                end
                """);
        Files.writeString(dir.resolve("b-field.drl"), """
                package analyst;
                import io.wudoctor.facts.*;

                rule "unknown-field"
                when
                    Incident(colour == "red")
                then
                end
                """);
        assertThatThrownBy(() -> analystOnly(dir))
                .isInstanceOfSatisfying(BadRulesException.class, e -> {
                    assertThat(e.problems()).extracting(RuleProblem::file)
                            .contains(dir.resolve("a-syntax.drl").toString(), dir.resolve("b-field.drl").toString());
                    assertThat(e.problems()).filteredOn(p -> p.file().endsWith("a-syntax.drl"))
                            .allSatisfy(p -> assertThat(p.line()).isEqualTo(5));
                    assertThat(e.problems()).filteredOn(p -> p.file().endsWith("b-field.drl"))
                            .allSatisfy(p -> assertThat(p.line()).isEqualTo(6))
                            .anySatisfy(p -> assertThat(p.message()).contains("colour"));
                });
    }

    @Test
    void catalogErrorsAreCollectedWithFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.fixes.yaml"), FIXES + "  - id: wsreset\n    title: again\n    source: {document: d}\n");
        Files.writeString(dir.resolve("y.causes.yaml"), "schemaVersion: 1\ncauses:\n  - id: c\n    titel: typo\n");
        Files.writeString(dir.resolve("notes.yaml"), "just: notes\n");
        assertThatThrownBy(() -> analystOnly(dir)).isInstanceOfSatisfying(BadRulesException.class, e ->
                assertThat(e.problems()).extracting(RuleProblem::toString).containsExactlyInAnyOrder(
                        dir.resolve("notes.yaml") + ": unknown kind of rule file: name it *.drl, *.causes.yaml, "
                                + "*.fixes.yaml, *.signatures.yaml or *.tests.yaml",
                        dir.resolve("x.fixes.yaml") + ":8: duplicate fix id 'wsreset' (first defined at "
                                + dir.resolve("x.fixes.yaml") + ":3)",
                        dir.resolve("y.causes.yaml") + ":3: causes[0].title: missing required field 'title'"));
    }

    private static String ruleWithConsequence(String consequence) {
        return """
                package analyst;
                import io.wudoctor.facts.*;
                rule "loops"
                    @id("loops")
                when
                    $i : Incident()
                then
                    %s
                end
                """.formatted(consequence);
    }

    @Test
    void aRuleThatKeepsFiringIsStoppedWithAClearError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("store.causes.yaml"), CATALOG);
        Files.writeString(dir.resolve("loop.drl"), ruleWithConsequence("insert(Finding.of(kcontext, \"store-cache\", 0.5, $i));"));
        Wudoctor doctor = Wudoctor.builder().builtinRules(false).rulesDir(dir).cacheDir(TestRules.CACHE).maxFirings(50).build();
        // a fresh Finding per firing does not re-trigger; make the rule re-trigger itself instead
        assertThat(doctor.diagnose(Facts.of(new Incident(Surface.BACKUP, null, null, null))).findings()).hasSize(1);
        Files.writeString(dir.resolve("loop.drl"),
                ruleWithConsequence("insert(new Incident(Surface.BACKUP, \"0x80070002\", null, null));"));
        Wudoctor looping = Wudoctor.builder().builtinRules(false).rulesDir(dir).cacheDir(TestRules.CACHE).maxFirings(50).build();
        assertThatThrownBy(() -> looping.diagnose(Facts.of(new Incident(Surface.BACKUP, null, null, null))))
                .isInstanceOf(BadRulesException.class)
                .hasMessageContaining("fired more than 50 times")
                .hasMessageContaining("loops");
    }

    /** A tool that writes one log match per matching line is busy, not looping: 12,000 firings give a plan, not exit 4. */
    @Test
    void manyFactsAreNotALoop(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("store.causes.yaml"), CATALOG);
        Files.writeString(dir.resolve("store.fixes.yaml"), FIXES);
        Files.writeString(dir.resolve("store.drl"), """
                package analyst;
                import io.wudoctor.facts.*;

                rule "store-log-line"
                    @id("store-log-line")
                when
                    $m : LogMatch(signature == "store-line")
                then
                    insert(Finding.of(kcontext, "store-cache", 0.6, $m).recommend("wsreset"));
                end
                """);
        java.util.List<io.wudoctor.facts.LogMatch> matches = java.util.stream.LongStream.rangeClosed(1, 12_000)
                .mapToObj(i -> new io.wudoctor.facts.LogMatch(io.wudoctor.facts.LogKind.CBS, "store-line", "CBS.log", i, null,
                        "line " + i, null, 1))
                .toList();
        Facts facts = Facts.builder().incident(new Incident(Surface.MICROSOFT_STORE, null, null, null))
                .logMatches(matches).build();

        Diagnosis d = analystOnly(dir).diagnose(facts);

        assertThat(d.findings()).singleElement().satisfies(f -> assertThat(f.evidence()).hasSize(12_000));
        assertThat(d.steps()).singleElement().satisfies(s -> assertThat(s.evidence()).hasSize(12_000));
    }

    /** diagnose refuses a rule's unknown fix as rules validate does: at the literal's file and line, with a suggestion. */
    @Test
    void anUnknownFixIsReportedAtItsLineWithASuggestion(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("store.causes.yaml"), CATALOG);
        Files.writeString(dir.resolve("store.fixes.yaml"), FIXES);
        Files.writeString(dir.resolve("store.drl"), RULE.replace(".recommend(\"wsreset\")", ".recommend(\"wsrest\")"));

        assertThatThrownBy(() -> analystOnly(dir).diagnose(Facts.of(new Incident(Surface.MICROSOFT_STORE, null, null, null))))
                .isInstanceOfSatisfying(BadRulesException.class, e -> assertThat(e.problems()).extracting(RuleProblem::toString)
                        .containsExactly(dir.resolve("store.drl") + ":9: rule \"store-0x80070002\": recommends unknown fix 'wsrest' "
                                + "(did you mean 'wsreset'?)"));
    }

    @Test
    void theSecondBuildOfTheSameRulesComesFromTheCacheAndAnEditInvalidatesIt(@TempDir Path dir, @TempDir Path cache)
            throws Exception {
        Files.writeString(dir.resolve("store.causes.yaml"), CATALOG);
        Files.writeString(dir.resolve("store.fixes.yaml"), FIXES);
        Files.writeString(dir.resolve("store.drl"), RULE);
        Wudoctor.Builder b = Wudoctor.builder().builtinRules(false).rulesDir(dir).cacheDir(cache);
        assertThat(b.build().rulesInfo()).contains("compiled");
        assertThat(b.build().rulesInfo()).contains("loaded from cache");
        Files.writeString(dir.resolve("store.drl"), RULE.replace("0.6", "0.65"));
        Wudoctor edited = b.build();
        assertThat(edited.rulesInfo()).contains("compiled");
        assertThat(edited.diagnose(Facts.of(new Incident(Surface.MICROSOFT_STORE, null, null, null))).steps().get(0).confidence())
                .isEqualTo(0.65);
    }

    @Test
    void aCorruptCacheFileIsRebuiltNotTrusted(@TempDir Path dir, @TempDir Path cache) throws Exception {
        Files.writeString(dir.resolve("store.causes.yaml"), CATALOG);
        Files.writeString(dir.resolve("store.fixes.yaml"), FIXES);
        Files.writeString(dir.resolve("store.drl"), RULE);
        Wudoctor.Builder b = Wudoctor.builder().builtinRules(false).rulesDir(dir).cacheDir(cache);
        b.build();
        try (var files = Files.list(cache)) {
            for (Path p : files.toList()) {
                Files.write(p, new byte[] {1, 2, 3});
            }
        }
        Wudoctor rebuilt = b.build();
        assertThat(rebuilt.rulesInfo()).contains("compiled");
        assertThat(rebuilt.diagnose(Facts.of(new Incident(Surface.MICROSOFT_STORE, null, null, null))).steps()).hasSize(1);
    }
}
