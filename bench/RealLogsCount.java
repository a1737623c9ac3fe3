import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.FindingReport;
import io.wudoctor.api.GatherListener;
import io.wudoctor.Wudoctor;
import io.wudoctor.testing.RealLogPlaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * How many real logs of a folder get a specific diagnosis rather than the fallback: each log
 * alone in an offline root, at the place Windows writes it (the places of the tests' RealLogPlaces),
 * gathered and diagnosed in one JVM. "Specific" means a finding other than no-specific-evidence
 * at 0.6 or more (a diagnosis, not a lead: docs/confidence-scale.md). Command outputs (sc, w32tm,
 * fsutil, chkdsk, CSV) are not logs and are left out.
 * Usage (after mvn test-compile): java -cp JAR:LIB/*:target/test-classes bench/RealLogsCount.java LOG_FOLDER
 */
public class RealLogsCount {
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Path work = Files.createTempDirectory("real-logs-count");
        Wudoctor w = Wudoctor.builder().cacheDir(work.resolve("cache")).build();
        List<Path> logs;
        try (Stream<Path> files = Files.list(folder)) {
            logs = files.filter(p -> RealLogPlaces.placeOf(p.getFileName().toString()) != null).sorted().toList();
        }
        int specific = 0;
        for (int i = 0; i < logs.size(); i++) {
            String name = logs.get(i).getFileName().toString();
            Path target = work.resolve("root" + i).resolve(RealLogPlaces.placeOf(name));
            Files.createDirectories(target.getParent());
            Files.copy(logs.get(i), target);
            Diagnosis d = w.diagnose(w.gather(work.resolve("root" + i), GatherListener.SILENT));
            FindingReport top = d.findings().stream()
                    .filter(f -> !f.id().equals("no-specific-evidence") && f.confidence() >= 0.6).findFirst().orElse(null);
            if (top != null) {
                specific++;
            }
            System.out.printf("%-90s %s%n", name, top == null ? "-" : top.id() + " " + top.confidence());
        }
        System.out.printf("specific diagnosis: %d of %d logs%n", specific, logs.size());
    }
}
