package io.wudoctor.cli;

import io.wudoctor.api.Wudoctor;
import io.wudoctor.internal.pack.PackFile;
import io.wudoctor.internal.pack.RulePack;
import io.wudoctor.internal.ruletest.CaseResult;
import io.wudoctor.internal.ruletest.RuleCaseRunner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code wudoctor rules test}: runs the *.tests.yaml cases next to the rules, as {@code mvn verify} does. */
@Command(name = "test", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  wudoctor rules test", "  wudoctor rules test --rules my-rules"},
        description = {"Runs every case of the *.tests.yaml files (built-in and --rules folders): facts in, expected "
                + "findings and steps out. Prints PASS or FAIL per case, with expected and actual for each failure, then "
                + "'N passed, N failed'."})
final class RulesTestCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Override
    public Integer call() {
        Wudoctor doctor = rules.builder().build(); // bad or refused rules: exit 4 with every problem
        RulePack pack = rules.load();
        List<CaseResult> results = new ArrayList<>();
        List<RuleCaseRunner.Located> cases = new ArrayList<>();
        for (PackFile f : pack.tests()) {
            cases.addAll(RuleCaseRunner.parse(f, results)); // a file that does not parse is one failed case
        }
        RuleCaseRunner runner = new RuleCaseRunner(doctor);
        cases.forEach(c -> results.add(runner.run(c)));
        PrintWriter out = spec.commandLine().getOut();
        results.forEach(r -> print(out, r));
        if (results.isEmpty()) {
            out.println("warning: no test cases: add a *.tests.yaml next to the rules (docs/authoring-rules.md)");
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        out.println((results.size() - failed) + " passed, " + failed + " failed");
        out.flush();
        return failed > 0 ? ExitCode.RULE_TESTS_FAILED.code : ExitCode.OK.code;
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
