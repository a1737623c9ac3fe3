package io.wudoctor.spark;

import io.wudoctor.exit.ExitCode;
import io.wudoctor.fleet.FleetDiagnoser;
import io.wudoctor.fleet.MachineRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Diagnoses one input file of the job: the engine reads bundles and facts files from the local
 * disk, so the file is copied from its Hadoop path (HDFS, S3, ...) to a temporary folder of the
 * executor under its own name, diagnosed, and deleted. The record and its messages name the
 * Hadoop path.
 */
final class MachineFile {

    private MachineFile() {
    }

    /** Opens a file's content; the caller closes the stream. */
    interface Content {
        InputStream open() throws IOException;
    }

    static MachineRecord diagnose(FleetDiagnoser diagnoser, String hadoopPath, Content content) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("wudoctor-spark-");
            Path local = dir.resolve(fileName(hadoopPath));
            try (InputStream in = content.open()) {
                Files.copy(in, local);
            }
            return diagnoser.diagnose(local, hadoopPath);
        } catch (IOException | UncheckedIOException e) {
            return MachineRecord.failed(hadoopPath, ExitCode.BAD_INPUT, hadoopPath + ": cannot be read: " + e.getMessage());
        } finally {
            delete(dir);
        }
    }

    /** The last segment of the path: its extension says how the engine reads it. */
    static String fileName(String hadoopPath) {
        String name = hadoopPath.substring(hadoopPath.lastIndexOf('/') + 1);
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "source" : name;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is all that can happen; the record is already made
        }
    }
}
