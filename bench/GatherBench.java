import io.wudoctor.api.GatherListener;
import io.wudoctor.Wudoctor;
import com.sun.management.OperatingSystemMXBean;
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
 * thread that gathers (unlike wall time, CPU time does not count the time a busy, shared machine
 * keeps the thread waiting), the mean CPU time of the whole process per run (a log of several
 * chunks is searched on more threads than the gathering one, see LogScanner; the JIT and the GC
 * count too; a mean, since the process's CPU time moves in steps of 10 ms) and the median wall
 * time.
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
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Long> cpu = new ArrayList<>();
        long processCpu = 0;
        List<Long> wall = new ArrayList<>();
        int matches = 0;
        for (int i = 0; i < warmup + runs; i++) {
            long c = mx.getCurrentThreadCpuTime();
            long p = os.getProcessCpuTime();
            long t = System.nanoTime();
            matches = w.gather(root, GatherListener.SILENT).logMatches().size();
            if (i >= warmup) {
                cpu.add(mx.getCurrentThreadCpuTime() - c);
                wall.add(System.nanoTime() - t);
                processCpu += os.getProcessCpuTime() - p;
            }
        }
        Collections.sort(cpu);
        Collections.sort(wall);
        System.out.printf("cpu median %.1f ms, cpu min %.1f ms, process cpu mean %.1f ms, wall median %.1f ms, %d log matches, %d runs%n",
                cpu.get(runs / 2) / 1e6, cpu.get(0) / 1e6, processCpu / 1e6 / runs, wall.get(runs / 2) / 1e6, matches, runs);
    }
}
