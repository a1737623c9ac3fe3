package io.wudoctor.cli;

import io.wudoctor.exit.ExitCode;
import io.wudoctor.Wudoctor;
import io.wudoctor.internal.kb.PackFile;
import io.wudoctor.internal.authoring.ruletest.CaseResult;
import io.wudoctor.internal.authoring.ruletest.RuleCaseRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code wudoctor rules test}: runs the *.tests.yaml cases next to the rules, as {@code mvn verify} does. */
@Command(name = "test", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  wudoctor rules test", "  wudoctor rules test --format junit -o target/rules-tests.xml", "  wudoctor rules test --rules my-rules",
                "  wudoctor rules test --rules my-rules --mutations"},
        description = {"Runs every case of the *.tests.yaml files (built-in and --rules folders): facts in, expected "
                + "findings and steps out. Prints PASS or FAIL per case, with expected and actual for each failure, then "
                + "'N passed, N failed'; with --format junit, JUnit XML for a CI server instead."})
final class RulesTestCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or junit (JUnit XML), in any case (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the results to FILE instead of stdout.")
    java.nio.file.Path output;

    @Option(names = "--mutations", description = "Then remove each rule in turn and rerun the cases: list the rules whose "
            + "removal no case notices and the cases that pass without the rule they name (text format; exit 5 if any).")
    boolean mutations;

    @Override
    public Integer call() {
        String format = FormatName.of(spec.commandLine(), this.format, "text", "junit");
        long start = System.nanoTime();
        Wudoctor doctor = rules.builder().build(); // bad or refused rules: exit 4 with every problem
        List<CaseResult> results = new ArrayList<>();
        List<RuleCaseRunner.Located> cases = new ArrayList<>();
        doctor.ruleTestFiles().forEach((name, text) ->
                cases.addAll(RuleCaseRunner.parse(new PackFile(name, text), results))); // a file that does not parse is one failed case
        RuleCaseRunner runner = new RuleCaseRunner(doctor);
        cases.forEach(c -> results.add(runner.run(c)));
        long failed = results.stream().filter(r -> !r.passed()).count();
        RuleCaseRunner.Mutations pass = mutations ? runner.mutate(cases, doctor.ruleIds()) : null;
        StringWriter text = new StringWriter();
        if (format.equals("junit")) {
            text.write(JunitReport.of(results, (System.nanoTime() - start) / 1e9));
        } else {
            PrintWriter out = new PrintWriter(text);
            results.forEach(r -> print(out, r));
            if (results.isEmpty()) {
                out.println("warning: no test cases: add a *.tests.yaml next to the rules (docs/authoring-rules.md)");
            }
            out.println((results.size() - failed) + " passed, " + failed + " failed");
            if (pass != null) {
                pass.survivors().forEach(r -> out.println("SURVIVES " + r + ": no case fails without this rule"));
                pass.blindCases().forEach(c -> out.println("BLIND " + c + ": passes without the rule it names"));
                out.println("mutations: " + pass.rules() + " rules removed one at a time, " + pass.survivors().size()
                        + " not noticed, " + pass.blindCases().size() + " blind case(s)");
            }
            out.flush();
        }
        OutputFile.write(spec.commandLine().getOut(), output, text.toString(), "test results");
        boolean weak = pass != null && (!pass.survivors().isEmpty() || !pass.blindCases().isEmpty());
        return failed > 0 || weak ? ExitCode.RULE_TESTS_FAILED.code : ExitCode.OK.code;
    }

    private static void print(PrintWriter out, CaseResult r) {
        out.println((r.passed() ? "PASS " : "FAIL ") + r.file() + (r.line() > 0 ? ":" + r.line() : "") + "  " + r.name());
        for (CaseResult.Failure f : r.failures()) {
            out.println("       expected: " + f.expected());
            out.println("       actual:   " + f.actual());
        }
        if (!r.passed() && r.actual() != null) {
            out.println("       diagnosis: " + r.actual());
        }
    }
}
