import io.wudoctor.api.GatherListener;
import io.wudoctor.Wudoctor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Warm gather (= the log scan of an offline root, what `diagnose` reports as "facts") timed in
 * one JVM: WARMUP runs, then RUNS timed runs; prints the median and minimum CPU time of the
 * thread that gathers (the scan runs on it; unlike wall time, CPU time does not count the time a
 * busy, shared machine keeps the thread waiting) and the median wall time.
 * Usage (see bench/gather-benchmark.sh): java -cp JAR:LIB/* bench/GatherBench.java ROOT [RUNS] [WARMUP]
 */
public class GatherBench {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path cache = Files.createTempDirectory("gather-bench");
        Wudoctor w = Wudoctor.builder().cacheDir(cache).build();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Long> cpu = new ArrayList<>();
        List<Long> wall = new ArrayList<>();
        int matches = 0;
        for (int i = 0; i < warmup + runs; i++) {
            long c = mx.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            matches = w.gather(root, GatherListener.SILENT).logMatches().size();
            if (i >= warmup) {
                cpu.add(mx.getCurrentThreadCpuTime() - c);
                wall.add(System.nanoTime() - t);
            }
        }
        Collections.sort(cpu);
        Collections.sort(wall);
        System.out.printf("cpu median %.1f ms, cpu min %.1f ms, wall median %.1f ms, %d log matches, %d runs%n",
                cpu.get(runs / 2) / 1e6, cpu.get(0) / 1e6, wall.get(runs / 2) / 1e6, matches, runs);
    }
}
