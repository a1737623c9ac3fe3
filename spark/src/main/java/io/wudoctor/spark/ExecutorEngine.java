package io.wudoctor.spark;

import io.wudoctor.Wudoctor;
import io.wudoctor.fleet.FleetDiagnoser;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One rule engine per executor JVM, built on first use by whichever task needs it first and
 * shared by every task after it: loading the rules costs about a second, a diagnosis
 * milliseconds. {@link Wudoctor} is thread-safe, so an executor's task threads share it.
 */
final class ExecutorEngine {

    private static final AtomicInteger BUILDS = new AtomicInteger();
    private static volatile FleetDiagnoser diagnoser;
    private static long builtFor;

    private ExecutorEngine() {
    }

    /** The engine of this JVM; every job of one JVM must use the same bundle limit. */
    static FleetDiagnoser get(long maxBundleBytes) {
        FleetDiagnoser d = diagnoser;
        if (d == null) {
            synchronized (ExecutorEngine.class) {
                d = diagnoser;
                if (d == null) {
                    d = new FleetDiagnoser(Wudoctor.builder().maxBundleBytes(maxBundleBytes).build());
                    builtFor = maxBundleBytes;
                    BUILDS.incrementAndGet();
                    diagnoser = d;
                }
            }
        }
        if (builtFor != maxBundleBytes) {
            throw new IllegalStateException("this executor's engine was built for bundles up to " + builtFor
                    + " bytes, not " + maxBundleBytes);
        }
        return d;
    }

    /** How many engines this JVM built (the tests check it is one). */
    static int builds() {
        return BUILDS.get();
    }
}
