package io.wudoctor.fleet;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts behind the fleet summary: per most likely cause and per first fix, overall and split
 * by KB and by OS build, and the errors. Its size grows with the number of distinct values, not of
 * machines: beyond {@link #MAX_KEYS} distinct KBs or builds the rest count as "(other)", and only
 * the {@link #MAX_ERROR_SAMPLES} first failed sources (by name) are kept with their message.
 * Order-independent and mergeable, so a Spark job can tally partitions and merge them.
 */
public final class FleetTally implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int MAX_KEYS = 1000;
    static final int MAX_ERROR_SAMPLES = 50;
    static final String NO_DIAGNOSIS = "(no specific diagnosis)";
    static final String NO_PLAN = "(no plan)";
    static final String UNKNOWN = "(unknown)";
    static final String OTHER = "(other)";

    long machines;
    long failed;
    final Map<String, Long> causes = new HashMap<>();
    final Map<String, Long> firstFixes = new HashMap<>();
    final Map<String, Map<String, Long>> causesByKb = new HashMap<>();
    final Map<String, Map<String, Long>> causesByBuild = new HashMap<>();
    final Map<String, Map<String, Long>> firstFixesByKb = new HashMap<>();
    final Map<String, Map<String, Long>> firstFixesByBuild = new HashMap<>();
    final Map<String, Long> errorKinds = new HashMap<>();
    final TreeMap<String, String> errorSamples = new TreeMap<>();

    public FleetTally add(Outcome o) {
        if (o.failed()) {
            failed++;
            errorKinds.merge(o.errorKind() == null ? UNKNOWN : o.errorKind(), 1L, Long::sum);
            sample(o.source(), o.errorMessage());
            return this;
        }
        machines++;
        String cause = o.cause() == null ? NO_DIAGNOSIS : o.cause();
        String fix = o.firstFix() == null ? NO_PLAN : o.firstFix();
        causes.merge(cause, 1L, Long::sum);
        firstFixes.merge(fix, 1L, Long::sum);
        count(causesByKb, o.kb(), cause, 1);
        count(causesByBuild, o.osBuild(), cause, 1);
        count(firstFixesByKb, o.kb(), fix, 1);
        count(firstFixesByBuild, o.osBuild(), fix, 1);
        return this;
    }

    /** Adds another tally's counts to this one (and returns this). */
    public FleetTally merge(FleetTally other) {
        machines += other.machines;
        failed += other.failed;
        other.causes.forEach((k, v) -> causes.merge(k, v, Long::sum));
        other.firstFixes.forEach((k, v) -> firstFixes.merge(k, v, Long::sum));
        other.errorKinds.forEach((k, v) -> errorKinds.merge(k, v, Long::sum));
        mergeSplit(causesByKb, other.causesByKb);
        mergeSplit(causesByBuild, other.causesByBuild);
        mergeSplit(firstFixesByKb, other.firstFixesByKb);
        mergeSplit(firstFixesByBuild, other.firstFixesByBuild);
        other.errorSamples.forEach(this::sample);
        return this;
    }

    /** Machines diagnosed (sources that failed are not machines we know anything about). */
    public long machines() {
        return machines;
    }

    /** Sources that gave an error record. */
    public long failed() {
        return failed;
    }

    private void sample(String source, String message) {
        errorSamples.put(source, message == null ? "" : message);
        if (errorSamples.size() > MAX_ERROR_SAMPLES) {
            errorSamples.pollLastEntry();
        }
    }

    private static void mergeSplit(Map<String, Map<String, Long>> into, Map<String, Map<String, Long>> from) {
        from.forEach((group, counts) -> counts.forEach((key, n) -> count(into, group, key, n)));
    }

    private static void count(Map<String, Map<String, Long>> split, String group, String key, long n) {
        String g = group == null || group.isBlank() ? UNKNOWN : group;
        if (!split.containsKey(g) && split.size() >= MAX_KEYS) {
            g = OTHER;
        }
        split.computeIfAbsent(g, x -> new HashMap<>()).merge(key, n, Long::sum);
    }
}
