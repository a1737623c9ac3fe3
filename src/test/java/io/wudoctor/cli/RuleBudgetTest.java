package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules the trust check allows but that never end (src/test/resources/unbounded-rules): each
 * diagnosis stops at the rule budget with exit 4 naming the rule, and no stack trace.
 */
class RuleBudgetTest {

    private static final Path SUITE = Path.of("src/test/resources/unbounded-rules");

    @TempDir
    Path dir;

    static List<String> unbounded() throws IOException {
        try (Stream<Path> files = Files.list(SUITE)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("unbounded")
    void endsWithinTheBudgetNamingTheRule(String name) throws IOException {
        Files.copy(SUITE.resolve(name), dir.resolve(name));
        String rule = Files.readString(SUITE.resolve(name)).lines().filter(l -> l.startsWith("rule "))
                .findFirst().orElseThrow().substring(5);
        long start = System.nanoTime();
        CliRun r = CliRun.of("diagnose", "facts-samples/no-evidence.yaml", "--no-builtin-rules", "--rules", dir.toString(),
                "--rule-time-limit", "1");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).as(r.toString()).contains("stopped").doesNotContain("\tat ").doesNotContain("Exception");
        if (!name.startsWith("condition")) {
            assertThat(r.err()).contains("rule '" + rule.replace("\"", "") + "'");
        }
        // the compile takes most of it; the rules themselves stop at 1 s (memory and stack sooner)
        assertThat(millis).as("milliseconds to exit").isLessThan(60_000);
    }
}
