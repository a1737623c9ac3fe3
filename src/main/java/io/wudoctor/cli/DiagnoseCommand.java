package io.wudoctor.cli;

import io.wudoctor.api.Explained;
import io.wudoctor.api.Wudoctor;
import io.wudoctor.facts.Facts;
import io.wudoctor.internal.collect.live.LiveCollector;
import io.wudoctor.internal.report.Renderer;
import io.wudoctor.internal.report.Report;
import io.wudoctor.internal.source.SourceLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wudoctor diagnose}: facts in, ranked fix plan out. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Diagnoses one machine from SOURCE and prints a ranked fix plan (report on stdout, messages on stderr).")
final class DiagnoseCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SOURCE",
            description = "A facts file (.yaml, .yml or .json; see docs/facts.md), a folder laid out like a Windows system "
                    + "drive, or a bundle .zip (docs/bundle.md). Omitted: this Windows machine.")
    Path source;

    @Option(names = "--rules", paramLabel = "DIR", description = "A folder of extra rules (.drl and catalog .yaml), read at run time. Repeatable.")
    List<Path> rulesDirs = new ArrayList<>();

    @Option(names = "--no-builtin-rules", description = "Use only the --rules folders, not the built-in knowledge base.")
    boolean noBuiltinRules;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text, json, markdown, or cmd (a batch script that asks before each step; "
                    + "review it, then run it yourself) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--explain", description = "Add the rule firings and, for each step, the rules, facts and log lines "
            + "behind it and the confidence arithmetic (text, markdown; json: an 'explanation' object).")
    boolean explain;

    @Option(names = "--allow-unsafe-rules", description = "Trust rules that reach outside the fact model (files, network, "
            + "processes, reflection). DRL is code: use only with rule files you trust like a program.")
    boolean allowUnsafeRules;

    @Option(names = "--rule-time-limit", paramLabel = "SECONDS", defaultValue = "10", description = "How long the rules "
            + "may run before they are stopped with exit 4 naming the rule (default: ${DEFAULT-VALUE}).")
    double ruleTimeLimit;

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
        if (source == null && !SourceLoader.liveSupported()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "missing SOURCE: " + LiveCollector.NOT_WINDOWS
                    + ", e.g. 'wudoctor diagnose /mnt/c' or 'wudoctor diagnose facts-samples/ms-s1-clr-optimization.yaml'");
        }
        RulesOptions.requireSomeRules(noBuiltinRules, rulesDirs);
        long t0 = System.nanoTime();
        Wudoctor.Builder builder = RulesOptions.timeLimit(
                Wudoctor.builder().builtinRules(!noBuiltinRules).allowUnsafeRules(allowUnsafeRules), ruleTimeLimit);
        rulesDirs.forEach(builder::rulesDir);
        Wudoctor doctor = builder.build();
        long t1 = System.nanoTime();
        // Rules first: a root or bundle is scanned with the rules' log signatures.
        Facts facts = doctor.gather(source, TerminalListener.forStderr(spec.commandLine().getErr()));
        long t2 = System.nanoTime();
        Explained explained = doctor.diagnoseExplained(facts);
        long t3 = System.nanoTime();
        String text = renderer.render(new Report(explained.diagnosis(), explain ? explained : null));
        write(text);
        if (verbose) {
            long jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() - (System.nanoTime() - t0) / 1_000_000;
            spec.commandLine().getErr().printf("wudoctor: %s%nwudoctor: timings: JVM start to command %d ms, facts %d ms, "
                    + "rules %d ms, diagnosis %d ms, report %d ms%n", doctor.rulesInfo(), jvm, ms(t1, t2), ms(t0, t1),
                    ms(t2, t3), ms(t3, System.nanoTime()));
        }
        return ExitCode.OK.code;
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private void write(String text) {
        OutputFile.write(spec.commandLine().getOut(), output, text, "report");
    }
}
