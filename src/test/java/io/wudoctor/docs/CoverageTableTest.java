package io.wudoctor.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/knowledge-coverage.md: every row names its rules, a sample and a test case (or says why
 * not, in a cell starting with "—"), and every rule id, sample file and test case it names exists.
 */
class CoverageTableTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final int RULES = 8;
    private static final int SAMPLE = 9;
    private static final int TEST = 10;

    @Test
    void everyRowIsFilledAndPointsAtThingsThatExist() throws IOException {
        Set<String> ruleIds = ruleIds();
        Set<String> samples = new LinkedHashSet<>();
        try (Stream<Path> s = Files.list(Path.of("facts-samples"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).forEach(samples::add);
        }
        Map<String, List<String>> cases = caseNames();
        List<String> problems = new ArrayList<>();
        int rows = 0;
        Set<String> rulesCovered = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of("docs", "knowledge-coverage.md"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("| R")) {
                continue;
            }
            rows++;
            String[] cells = line.strip().substring(1).split("(?<!\\\\)\\|");
            String id = cells[0].strip();
            if (cells.length < 11) {
                problems.add(id + ": " + cells.length + " cells");
                continue;
            }
            String rules = cells[RULES].strip();
            String sample = cells[SAMPLE].strip();
            String test = cells[TEST].strip();
            for (String cell : new String[] {rules, sample, test}) {
                if (cell.isEmpty() || cell.contains("TODO") || cell.equals("—")) {
                    problems.add(id + ": empty cell '" + cell + "'");
                }
            }
            List<String> named = codes(rules);
            if (!rules.startsWith("—")) {
                if (named.isEmpty()) {
                    problems.add(id + ": no rule id");
                }
                named.stream().filter(r -> !ruleIds.contains(r)).forEach(r -> problems.add(id + ": unknown rule " + r));
            }
            named.stream().filter(ruleIds::contains).forEach(rulesCovered::add);
            List<String> sampleNames = codes(sample);
            if (sampleNames.isEmpty()) {
                problems.add(id + ": no sample");
            }
            sampleNames.stream().filter(n -> !samples.contains(n)).forEach(n -> problems.add(id + ": unknown sample " + n));
            if (!test.startsWith("—")) {
                List<String> refs = codes(test);
                if (refs.isEmpty()) {
                    problems.add(id + ": no test case");
                }
                for (String ref : refs) {
                    int colon = ref.indexOf(": ");
                    List<String> inFile = colon < 0 ? null : cases.get(ref.substring(0, colon));
                    String prefix = colon < 0 ? "" : ref.substring(colon + 2);
                    if (inFile == null || inFile.stream().noneMatch(n -> n.startsWith(prefix))) {
                        problems.add(id + ": no test case '" + ref + "'");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(rows).isGreaterThanOrEqualTo(177);
        assertThat(ruleIds).as("rules no row of the coverage table names").isSubsetOf(rulesCovered);
    }

    private static List<String> codes(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Set<String> ruleIds() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        Pattern id = Pattern.compile("@id\\(\"([^\"]+)\"\\)");
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                Matcher m = id.matcher(Files.readString(p, StandardCharsets.UTF_8));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }

    private static Map<String, List<String>> caseNames() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(Path.of("rules", "tests"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".tests.yaml")).sorted().toList()) {
                List<String> names = new ArrayList<>();
                for (JsonNode c : yaml.readTree(p.toFile()).get("cases")) {
                    names.add(c.get("name").asText());
                }
                out.put(p.getFileName().toString().replace(".tests.yaml", ""), names);
            }
        }
        return out;
    }
}
