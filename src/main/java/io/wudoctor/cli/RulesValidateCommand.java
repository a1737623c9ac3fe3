package io.wudoctor.cli;

import io.wudoctor.api.Wudoctor;
import io.wudoctor.internal.engine.DrlCompiler;
import io.wudoctor.internal.inventory.Inventory;
import io.wudoctor.internal.inventory.Item;
import io.wudoctor.internal.pack.RulePack;
import io.wudoctor.internal.validate.Issue;
import io.wudoctor.internal.validate.Validator;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code wudoctor rules validate}: every problem in the rules, in one run, each with file and line. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  wudoctor rules validate", "  wudoctor rules validate --rules my-rules --no-builtin-rules"},
        description = {"Compiles the rules and checks them: metadata, cross-references (causes, fixes, signatures, test "
                + "cases), duplicate ids, fix contents, signature regexes against their examples, and the trust model.",
                "Prints every problem as FILE:LINE: error|warning: MESSAGE, then a summary. Warnings do not fail."})
final class RulesValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Override
    public Integer call() {
        RulePack pack = rules.load();
        Validator.Result result = new Validator(new DrlCompiler(Wudoctor.Builder.defaultCacheDir()))
                .validate(pack, rules.dirs, rules.allowUnsafeRules);
        PrintWriter out = spec.commandLine().getOut();
        result.issues().forEach(out::println);
        Inventory inv = Inventory.of(pack);
        out.printf("%s, %s (checked %d rules, %d signatures, %d fixes, %d causes in %d files)%n",
                count(result.errors(), "error"), count(result.warnings(), "warning"), inv.items(Item.Kind.RULE).size(),
                inv.items(Item.Kind.SIGNATURE).size(), inv.items(Item.Kind.FIX).size(), inv.items(Item.Kind.CAUSE).size(),
                pack.drl().size() + pack.catalogs().size() + pack.tests().size());
        out.flush();
        return result.errors() > 0 ? ExitCode.BAD_RULES.code : ExitCode.OK.code;
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
