package io.wudoctor.cli;

import io.wudoctor.exit.ExitCode;
import io.wudoctor.exit.UsageException;
import io.wudoctor.fleet.BatchPipeline;
import io.wudoctor.fleet.FleetDiagnoser;
import io.wudoctor.fleet.FleetTally;
import io.wudoctor.fleet.ResumeLog;
import io.wudoctor.fleet.SourceWalk;
import io.wudoctor.fleet.SummaryCsv;
import io.wudoctor.fleet.SummaryText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wudoctor batch}: many machines in one JVM, one JSON line each, and a fleet summary (docs/fleet.md). */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Diagnoses many machines in one run: one JSON record per source and line (JSONL) on stdout or in "
                + "FILE, a fleet summary, progress on stderr when it is a terminal. A source that cannot be diagnosed "
                + "gets an error record and the run goes on (exit 6). docs/fleet.md."},
        footer = {"%nExamples:", "  wudoctor batch bundles/ -o fleet.jsonl --summary fleet.txt --summary fleet.csv",
                "  find /evidence -name '*.zip' | wudoctor batch - -o fleet.jsonl",
                "  wudoctor batch bundles/ -o fleet.jsonl --resume      # after an interruption"})
final class BatchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SOURCE",
            description = "A facts file, bundle .zip or offline root; a folder of them (walked, in name order); or - "
                    + "for one such path per line of standard input.")
    List<String> sources = new ArrayList<>();

    @Mixin
    RulesOptions rules;

    @Mixin
    ProgressOption progressOption;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the records to FILE (appended to with --resume) instead of stdout.")
    Path output;

    @Option(names = "--resume", description = "Continue an interrupted run: skip the sources FILE already has a record "
            + "of and append the others. What FILE holds is never rewritten (a torn last line is cut off and redone).")
    boolean resume;

    @Option(names = "--summary", paramLabel = "FILE", description = "Write the fleet summary to FILE: CSV when its name "
            + "ends in .csv, else text. Repeatable. On a terminal the text summary is also printed on stderr.")
    List<Path> summaries = new ArrayList<>();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Sources diagnosed at once (default: the number "
            + "of processors, ${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--max-bundle-mb", paramLabel = "MB", description = "Refuse a bundle that unpacks to more than MB "
            + "megabytes (default: ${DEFAULT-VALUE}); each of the --jobs threads may need that much temporary disk.")
    long maxBundleMb = 4096;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        checkOptions();
        boolean terminal = progressOption.show();
        ResumeLog earlier = resume ? ResumeLog.open(output) : null;
        if (earlier != null && earlier.tornBytes() > 0) {
            err.printf("wudoctor: batch: %s ended in a torn record (%d bytes, from an interrupted write): cut off, its "
                    + "source is diagnosed again%n", output, earlier.tornBytes());
        }
        FleetDiagnoser diagnoser = new FleetDiagnoser(rules.builder().maxBundleBytes(maxBundleMb << 20).build());
        Set<Path> excluded = excluded();
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        BatchProgress progress = new BatchProgress(err, terminal, System::nanoTime);
        if (terminal && !sources.contains("-")) {
            progress.total(count(excluded, earlier));
        }
        FleetTally tally = earlier == null ? new FleetTally() : earlier.tally();
        FleetTally thisRun = new FleetTally();
        long start = System.nanoTime();
        try (Writer records = openRecords()) {
            new BatchPipeline(diagnoser, jobs).run(new SourceWalk(sources, stdin, excluded),
                    s -> earlier != null && earlier.has(s), done -> {
                        write(records, done.json());
                        thisRun.add(done.outcome());
                        progress.done(thisRun.machines() + thisRun.failed());
                    });
        }
        progress.erase();
        tally.merge(thisRun);
        for (Path summary : summaries) {
            String name = summary.getFileName() == null ? "" : summary.getFileName().toString().toLowerCase(Locale.ROOT);
            OutputFile.write(null, summary, name.endsWith(".csv") ? SummaryCsv.render(tally) : SummaryText.render(tally),
                    "fleet summary");
        }
        if (terminal) {
            err.print(SummaryText.render(tally));
        }
        err.println(closingLine(thisRun, earlier, System.nanoTime() - start));
        err.flush();
        return thisRun.failed() > 0 ? ExitCode.SOURCES_FAILED.code : ExitCode.OK.code;
    }

    private void checkOptions() {
        if (jobs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1, not " + jobs);
        }
        if (maxBundleMb < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-bundle-mb must be at least 1");
        }
        if (sources.stream().filter("-"::equals).count() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "- (paths on standard input) can be given once");
        }
        if (resume && output == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--resume needs -o FILE: the output of the "
                    + "run to continue");
        }
        if (output != null && Files.isDirectory(output)) {
            throw new CommandLine.ParameterException(spec.commandLine(), output + ": is a folder (give -o a file name)");
        }
        try {
            if (!resume && output != null && Files.exists(output) && Files.size(output) > 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), output + " exists: add --resume to continue "
                        + "the run that wrote it, or give another file (batch never overwrites records)");
            }
        } catch (IOException e) {
            throw new UsageException(output + ": cannot read: " + e.getMessage());
        }
    }

    private Set<Path> excluded() {
        Set<Path> excluded = new HashSet<>();
        if (output != null) {
            excluded.add(output.toAbsolutePath().normalize());
        }
        summaries.forEach(s -> excluded.add(s.toAbsolutePath().normalize()));
        return excluded;
    }

    /** How many sources this run will diagnose, for the progress line's ETA: a walk of names, nothing read. */
    private long count(Set<Path> excluded, ResumeLog earlier) {
        long n = 0;
        for (SourceWalk walk = new SourceWalk(sources, null, excluded); walk.hasNext(); ) {
            String s = walk.next().toAbsolutePath().normalize().toString();
            if (earlier == null || !earlier.has(s)) {
                n++;
            }
        }
        return n;
    }

    private Writer openRecords() throws IOException {
        if (output == null) {
            return new NonClosing(spec.commandLine().getOut());
        }
        try {
            return Files.newBufferedWriter(output, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UsageException(output + ": cannot write the records: " + e.getMessage());
        }
    }

    /** One whole line per record, flushed: a kill can tear at most the line being written. */
    private void write(Writer records, String line) {
        try {
            records.write(line);
            records.write('\n');
            records.flush();
        } catch (IOException e) {
            throw new UsageException((output == null ? "stdout" : output.toString())
                    + ": cannot write the records: " + e.getMessage()
                    + (output == null ? "" : " (the records written so far are kept: run again with --resume)"));
        }
    }

    private String closingLine(FleetTally run, ResumeLog earlier, long nanos) {
        long done = run.machines() + run.failed();
        double minutes = nanos / 60e9;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "wudoctor: batch: %,d source(s) in %.1f s "
                + "(%,.0f/min): %,d diagnosed", done, nanos / 1e9, minutes > 0 ? done / minutes : 0, run.machines()));
        if (run.failed() > 0) {
            s.append(String.format(Locale.ROOT, ", %,d FAILED (see their error records%s)", run.failed(),
                    output == null ? "" : " in " + output));
        }
        if (earlier != null) {
            s.append(String.format(Locale.ROOT, "; %,d already in %s were skipped", earlier.size(), output));
        }
        return s.toString();
    }

    /** stdout belongs to the CLI: closing the records must not close it. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
