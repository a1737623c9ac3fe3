package io.wudoctor.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.wudoctor.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/authoring-rules.md, performed: the files its walk-through shows (the fenced blocks
 * marked {@code file=PATH}, taken verbatim from the guide) are added to a copy of the rules
 * folder, and the new rule must validate, be listed, be tested and fire, with no rebuild.
 */
class AuthoringGuideTest {

    private static final Pattern FILE_BLOCK = Pattern.compile("(?ms)^```\\w+ file=(\\S+)\\n(.*?)^```");
    private static final String RULE = "contoso-acme-cleaner-deleted-update-files";

    @TempDir
    static Path tmp;
    static Path rules;
    static Map<String, String> guideFiles;

    @BeforeAll
    static void followTheGuide() throws IOException {
        rules = CliRun.copyTree(Path.of("rules"), tmp.resolve("rules"));
        guideFiles = new LinkedHashMap<>();
        Matcher m = FILE_BLOCK.matcher(Files.readString(Path.of("docs", "authoring-rules.md")));
        while (m.find()) {
            guideFiles.put(m.group(1), m.group(2));
            // the guide's my-rules/ folder goes into the copied rules folder; the facts file next to it
            Path target = m.group(1).startsWith("my-rules/") ? rules.resolve(m.group(1)) : tmp.resolve(m.group(1));
            Files.createDirectories(target.getParent());
            Files.writeString(target, m.group(2));
        }
    }

    private static CliRun run(String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--no-builtin-rules";
        all[args.length + 1] = "--rules";
        all[args.length + 2] = rules.toString();
        return CliRun.of(all);
    }

    @Test
    void theGuideShowsASignatureAFixARuleATestCaseAndFacts() {
        assertThat(guideFiles.keySet()).containsExactly("my-rules/contoso.signatures.yaml", "my-rules/contoso.fixes.yaml",
                "my-rules/contoso.drl", "my-rules/tests/contoso.tests.yaml", "acme-cleaner-facts.yaml");
    }

    @Test
    void validatePasses() {
        CliRun r = run("rules", "validate");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).doesNotContain(": error: ").doesNotContain("contoso").containsPattern("(?m)^0 errors, ");
    }

    @Test
    void theNewRuleIsListed() throws IOException {
        CliRun r = run("rules", "list", "--format", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode listed = null;
        for (JsonNode n : new JsonMapper().readTree(r.out()).get("rules")) {
            if (n.get("id").asText().equals(RULE)) {
                listed = n;
            }
        }
        assertThat(listed).as(r.out()).isNotNull();
        assertThat(listed.get("file").asText()).isEqualTo(rules.resolve("my-rules/contoso.drl").toString());
        assertThat(listed.get("line").asInt()).isEqualTo(6);
        assertThat(listed.get("status").asText()).isEqualTo("test");
        assertThat(listed.get("tests").asInt()).isEqualTo(1);
    }

    @Test
    void theNewRuleIsTested() {
        CliRun r = run("rules", "test");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("PASS " + rules.resolve("my-rules/tests/contoso.tests.yaml")
                + ":3  Acme Cleaner's deletions point at the cleanup tool and its fix").containsPattern("(?m)^\\d+ passed, 0 failed$");
    }

    @Test
    void theNewRuleFiresInDiagnose() {
        CliRun r = run("diagnose", tmp.resolve("acme-cleaner-facts.yaml").toString(), "--explain");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Stop Acme Cleaner from deleting the update cache")
                .contains("sc stop AcmeCleaner")
                .contains("1. " + RULE)
                .contains("matched Application.evtx:1: AcmeCleaner: removed 42 files");
    }
}
