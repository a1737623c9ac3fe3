package io.wudoctor.fleet;

import java.util.Locale;
import java.util.Map;

/**
 * The fleet summary as CSV for a spreadsheet (RFC 4180): {@code table,group,key,machines,share},
 * one row per count. {@code share} is of the machines diagnosed, within the group for the splits
 * by KB and OS build, and of all sources for errors.
 */
public final class SummaryCsv {

    private SummaryCsv() {
    }

    public static String render(FleetTally t) {
        StringBuilder out = new StringBuilder("table,group,key,machines,share\r\n");
        long sources = t.machines + t.failed;
        row(out, "total", "", "sources", sources, 1);
        row(out, "total", "", "machines", t.machines, SummaryRows.share(t.machines, sources));
        row(out, "total", "", "errors", t.failed, SummaryRows.share(t.failed, sources));
        SummaryRows.rows(t.causes).forEach(r -> row(out, "cause", "", r.key(), r.machines(),
                SummaryRows.share(r.machines(), t.machines)));
        SummaryRows.rows(t.firstFixes).forEach(r -> row(out, "first-fix", "", r.key(), r.machines(),
                SummaryRows.share(r.machines(), t.machines)));
        split(out, "cause-by-kb", t.causesByKb);
        split(out, "cause-by-os-build", t.causesByBuild);
        split(out, "first-fix-by-kb", t.firstFixesByKb);
        split(out, "first-fix-by-os-build", t.firstFixesByBuild);
        SummaryRows.rows(t.errorKinds).forEach(r -> row(out, "error-kind", "", r.key(), r.machines(),
                SummaryRows.share(r.machines(), sources)));
        return out.toString();
    }

    private static void split(StringBuilder out, String table, Map<String, Map<String, Long>> split) {
        for (SummaryRows.Group g : SummaryRows.groups(split)) {
            g.rows().forEach(r -> row(out, table, g.name(), r.key(), r.machines(), SummaryRows.share(r.machines(), g.machines())));
        }
    }

    private static void row(StringBuilder out, String table, String group, String key, long n, double share) {
        out.append(table).append(',').append(cell(group)).append(',').append(cell(key)).append(',').append(n).append(',')
                .append(String.format(Locale.ROOT, "%.4f", share)).append("\r\n");
    }

    /**
     * A KB or build comes from a machine's data: quoted when it holds a separator, a quote or a
     * line end, and kept from being read as a spreadsheet formula (=, +, -, @).
     */
    static String cell(String s) {
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
