package io.wudoctor.cli;

import io.wudoctor.exit.ExitCode;
import io.wudoctor.api.Explained;
import io.wudoctor.api.GatherListener;
import io.wudoctor.Wudoctor;
import io.wudoctor.facts.Facts;
import io.wudoctor.internal.gather.live.LiveCollector;
import io.wudoctor.internal.render.Renderer;
import io.wudoctor.internal.render.Report;
import io.wudoctor.internal.gather.SourceLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wudoctor diagnose}: facts in, ranked fix plan out. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Diagnoses one machine from SOURCE and prints a ranked fix plan (report on stdout, messages "
                + "on stderr).",
        footerHeading = "%nExamples:%n",
        footer = {"  wudoctor diagnose facts-samples/ms-s1-clr-optimization.yaml",
                "  wudoctor diagnose /mnt/c --format html -o report.html",
                "  wudoctor collect --root /mnt/c | wudoctor diagnose - --format json",
                "  wudoctor diagnose bundle.zip --fail-on-cause=0.8 -q -o plan.txt",
                "    (exit code 10: a cause at 0.8 or more was found; 0: none)",
                "  wudoctor diagnose facts.yaml --format ps1 -o fix-plan.ps1"})
final class DiagnoseCommand implements Callable<Integer> {

    /** --fail-on-cause without a value: the confidence from which a finding is a diagnosis. */
    static final String DEFAULT_MIN = "0.6";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final StdinFacts stdin;

    DiagnoseCommand(StdinFacts stdin) {
        this.stdin = stdin;
    }

    DiagnoseCommand() {
        this(new StdinFacts(System.in));
    }

    @Parameters(arity = "0..1", paramLabel = "SOURCE",
            description = "A facts file (.yaml, .yml or .json; see docs/facts.md), '-' for a facts file on stdin, "
                    + "a folder laid out like a Windows system drive, or a bundle .zip (docs/bundle.md). "
                    + "Omitted: this Windows machine.")
    String source;

    @Mixin
    RulesOptions rules;

    @Mixin
    ProgressOption progress;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format, in any case: text, json, markdown, html (one self-contained page), "
                    + "ps1 (a PowerShell script that asks before each step) or cmd (the same as a batch file). "
                    + "wudoctor never runs a script: review it, then run it yourself (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout (- for stdout). Only a regular file is replaced, atomically, keeping its permissions; a link, device, pipe or the input itself is refused (exit 2).")
    Path output;

    @Option(names = "--explain", description = "Add the rule firings and, for each step, the rules, facts and log lines "
            + "behind it and the confidence arithmetic (text, markdown, html; json: an 'explanation' object).")
    boolean explain;

    @Option(names = "--fail-on-cause", arity = "0..1", paramLabel = "MIN", fallbackValue = DEFAULT_MIN,
            description = "Exit with code 10 when a specific cause with confidence MIN (0 to 1) or more was found "
                    + "(verdict.lead in the JSON), for detection scripts; without MIN: " + DEFAULT_MIN
                    + ", a diagnosis. The report is written as usual.")
    Double failOnCause;

    @Option(names = {"-q", "--quiet"}, description = "No warnings or progress on stderr; errors are still printed.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print how the rules were loaded, and timings, on stderr.")
    boolean verbose;

    @Override
    public Integer call() {
        Renderer renderer;
        try {
            renderer = Renderer.byName(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (failOnCause != null && !(failOnCause >= 0 && failOnCause <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--fail-on-cause: MIN must be a confidence from 0 to 1, e.g. --fail-on-cause=0.8, not " + failOnCause);
        }
        if (source == null && !SourceLoader.liveSupported()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "missing SOURCE: " + LiveCollector.NOT_WINDOWS
                    + ", e.g. 'wudoctor diagnose /mnt/c' or 'wudoctor diagnose facts-samples/ms-s1-clr-optimization.yaml'");
        }
        long t0 = System.nanoTime();
        // A facts file needs no rules: it is read on another thread while they load. A root or
        // bundle is scanned with the rules' log signatures, so it waits for them.
        CompletableFuture<FactsRead> factsFile = StdinFacts.NAME.equals(source) ? FactsRead.start(stdin::read)
                : source != null && Wudoctor.isFactsFile(Path.of(source)) ? FactsRead.start(() -> Wudoctor.readFacts(Path.of(source)))
                : null;
        Wudoctor doctor = rules.builder().build(); // a rules error is reported before any facts error, as when read in turn
        long t1 = System.nanoTime();
        GatherListener listener = quiet ? GatherListener.SILENT : TerminalListener.forStderr(spec.commandLine().getErr(), progress);
        FactsRead read = factsFile != null ? joined(factsFile) : null;
        Facts facts = read != null ? read.facts() : doctor.gather(source == null ? null : Path.of(source), listener);
        long t2 = System.nanoTime();
        Explained explained = doctor.diagnoseExplained(facts);
        long t3 = System.nanoTime();
        String text = renderer.render(new Report(explained.diagnosis(),
                explain || renderer.wantsExplanation() ? explained : null, provenance()));
        OutputFile.write(spec.commandLine().getOut(), output, text, "report",
                source == null || StdinFacts.NAME.equals(source) ? null : Path.of(source));
        if (verbose && !quiet) {
            long jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() - (System.nanoTime() - t0) / 1_000_000;
            String factsTime = read == null ? ms(t1, t2) + " ms"
                    : read.millis() + " ms (read while the rules loaded; then waited " + ms(t1, t2) + " ms)";
            spec.commandLine().getErr().printf("wudoctor: %s%nwudoctor: timings: JVM start to command %d ms, rules %d ms, "
                    + "facts %s, diagnosis %d ms, report %d ms%n", doctor.rulesInfo(), jvm, ms(t0, t1), factsTime,
                    ms(t2, t3), ms(t3, System.nanoTime()));
        }
        boolean found = failOnCause != null && explained.diagnosis().verdict().causeAtLeast(failOnCause);
        return found ? ExitCode.CAUSE_FOUND.code : ExitCode.OK.code;
    }

    /** A facts file read on another thread, and how long the read took. */
    private record FactsRead(Facts facts, long millis) {
        static CompletableFuture<FactsRead> start(java.util.function.Supplier<Facts> read) {
            return CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                Facts facts = read.get();
                return new FactsRead(facts, ms(start, System.nanoTime()));
            });
        }
    }

    /** The value of {@code future}, or what it threw, as thrown on this thread. */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The command line as typed, and when, for a report kept in a ticket. */
    private Report.Provenance provenance() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        String line = "wudoctor " + String.join(" ", args.stream().map(DiagnoseCommand::quoted).toList());
        return new Report.Provenance(line.strip(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static String quoted(String arg) {
        return arg.isEmpty() || arg.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'')
                ? "'" + arg.replace("'", "'\\''") + "'" : arg;
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
