package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.TestRules;
import io.wudoctor.api.GatherListener;
import io.wudoctor.facts.Facts;
import io.wudoctor.internal.gather.factsfile.FactsReader;
import io.wudoctor.internal.gather.SourceLoader;
import io.wudoctor.testing.Roots;
import io.wudoctor.testing.Zips;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The evidence roads through the command line: roots, bundles, collect, and what is refused. */
class EvidenceCliTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void useTheTestCache() {
        System.setProperty("wudoctor.cacheDir", io.wudoctor.TestRules.CACHE.toString());
    }

    /** Microsoft's symptom 1 from a root: the log line and the empty .NET folder make the rule fire. */
    @Test
    void diagnoseRootFindsTheDocumentedCauseWithFileAndLine() {
        Path root = Roots.microsoftSymptoms(tmp.resolve("root"));

        CliTest.Run run = CliTest.run("diagnose", root.toString(), "--format", "json");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"clr-optimization-service-orphaned\"", "\"file\" : \"C:\\\\Windows\\\\Logs\\\\CBS\\\\CBS.log\"",
                "\"line\" : 2");
    }

    @Test
    void diagnoseBundleZipDoesTheSame() {
        Path zip = Zips.ofFolder(tmp.resolve("bundle.zip"), Roots.microsoftSymptoms(tmp.resolve("root")), "\\");

        CliTest.Run run = CliTest.run("diagnose", zip.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Most likely cause: .NET NGEN service", "C:\\Windows\\Logs\\CBS\\CBS.log:2");
    }

    /** Compressing the folder itself (Explorer's "Send to > Compressed folder") puts it at the top of the zip. */
    @Test
    void aBundleThatHoldsItsFolderIsReadFromInsideIt() throws IOException {
        Path outer = Files.createDirectories(tmp.resolve("outer"));
        Roots.microsoftSymptoms(outer.resolve("evidence"));
        Path zip = Zips.ofFolder(tmp.resolve("bundle.zip"), outer, "/");

        CliTest.Run run = CliTest.run("diagnose", zip.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Most likely cause: .NET NGEN service");
    }

    /** The temporary folder a bundle is unpacked into means nothing to the person who passed the zip. */
    @Test
    void bundleMessagesNameTheZipAndTheEntryNotTheTemporaryFolder() throws IOException {
        Path empty = Zips.write(tmp.resolve("empty.zip"), new LinkedHashMap<>());
        Path badFacts = Zips.write(tmp.resolve("bad-facts.zip"),
                Zips.entry("facts.yaml", "schemaVersion: 1\nincident: {surface: nowhere}\n"));

        CliTest.Run nothing = CliTest.run("diagnose", empty.toString());
        CliTest.Run invalid = CliTest.run("diagnose", badFacts.toString());

        assertThat(nothing.code()).isEqualTo(3);
        assertThat(nothing.err()).startsWith("wudoctor: " + empty + ": found nothing to read").doesNotContain("wudoctor-bundle-");
        assertThat(invalid.code()).isEqualTo(3);
        assertThat(invalid.err()).startsWith("wudoctor: " + badFacts + "!/facts.yaml:2:")
                .contains("'nowhere' is not one of").doesNotContain("wudoctor-bundle-");
    }

    @Test
    void collectRootWritesAFactsFileThatReadsBackIdentically() {
        Path root = Roots.microsoftSymptoms(tmp.resolve("root"));
        Path out = tmp.resolve("facts.yaml");

        CliTest.Run run = CliTest.run("collect", "--root", root.toString(), "-o", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        Facts written = FactsReader.read(out);
        assertThat(written).isEqualTo(SourceLoader.load(root, TestRules::signatures, GatherListener.SILENT));
        assertThat(written.logMatches()).hasSize(8);
        assertThat(written.paths()).isNotEmpty();
        assertThat(written.events()).hasSize(1);
    }

    @Test
    void collectToStdoutThenDiagnoseTheFile() throws IOException {
        CliTest.Run collect = CliTest.run("collect", "--root", Roots.microsoftSymptoms(tmp.resolve("root")).toString());
        Path file = Files.writeString(tmp.resolve("collected.yaml"), collect.out());

        CliTest.Run diagnose = CliTest.run("diagnose", file.toString());

        assertThat(collect.out()).startsWith("# Facts gathered by 'wudoctor collect' from ").contains("schemaVersion: 1");
        assertThat(diagnose.code()).as(diagnose.err()).isZero();
        assertThat(diagnose.out()).contains("Most likely cause: .NET NGEN service");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void withoutRootOrSourceOffWindowsSaysWhatToPass() {
        CliTest.Run collect = CliTest.run("collect");
        CliTest.Run diagnose = CliTest.run("diagnose");

        assertThat(collect.code()).isEqualTo(2);
        assertThat(collect.err()).contains("nothing to collect from: live collection runs on Windows only", "--root /mnt/c");
        assertThat(diagnose.code()).isEqualTo(2);
        assertThat(diagnose.err()).contains("missing SOURCE: live collection runs on Windows only", "a bundle .zip");
    }

    @Test
    void maliciousBundlesAreRefusedWithExit3AndWriteNothingOutside() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Windows/Logs/CBS/CBS.log", "x\n".getBytes(StandardCharsets.UTF_8));
        entries.put("../../evil-outside.txt", "pwned".getBytes(StandardCharsets.UTF_8));
        Path traversal = Zips.write(tmp.resolve("traversal.zip"), entries);
        Path absolute = Zips.write(tmp.resolve("absolute.zip"), Zips.entry(tmp.resolve("evil-absolute.txt").toString(), "pwned"));
        Path truncated = Zips.truncated(Zips.ofFolder(tmp.resolve("whole.zip"), Roots.microsoftSymptoms(tmp.resolve("root")), "/"),
                tmp.resolve("truncated.zip"), 3000);

        for (Path zip : new Path[] {traversal, absolute, truncated}) {
            CliTest.Run run = CliTest.run("diagnose", zip.toString());
            assertThat(run.code()).as(zip.toString()).isEqualTo(3);
            assertThat(run.err()).startsWith("wudoctor: " + zip).doesNotContain("Exception", "\tat ");
        }
        // /tmp is shared with other processes whose folders come and go: a vanished entry is not a failure
        List<Path> evil = new ArrayList<>();
        Files.walkFileTree(tmp.getParent(), java.util.Set.of(), 2, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path p, java.nio.file.attribute.BasicFileAttributes a) {
                if (p.getFileName().toString().startsWith("evil-")) {
                    evil.add(p);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        assertThat(evil).isEmpty();
    }

    @Test
    void aBadSignaturePatternInAnAnalystsFolderIsExit4WithFileAndLine() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("mine.signatures.yaml"), io.wudoctor.testing.BadRules.TWO_BAD_PATTERNS);

        CliTest.Run run = CliTest.run("diagnose", Roots.microsoftSymptoms(tmp.resolve("root")).toString(), "--rules", rules.toString());

        assertThat(run.code()).isEqualTo(4);
        assertThat(run.err()).contains("2 problem(s) in the rules", "mine.signatures.yaml:8: signature 'unclosed-group': invalid regex",
                "mine.signatures.yaml:11: signature 'bad-quantifier': invalid regex");
    }

    /** An analyst's new signature, in a folder passed with --rules, is scanned for without a rebuild. */
    @Test
    void collectScansForTheSignaturesOfRulesFolders() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("mine.signatures.yaml"), """
                schemaVersion: 1
                signatures:
                  - id: my-advanced-installer-phase
                    log: cbs
                    pattern: 'Begin executing advanced installer phase (?<phase>\\d+)'
                """);
        Path out = tmp.resolve("facts.yaml");

        CliTest.Run run = CliTest.run("collect", "--root", Roots.microsoftSymptoms(tmp.resolve("root")).toString(),
                "--rules", rules.toString(), "-o", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(FactsReader.read(out).logMatches()).filteredOn(m -> m.signature().equals("my-advanced-installer-phase"))
                .singleElement().satisfies(m -> {
                    assertThat(m.line()).isEqualTo(1);
                    assertThat(m.captures()).containsEntry("phase", "50");
                });
        Files.writeString(rules.resolve("bad.signatures.yaml"), io.wudoctor.testing.BadRules.TWO_BAD_PATTERNS);
        assertThat(CliTest.run("collect", "--root", tmp.resolve("root").toString(), "--rules", rules.toString()).code())
                .isEqualTo(4);
    }

    @Test
    void notAFactsFileFolderOrZip() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");

        CliTest.Run run = CliTest.run("diagnose", text.toString());

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("a folder laid out like a Windows system drive, or a bundle .zip");
    }
}
