package io.wudoctor.fleet;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The fleet summary for people: counts and shares of diagnosed machines, then the errors. */
public final class SummaryText {

    /** The splits by KB and OS build list this many groups; the CSV has them all. */
    static final int TOP_GROUPS = 10;

    private SummaryText() {
    }

    public static String render(FleetTally t) {
        StringBuilder out = new StringBuilder();
        long sources = t.machines + t.failed;
        long noDiagnosis = t.causes.getOrDefault(FleetTally.NO_DIAGNOSIS, 0L);
        out.append(String.format(Locale.ROOT, "Fleet summary: %,d source(s): %,d machine(s) diagnosed, %,d error(s)%n",
                sources, t.machines, t.failed));
        out.append(String.format(Locale.ROOT, "Machines with a specific diagnosis: %,d (%s); with none: %,d (%s)%n",
                t.machines - noDiagnosis, percent(t.machines - noDiagnosis, t.machines), noDiagnosis,
                percent(noDiagnosis, t.machines)));
        out.append("Shares are of the machines diagnosed.\n");
        table(out, "Most likely cause (top finding at 60% or more)", SummaryRows.rows(t.causes), t.machines, "  ");
        table(out, "First step of the plan", SummaryRows.rows(t.firstFixes), t.machines, "  ");
        split(out, "Most likely cause by KB", t.causesByKb);
        split(out, "Most likely cause by OS build", t.causesByBuild);
        split(out, "First step by KB", t.firstFixesByKb);
        split(out, "First step by OS build", t.firstFixesByBuild);
        if (t.failed > 0) {
            out.append(String.format(Locale.ROOT, "%nErrors: %,d (%s)%n", t.failed, SummaryRows.rows(t.errorKinds).stream()
                    .map(r -> r.key() + " " + r.machines()).collect(Collectors.joining(", "))));
            if (t.failed > t.errorSamples.size()) {
                out.append(String.format(Locale.ROOT, "  the first %d by name:%n", t.errorSamples.size()));
            }
            t.errorSamples.forEach((source, message) -> out.append("  ").append(oneLine(message.startsWith(source)
                    ? message : source + ": " + message)).append('\n'));
        }
        return out.toString();
    }

    private static void split(StringBuilder out, String title, Map<String, Map<String, Long>> split) {
        List<SummaryRows.Group> groups = SummaryRows.groups(split);
        out.append('\n').append(title).append(groups.size() > TOP_GROUPS ? " (the " + TOP_GROUPS + " largest of "
                + groups.size() + " groups)" : "").append('\n');
        for (SummaryRows.Group g : groups.subList(0, Math.min(TOP_GROUPS, groups.size()))) {
            out.append(String.format(Locale.ROOT, "  %s (%,d machine(s))%n", oneLine(g.name()), g.machines()));
            table(out, null, g.rows(), g.machines(), "    ");
        }
    }

    private static void table(StringBuilder out, String title, List<SummaryRows.Row> rows, long whole, String indent) {
        if (title != null) {
            out.append('\n').append(String.format(Locale.ROOT, "%-52s %9s %7s%n", title, "machines", "share"));
        }
        for (SummaryRows.Row r : rows) {
            out.append(String.format(Locale.ROOT, "%s%-" + (50 - indent.length() + 2) + "s %9s %7s%n", indent,
                    oneLine(r.key()), String.format(Locale.ROOT, "%,d", r.machines()), percent(r.machines(), whole)));
        }
    }

    static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * SummaryRows.share(part, whole));
    }

    /** A key or message comes from a machine's data: no control character reaches the terminal. */
    private static String oneLine(String s) {
        return s.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
