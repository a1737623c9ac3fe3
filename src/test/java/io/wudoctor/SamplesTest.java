package io.wudoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.TestRules;
import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.Step;
import io.wudoctor.Wudoctor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every facts sample listed in facts-samples/README.md is diagnosed and must put the step the
 * table names first, and must contain the documented fix the table names.
 */
class SamplesTest {

    private static final Path DIR = Path.of("facts-samples");

    /** One row of the README's table. */
    record Row(String sample, String firstStep, String documentedFix) {
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("README.md"), StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (!l.startsWith("| `")) {
                continue;
            }
            String[] cells = l.substring(1, l.length() - 1).split("\\|");
            assertThat(cells).as("README row: " + l).hasSizeGreaterThanOrEqualTo(4);
            rows.add(new Row(code(cells[0]), code(cells[cells.length - 2]), code(cells[cells.length - 1])));
        }
        return rows;
    }

    private static String code(String cell) {
        String c = cell.strip();
        assertThat(c).as("a cell in backticks").startsWith("`").endsWith("`");
        return c.substring(1, c.length() - 1);
    }

    @Test
    void everySampleIsListedOnceAndEveryRowHasASample() throws IOException {
        List<String> listed = rows().stream().map(Row::sample).toList();
        List<String> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(files);
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
    }

    @TestFactory
    Stream<DynamicTest> eachSamplePutsTheExpectedStepFirst() throws IOException {
        Wudoctor doctor = TestRules.builtin();
        return rows().stream().map(r -> DynamicTest.dynamicTest(r.sample(), () -> {
            Diagnosis d = doctor.diagnose(Wudoctor.readFacts(DIR.resolve(r.sample())));
            List<String> steps = d.steps().stream().map(Step::fixId).toList();
            assertThat(steps).as(r.sample() + " plan").isNotEmpty();
            assertThat(steps.get(0)).as(r.sample() + " first step; plan " + steps).isEqualTo(r.firstStep());
            assertThat(steps).as(r.sample() + " documented fix").contains(r.documentedFix());
        }));
    }
}
