package io.wudoctor.internal.engine.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.api.RuleProblem;
import io.wudoctor.internal.kb.PackFile;
import io.wudoctor.internal.kb.RulePack;
import io.wudoctor.internal.kb.RulePackLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustScanTest {

    private static final String HEAD = "package wudoctor.rules;\nimport io.wudoctor.facts.*;\n";

    private static List<RuleProblem> scan(String drl) {
        return TrustScan.scan(new PackFile("x.drl", drl));
    }

    /** A rule whose consequence (line 7) is {@code body}. */
    private static String rule(String body) {
        return HEAD + "rule \"r1\"\n  @id(\"r1\")\nwhen\n  $i : Incident()\nthen\n" + body + "\nend\n";
    }

    @Test
    void builtinRulesPass() {
        RulePack pack = new RulePackLoader().builtin().load();
        assertThat(pack.drl()).isNotEmpty();
        assertThat(TrustScan.refusals(pack.drl())).isEmpty();
    }

    @Test
    void plainRuleWithAllowedImportsPasses() {
        String drl = "package wudoctor.rules;\nimport io.wudoctor.facts.*;\nimport java.util.*;\nimport java.util.regex.Pattern;\n"
                + "import java.lang.Math;\nimport static java.lang.Math.max;\nimport java.time.Duration;\n"
                + "rule \"ok\"\nwhen\n  $m : LogMatch(text matches \".*System.exit.*\")\nthen\n"
                + "  // System.exit(1) in a comment is harmless; so is \"java.io.File\" in a string\n"
                + "  /* Runtime.getRuntime() */ List<String> l = new ArrayList<>(); String s = String.format(\"%s\", Math.max(1, 2));\n"
                + "  insert(Finding.of(kcontext, \"c\", 0.5, $m).param(\"p\", \"C:\\\\users\\\\x\"));\nend\n";
        assertThat(scan(drl)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "  java.io.File f = new java.io.File(\"x\");",
            "  java.nio.file.Files.readString(java.nio.file.Path.of(\"x\"));",
            "  new java.net.Socket(\"h\", 80);",
            "  System.exit(0);",
            "  String h = System.getenv(\"HOME\");",
            "  Runtime.getRuntime().exec(\"calc\");",
            "  new ProcessBuilder(\"calc\").start();",
            "  new Thread(() -> {}).start();",
            "  Object o = Class.forName(\"x\");",
            "  Object o = $i.getClass();",
            "  Object o = String.class;",
            "  Object o = kcontext.getKieRuntime();",
            "  drools.halt();",
            "  org.kie.api.KieServices.Factory.get();",
            "  io.wudoctor.Wudoctor.builder();",
            "  new java.util.Formatter(\"out.txt\");",
            "  javax.script.ScriptEngineManager m = null;",
            "  java.util.concurrent.Executors.newSingleThreadExecutor();",
            "  java . lang . reflect . Method m = null;",
            "  picocli.CommandLine c = null;",
            "  com.example.Helper.run();",
            "  other.rules.Other o = null;",
    })
    void unsafeConsequencesAreRefusedWithRuleAndLine(String body) {
        List<RuleProblem> problems = scan(rule(body));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file()).isEqualTo("x.drl");
        assertThat(problems.get(0).line()).isEqualTo(8);
        assertThat(problems.get(0).message()).startsWith("rule \"r1\": unsafe: ");
    }

    @Test
    void disallowedImportIsRefusedAsAnImport() {
        List<RuleProblem> problems = scan("package p;\nimport java.io.File;\nimport java.util.*;\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("import java.io.File").contains("files");
        });
    }

    @Test
    void functionsAndEvalAreScannedAndNamed() {
        String drl = HEAD + "function String home() {\n  return System.getProperty(\"user.home\");\n}\n"
                + "rule \"r2\"\nwhen\n  Incident()\n  eval(Class.forName(\"x\") != null)\nthen\nend\n";
        List<RuleProblem> problems = scan(drl);
        assertThat(problems).extracting(RuleProblem::line).containsExactly(4, 9);
        assertThat(problems.get(0).message()).startsWith("function home: unsafe: System");
        assertThat(problems.get(1).message()).startsWith("rule \"r2\": unsafe: Class");
    }

    @Test
    void unicodeEscapesAreRefusedEvenInComments() {
        // javac decodes a backslash-u escape such as 000a (a line break) before comments: the comment would end, the call run
        String drl = rule("  // \\u000a System.exit(0);");
        assertThat(scan(drl)).singleElement().satisfies(p -> assertThat(p.message()).contains("unicode escape"));
        // an escaped backslash followed by u is not an escape (a Windows path in a string)
        assertThat(scan(rule("  String p = \"C:\\\\users\";"))).isEmpty();
    }

    @Test
    void textBlocksCannotHideCode() {
        // A text block with a lone quote: a naive lexer would end up inside a string after it and miss the call.
        String drl = rule("  String s = \"\"\"\n a\"b\n \"\"\"; System.exit(0); String t = \"z\";");
        assertThat(scan(drl)).extracting(RuleProblem::message).anyMatch(m -> m.contains("System"));
    }

    @Test
    void characterLiteralsCannotHideCode() {
        String drl = rule("  char c = '\"'; System.exit(0); String s = \"x\";");
        assertThat(scan(drl)).extracting(RuleProblem::message).anyMatch(m -> m.contains("System"));
    }

    @Test
    void kcontextOnlyAsFindingOf() {
        assertThat(scan(rule("  insert(Finding.of( kcontext , \"c\", 0.5));"))).isEmpty();
        assertThat(scan(rule("  insert(Finding.of(kcontext.getKieRuntime(), \"c\", 0.5));"))).hasSize(1);
    }

    @Test
    void aPackageOfTheJdkOrOfALibraryIsRefused() {
        // in io.wudoctor.internal.engine, a rule would see DrlCompiler and friends without an import
        assertThat(scan("package io.wudoctor.internal.engine;\nimport io.wudoctor.facts.*;\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("unsafe: package io.wudoctor.internal.engine puts the rules"));
        assertThat(scan("package sun.misc;\n")).hasSize(1);
        assertThat(scan("package contoso.rules;\n")).isEmpty();
        assertThat(scan("package contoso.rules;\nrule \"x\"\nwhen\n  $d : contoso.rules.Declared()\nthen\nend\n")).isEmpty();
    }
}
