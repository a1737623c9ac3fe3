package io.wudoctor.cli;

import io.wudoctor.exit.UsageException;
import io.wudoctor.Wudoctor;
import io.wudoctor.internal.kb.RulePack;
import io.wudoctor.internal.kb.RulePackLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** Which rules a {@code rules} subcommand works on; the same options as {@code diagnose}. */
final class RulesOptions {

    @Option(names = "--rules", paramLabel = "DIR", description = "A folder of extra rules (.drl, *.causes.yaml, *.fixes.yaml, "
            + "*.signatures.yaml, *.tests.yaml), read at run time. Repeatable.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--no-builtin-rules", description = "Use only the --rules folders, not the built-in knowledge base.")
    boolean noBuiltinRules;

    @Option(names = "--allow-unsafe-rules", description = "Trust rules that reach outside the fact model (files, network, "
            + "processes, reflection). DRL is code: use only with rule files you trust like a program.")
    boolean allowUnsafeRules;

    @Option(names = "--rule-time-limit", paramLabel = "SECONDS", description = "How long the rules of one diagnosis may "
            + "run before they are stopped with exit 4 naming the rule (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    double ruleTimeLimit;

    /** The pack as loaded, problems included (nothing compiled): for the rule tools that do not diagnose. */
    RulePack load() {
        check();
        return RulePackLoader.of(!noBuiltinRules, dirs).load();
    }

    /** A Wudoctor builder for these rules. */
    Wudoctor.Builder builder() {
        check();
        Wudoctor.Builder builder = Wudoctor.builder().builtinRules(!noBuiltinRules).allowUnsafeRules(allowUnsafeRules)
                .ruleTimeLimit(java.time.Duration.ofMillis((long) Math.ceil(ruleTimeLimit * 1000)));
        dirs.forEach(builder::rulesDir);
        return builder;
    }

    private void check() {
        // Without the built-in pack and without a folder there are no rules: every plan would be empty, which looks like an answer.
        if (noBuiltinRules && dirs.isEmpty()) {
            throw new UsageException("--no-builtin-rules needs at least one --rules DIR (else there are no rules)");
        }
        if (!(ruleTimeLimit > 0 && ruleTimeLimit <= 86_400)) {
            throw new UsageException("--rule-time-limit takes seconds between 0 and 86400, not " + ruleTimeLimit);
        }
    }
}
