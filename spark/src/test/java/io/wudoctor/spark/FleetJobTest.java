package io.wudoctor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wudoctor.cli.Main;
import io.wudoctor.fleet.FleetTally;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local[2] mode against {@code wudoctor batch} on the same fleet: bundles built
 * from the repository's real logs (bench/MakeFleet.java), facts files, and three hostile sources.
 * Their records must be equal, record for record, and so must their summaries.
 */
class FleetJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPO = Path.of(System.getProperty("wudoctor.repo", "..")).toAbsolutePath().normalize();

    @TempDir
    static Path tmp;

    private static Path fleet;
    private static SparkSession spark;
    private static FleetTally sparkTally;
    private static Path out;

    @BeforeAll
    static void runBoth() throws Exception {
        fleet = tmp.resolve("fleet");
        Process make = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "bench/MakeFleet.java", fleet.toString(), "40", "12", "--hostile")
                .directory(REPO.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("make.log").toFile()).start();
        assertThat(make.waitFor()).as(Files.readString(tmp.resolve("make.log"))).isZero();
        // A folder of folders, as a rollout leaves them: the job and batch both walk into it.
        Files.createDirectories(fleet.resolve("site-b"));
        Files.move(fleet.resolve("bundle-0011.zip"), fleet.resolve("site-b/bundle-0011.zip"));

        spark = SparkSession.builder().master("local[2]").appName("wudoctor-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        out = tmp.resolve("spark-out");
        FleetJob job = new FleetJob();
        new picocli.CommandLine(job).parseArgs(fleet.toString(), "--output", out.toString(), "--max-bundle-mb", "16",
                "--partitions", "4");
        sparkTally = job.run(spark);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static String batch(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] command = Stream.concat(Stream.of("batch"), Stream.of(args)).toArray(String[]::new);
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), command);
        assertThat(code).as(e.toString()).isEqualTo(6); // the three hostile sources
        return o.toString();
    }

    /** Spark names a file by its Hadoop URI, batch by its path: the records are compared with the URI as the path. */
    private static Map<String, JsonNode> sparkRecords() throws IOException {
        Map<String, JsonNode> records = new HashMap<>();
        try (Stream<Path> parts = Files.list(out.resolve("records"))) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(part)) {
                    String uri = JSON.readTree(line).get("source").asText();
                    String path = Path.of(URI.create(uri)).toString();
                    assertThat(records.put(path, JSON.readTree(line.replace(uri, path)))).as("twice: " + path).isNull();
                }
            }
        }
        return records;
    }

    @Test
    void everyRecordEqualsTheRecordBatchWritesForTheSameSource() throws IOException {
        Map<String, JsonNode> batch = new HashMap<>();
        for (String line : batch(fleet.toString(), "--max-bundle-mb", "16").split("\n")) {
            JsonNode record = JSON.readTree(line);
            batch.put(record.get("source").asText(), record);
        }
        Map<String, JsonNode> spark = sparkRecords();

        assertThat(batch).hasSize(40 + 12 + 3);
        assertThat(spark.keySet()).isEqualTo(batch.keySet());
        batch.forEach((source, record) -> assertThat(spark.get(source)).as(source).isEqualTo(record));
        // not a trivially equal pair: real bundles diagnosed from their logs, and the hostile ones failed
        assertThat(batch.values().stream().filter(r -> r.get("status").asText().equals("error"))).hasSize(3);
        assertThat(batch.values().stream().filter(r -> r.get("source").asText().endsWith(".zip")
                && r.get("status").asText().equals("ok") && r.get("report").get("findings").size() > 0)).hasSizeGreaterThan(5);
    }

    @Test
    void theSummaryIsTheOneBatchWrites() throws IOException {
        Path csv = tmp.resolve("batch-summary.csv");
        Path text = tmp.resolve("batch-summary.txt");
        batch(fleet.toString(), "--max-bundle-mb", "16", "--summary", csv.toString(), "--summary", text.toString());

        assertThat(Files.readString(out.resolve("summary.csv"))).isEqualTo(Files.readString(csv));
        assertThat(Files.readString(out.resolve("summary.txt")).replace("file:" + fleet, fleet.toString()))
                .isEqualTo(Files.readString(text));
        assertThat(sparkTally.machines()).isEqualTo(52);
        assertThat(sparkTally.failed()).isEqualTo(3);
    }

    @Test
    void parquetHoldsTheSameRecordsWithTheirSummaryColumns() throws IOException {
        List<Row> rows = spark.read().parquet(out.resolve("parquet").toString()).collectAsList();
        Map<String, JsonNode> records = sparkRecords();

        assertThat(rows).hasSize(records.size());
        for (Row row : rows) {
            String uri = row.getAs("source");
            String path = Path.of(URI.create(uri)).toString();
            assertThat(JSON.readTree(row.<String>getAs("record").replace(uri, path))).isEqualTo(records.get(path));
            JsonNode report = records.get(path).path("report");
            assertThat(row.<String>getAs("status")).isEqualTo(records.get(path).get("status").asText());
            if (report.path("steps").size() > 0) {
                assertThat(row.<String>getAs("firstFix")).isEqualTo(report.get("steps").get(0).get("fixId").asText());
            }
        }
    }

    @Test
    void oneEnginePerExecutorJvmNotPerRecord() {
        // local mode: the driver and the executor threads share one JVM, so one engine served 55 records
        assertThat(ExecutorEngine.builds()).isEqualTo(1);
    }
}
