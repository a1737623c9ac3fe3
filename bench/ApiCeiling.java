import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.GatherListener;
import io.wudoctor.Wudoctor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The in-process API ceiling for bench/fleet-benchmark.sh: one Wudoctor, JOBS threads calling
 * gather + diagnose on every file of DIR, nothing written. The rate counts the diagnoses only
 * (not the JVM start or the rule load, which `wudoctor batch` is timed with).
 *
 *   java -cp "target/lib/*:target/wudoctor-0.1.0.jar" bench/ApiCeiling.java DIR JOBS
 */
public class ApiCeiling {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int jobs = Integer.parseInt(args[1]);
        Wudoctor doctor = Wudoctor.builder().build();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        long start = System.nanoTime();
        List<Future<Integer>> results = new ArrayList<>();
        for (Path f : files) {
            results.add(pool.submit(() -> {
                Diagnosis d = doctor.diagnose(doctor.gather(f, GatherListener.SILENT));
                return d.steps().size();
            }));
        }
        long steps = 0;
        for (Future<Integer> r : results) {
            steps += r.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%d %.3f %.0f %d%n", files.size(), seconds, files.size() * 60 / seconds, steps);
    }
}
