package io.wudoctor.spark;

import io.wudoctor.exit.ExitCode;
import io.wudoctor.fleet.FleetTally;
import io.wudoctor.fleet.RecordLine;
import io.wudoctor.fleet.FleetDiagnoser;
import io.wudoctor.fleet.SummaryCsv;
import io.wudoctor.fleet.SummaryText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wudoctor batch} as a Spark job (docs/fleet.md): reads bundles and facts files from any
 * Hadoop path, diagnoses each machine with one engine per executor JVM, and writes under OUTPUT
 * the records as JSON lines ({@code records/}, the lines {@code wudoctor batch} writes) and/or
 * Parquet ({@code parquet/}), and the fleet summary ({@code summary.txt}, {@code summary.csv}).
 */
@Command(name = "wudoctor-fleet-job", mixinStandardHelpOptions = true,
        description = "Diagnoses every bundle (.zip) and facts file (.yaml, .yml, .json) under the INPUT paths.")
public final class FleetJob implements Callable<Integer> {

    static final StructType SCHEMA = new StructType()
            .add("source", DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false)
            .add("kb", DataTypes.StringType, true)
            .add("osBuild", DataTypes.StringType, true)
            .add("cause", DataTypes.StringType, true)
            .add("firstFix", DataTypes.StringType, true)
            .add("errorKind", DataTypes.StringType, true)
            .add("errorMessage", DataTypes.StringType, true)
            .add("record", DataTypes.StringType, false);

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or folders (walked) on any Hadoop file system: "
            + "file:, hdfs:, s3a: with the cluster's connector.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where to write; must not exist.")
    String output;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT", defaultValue = "jsonl,parquet",
            description = "jsonl, parquet or both (default: ${DEFAULT-VALUE}).")
    List<String> formats = new ArrayList<>();

    @Option(names = "--max-bundle-mb", paramLabel = "MB", defaultValue = "4096",
            description = "Refuse a bundle that unpacks to more than MB megabytes (default: ${DEFAULT-VALUE}).")
    long maxBundleMb;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "How many partitions the files are diagnosed in (default: 4 per core of the cluster).")
    int partitions;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FleetJob()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        for (String f : formats) {
            if (!f.equals("jsonl") && !f.equals("parquet")) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--format: jsonl or parquet, not " + f);
            }
        }
        SparkSession spark = SparkSession.builder().appName("wudoctor fleet").getOrCreate();
        try {
            FleetTally tally = run(spark);
            System.err.printf(Locale.ROOT, "wudoctor fleet job: %,d source(s): %,d diagnosed, %,d failed; results in %s%n",
                    tally.machines() + tally.failed(), tally.machines(), tally.failed(), output);
            return tally.failed() > 0 ? ExitCode.SOURCES_FAILED.code : ExitCode.OK.code;
        } finally {
            spark.stop();
        }
    }

    /** Runs the job in {@code spark} and returns the fleet's tally. */
    FleetTally run(SparkSession spark) throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        long maxBundleBytes = maxBundleMb << 20;
        int slices = partitions > 0 ? partitions : 4 * jsc.defaultParallelism();
        // Not binaryFiles: its PortableDataStream serialises and re-parses the Hadoop configuration
        // for every file, which costs more than diagnosing a facts file (docs/performance.md). The
        // driver lists the paths; each partition opens its files through one file system.
        List<String> files = FleetFiles.list(jsc.hadoopConfiguration(), inputs);
        JavaRDD<RecordLine> records = jsc.parallelize(files, Math.max(1, Math.min(slices, files.size())))
                .mapPartitions(paths -> {
                    FleetDiagnoser diagnoser = ExecutorEngine.get(maxBundleBytes);
                    Configuration conf = SparkHadoopUtil.get().newConfiguration(SparkEnv.get().conf());
                    List<RecordLine> out = new ArrayList<>();
                    paths.forEachRemaining(p -> out.add(RecordLine.of(MachineFile.diagnose(diagnoser, p,
                            () -> new Path(p).getFileSystem(conf).open(new Path(p))))));
                    return out.iterator();
                });
        // Each machine is diagnosed once, whatever the number of outputs.
        records.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            if (formats.contains("jsonl")) {
                records.map(RecordLine::json).saveAsTextFile(output + "/records");
            }
            if (formats.contains("parquet")) {
                spark.createDataFrame(records.map(FleetJob::row), SCHEMA).write().parquet(output + "/parquet");
            }
            FleetTally tally = records.map(RecordLine::outcome).aggregate(new FleetTally(), FleetTally::add, FleetTally::merge);
            write(jsc, output + "/summary.txt", SummaryText.render(tally));
            write(jsc, output + "/summary.csv", SummaryCsv.render(tally));
            return tally;
        } finally {
            records.unpersist();
        }
    }

    private static Row row(RecordLine r) {
        var o = r.outcome();
        return RowFactory.create(o.source(), o.failed() ? "error" : "ok", o.kb(), o.osBuild(), o.cause(), o.firstFix(),
                o.errorKind(), o.errorMessage(), r.json());
    }

    private static void write(JavaSparkContext jsc, String file, String text) throws IOException {
        Path path = new Path(file);
        FileSystem fs = path.getFileSystem(jsc.hadoopConfiguration());
        try (OutputStream out = fs.create(path, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
