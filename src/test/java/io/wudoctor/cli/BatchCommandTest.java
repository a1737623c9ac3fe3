package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wudoctor.testing.Roots;
import io.wudoctor.testing.Zips;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wudoctor batch} end to end: records, error records for hostile sources, --resume, the summary. */
class BatchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    @BeforeAll
    static void useTheTestCache() {
        CliTest.useTheTestCache();
    }

    /** Every worked example as a facts file, a real-log bundle, and the three hostile sources. */
    private Path fleet() throws IOException {
        Path fleet = Files.createDirectories(tmp.resolve("fleet"));
        try (Stream<Path> samples = Files.list(Path.of("facts-samples"))) {
            for (Path s : samples.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.copy(s, fleet.resolve(s.getFileName()));
            }
        }
        Zips.ofFolder(fleet.resolve("machine-symptoms.zip"), Roots.microsoftSymptoms(tmp.resolve("root")), "/");
        Files.writeString(fleet.resolve("notes.txt"), "not a source: passed over in a folder");
        Files.writeString(fleet.resolve("hostile-syntax.yaml"), "schemaVersion: 1\nincident:\n  surface: windows-update\n"
                + "  kb: \"KB5034441\n");
        Files.write(fleet.resolve("hostile-corrupt.zip"), "PK\u0003\u0004 cut short".getBytes(StandardCharsets.ISO_8859_1));
        Zips.write(fleet.resolve("hostile-bomb.zip"), Map.of("Windows/Logs/CBS/CBS.log", Zips.zeros(8 << 20)));
        return fleet;
    }

    private static List<JsonNode> records(String jsonl) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    private static JsonNode bySource(List<JsonNode> records, String fileName) {
        return records.stream().filter(r -> r.get("source").asText().endsWith("/" + fileName)).findFirst().orElseThrow();
    }

    @Test
    void eachHostileSourceIsOneErrorRecordAndTheRunGoesOn() throws IOException {
        Path fleet = fleet();
        CliTest.Run r = run("batch", fleet.toString(), "--max-bundle-mb", "1", "--jobs", "2");

        List<JsonNode> records = records(r.out());
        long samples = Files.list(Path.of("facts-samples")).filter(p -> p.toString().endsWith(".yaml")).count();
        assertThat(records).hasSize((int) samples + 4); // not notes.txt
        assertThat(r.code()).isEqualTo(6);
        assertThat(r.err()).contains("3 FAILED");
        assertThat(records.stream().filter(x -> x.get("status").asText().equals("error")).map(x -> x.get("source").asText()))
                .hasSize(3).allMatch(s -> s.contains("/hostile-"));
        assertThat(bySource(records, "hostile-bomb.zip").get("error").get("message").asText()).contains("zip bomb");
        assertThat(bySource(records, "hostile-corrupt.zip").get("error").get("message").asText()).contains("zip");
        JsonNode syntax = bySource(records, "hostile-syntax.yaml").get("error");
        assertThat(syntax.get("exitCode").asInt()).isEqualTo(3);
        assertThat(syntax.get("kind").asText()).isEqualTo("bad-input");
        assertThat(syntax.get("message").asText()).containsPattern("hostile-syntax\\.yaml:\\d+:\\d+: ");
        // the real-log bundle after the hostile ones was diagnosed from its logs
        JsonNode bundle = bySource(records, "machine-symptoms.zip");
        assertThat(bundle.get("status").asText()).isEqualTo("ok");
        assertThat(bundle.get("report").get("findings").get(0).get("id").asText()).isEqualTo("clr-optimization-service-orphaned");
    }

    @Test
    void aRecordHoldsTheReportDiagnoseJsonPrintsAndTheMachinesKbAndBuild() throws IOException {
        String sample = "facts-samples/ms-s1-clr-optimization.yaml";
        CliTest.Run batch = run("batch", sample);
        CliTest.Run diagnose = run("diagnose", sample, "--format", "json");

        assertThat(batch.code()).isZero();
        JsonNode record = JSON.readTree(batch.out());
        assertThat(record.get("source").asText()).isEqualTo(Path.of(sample).toAbsolutePath().toString());
        assertThat(record.get("status").asText()).isEqualTo("ok");
        assertThat(record.get("machine").get("kb").asText()).isEqualTo("KB4462923");
        assertThat(record.get("machine").get("osBuild").asText()).isEqualTo("14393.2457");
        assertThat(record.get("report")).isEqualTo(JSON.readTree(diagnose.out()));
        assertThat(batch.out()).hasLineCount(1);
    }

    @Test
    void resumeAfterATornLastLineGivesTheUninterruptedOutputByteForByte() throws IOException {
        Path fleet = fleet();
        Path full = tmp.resolve("full.jsonl");
        assertThat(run("batch", fleet.toString(), "--max-bundle-mb", "1", "-o", full.toString()).code()).isEqualTo(6);
        String whole = Files.readString(full);
        // A kill in the middle of writing record 11: ten whole lines and half of the eleventh.
        int cut = 0;
        for (int i = 0; i < 10; i++) {
            cut = whole.indexOf('\n', cut) + 1;
        }
        cut += (whole.indexOf('\n', cut) - cut) / 2;
        Path resumed = tmp.resolve("resumed.jsonl");
        Files.writeString(resumed, whole.substring(0, cut));
        String before = whole.substring(0, whole.lastIndexOf('\n', cut) + 1);

        CliTest.Run r = run("batch", fleet.toString(), "--max-bundle-mb", "1", "-o", resumed.toString(), "--resume");

        assertThat(r.err()).contains("torn record").contains("10 already in");
        assertThat(Files.readString(resumed)).startsWith(before).isEqualTo(whole);
    }

    @Test
    void resumeAfterARealKillMidRunRecordsEverySourceExactlyOnce() throws Exception {
        Path fleet = Files.createDirectories(tmp.resolve("many"));
        List<Path> samples;
        try (Stream<Path> s = Files.list(Path.of("facts-samples"))) {
            samples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int total = 600;
        for (int i = 0; i < total; i++) {
            Files.copy(samples.get(i % samples.size()), fleet.resolve(String.format("m%04d.yaml", i)));
        }
        Path out = tmp.resolve("killed.jsonl");
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "batch", fleet.toString(), "-o", out.toString(), "--jobs", "1")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());
        child.environment().put("WUDOCTOR_CACHE_DIR", io.wudoctor.TestRules.CACHE.toAbsolutePath().toString());
        Process p = child.start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (lines(out) < 20 && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            p.destroyForcibly().waitFor();
        }
        long written = lines(out);
        assertThat(written).as("killed mid-run (child log: %s)", Files.readString(tmp.resolve("child.log")))
                .isBetween(1L, total - 1L);

        CliTest.Run r = run("batch", fleet.toString(), "-o", out.toString(), "--resume");

        assertThat(r.code()).isZero();
        List<String> sources = new ArrayList<>();
        for (JsonNode rec : records(Files.readString(out))) {
            sources.add(rec.get("source").asText());
            assertThat(rec.get("status").asText()).isEqualTo("ok");
        }
        assertThat(sources).doesNotHaveDuplicates().hasSize(total);
        assertThat(sources).containsExactlyInAnyOrderElementsOf(
                Files.list(fleet).map(f -> f.toAbsolutePath().normalize().toString()).toList());
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] b = Files.readAllBytes(file);
        long n = 0;
        for (byte x : b) {
            n += x == '\n' ? 1 : 0;
        }
        return n;
    }

    @Test
    void anExistingOutputIsNeverOverwrittenWithoutResume() throws IOException {
        Path out = Files.writeString(tmp.resolve("earlier.jsonl"), "{\"source\":\"x\",\"status\":\"ok\"}\n");
        CliTest.Run r = run("batch", "facts-samples/no-evidence.yaml", "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("exists: add --resume");
        assertThat(Files.readString(out)).isEqualTo("{\"source\":\"x\",\"status\":\"ok\"}\n");
    }

    @Test
    void resumeRefusesAFileThatIsNotABatchOutput() throws IOException {
        Path out = Files.writeString(tmp.resolve("notes.jsonl"), "{\"source\":\"x\",\"status\":\"ok\"}\nhello\n");
        CliTest.Run r = run("batch", "facts-samples/no-evidence.yaml", "-o", out.toString(), "--resume");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("notes.jsonl:2: not a wudoctor batch record");
        assertThat(Files.readString(out)).endsWith("hello\n");
    }

    @Test
    void sourcesFromStdinAndTheSummaryInTextAndCsv() throws IOException {
        Path list = Files.writeString(tmp.resolve("list.txt"), "facts-samples/ms-s1-clr-optimization.yaml\n\n"
                + "facts-samples/no-evidence.yaml\nfacts-samples/does-not-exist.yaml\n");
        Path text = tmp.resolve("fleet.txt");
        Path csv = tmp.resolve("fleet.csv");
        var stdin = System.in;
        CliTest.Run r;
        try {
            System.setIn(Files.newInputStream(list));
            r = run("batch", "-", "--summary", text.toString(), "--summary", csv.toString());
        } finally {
            System.setIn(stdin);
        }
        assertThat(r.out()).hasLineCount(3);
        assertThat(r.code()).isEqualTo(6);
        assertThat(r.err()).contains("1 FAILED");
        assertThat(Files.readString(text)).contains("Fleet summary: 3 source(s): 2 machine(s) diagnosed, 1 error(s)")
                .contains("clr-optimization-service-orphaned").contains("(no specific diagnosis)")
                .contains("KB4462923 (1 machine(s))").contains("does-not-exist.yaml: no such file");
        assertThat(Files.readAllLines(csv)).contains("cause,,clr-optimization-service-orphaned,1,0.5000",
                "cause-by-kb,KB4462923,clr-optimization-service-orphaned,1,1.0000",
                "cause-by-os-build,14393.2457,clr-optimization-service-orphaned,1,1.0000",
                "total,,errors,1,0.3333", "error-kind,,bad-input,1,0.3333");
    }
}
