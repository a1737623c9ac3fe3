package io.wudoctor.fleet;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A tally's counts in the order both summary formats list them: most machines first, then by name. */
final class SummaryRows {

    private SummaryRows() {
    }

    record Row(String key, long machines) {
    }

    record Group(String name, long machines, List<Row> rows) {
    }

    static List<Row> rows(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Row::machines).reversed().thenComparing(Row::key)).toList();
    }

    static List<Group> groups(Map<String, Map<String, Long>> split) {
        return split.entrySet().stream()
                .map(e -> new Group(e.getKey(), e.getValue().values().stream().mapToLong(Long::longValue).sum(),
                        rows(e.getValue())))
                .sorted(Comparator.comparingLong(Group::machines).reversed().thenComparing(Group::name)).toList();
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
