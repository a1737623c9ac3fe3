package io.wudoctor.cli;

import io.wudoctor.exit.ExitCode;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.wudoctor.Wudoctor;
import io.wudoctor.internal.authoring.inventory.Inventory;
import io.wudoctor.internal.authoring.inventory.Item;
import io.wudoctor.internal.kb.RulePack;
import io.wudoctor.internal.authoring.validate.Issue;
import io.wudoctor.internal.authoring.validate.Validator;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code wudoctor rules validate}: every problem in the rules, in one run, each with file and line. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  wudoctor rules validate", "  wudoctor rules validate --format json > validation.json", "  wudoctor rules validate --rules my-rules --no-builtin-rules"},
        description = {"Compiles the rules and checks them: metadata, cross-references (causes, fixes, signatures, test "
                + "cases), duplicate ids, fix contents, signature regexes against their examples, and the trust model.",
                "Prints every problem as FILE:LINE: error|warning: MESSAGE, then a summary; with --format json, one "
                + "object (docs/authoring-rules.md). Warnings do not fail."})
final class RulesValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json, in any case (default: ${DEFAULT-VALUE}).")
    String format;

    /** The JSON form: counts, what was checked, and every problem (docs/authoring-rules.md). */
    @JsonPropertyOrder({"schemaVersion", "errors", "warnings", "checked", "issues"})
    record Json(int schemaVersion, long errors, long warnings, Map<String, Integer> checked, List<JsonIssue> issues) {
    }

    record JsonIssue(String severity, String file, int line, String message) {
    }

    @Override
    public Integer call() {
        String format = FormatName.of(spec.commandLine(), this.format, "text", "json");
        RulePack pack = rules.load();
        Validator.Result result = new Validator(Wudoctor.Builder.defaultCacheDir())
                .validate(pack, rules.dirs, rules.allowUnsafeRules);
        PrintWriter out = spec.commandLine().getOut();
        Inventory inv = Inventory.of(pack);
        int files = pack.drl().size() + pack.catalogs().size() + pack.tests().size();
        if (format.equals("json")) {
            Map<String, Integer> checked = new LinkedHashMap<>();
            checked.put("rules", inv.items(Item.Kind.RULE).size());
            checked.put("signatures", inv.items(Item.Kind.SIGNATURE).size());
            checked.put("fixes", inv.items(Item.Kind.FIX).size());
            checked.put("causes", inv.items(Item.Kind.CAUSE).size());
            checked.put("files", files);
            List<JsonIssue> issues = result.issues().stream().map(i -> new JsonIssue(
                    i.severity().name().toLowerCase(Locale.ROOT), i.file(), i.line(), i.message())).toList();
            out.print(RulesListCommand.json(new Json(1, result.errors(), result.warnings(), checked, issues)));
            out.flush();
            return result.errors() > 0 ? ExitCode.BAD_RULES.code : ExitCode.OK.code;
        }
        result.issues().forEach(out::println);
        out.printf("%s, %s (checked %d rules, %d signatures, %d fixes, %d causes in %d files)%n",
                count(result.errors(), "error"), count(result.warnings(), "warning"), inv.items(Item.Kind.RULE).size(),
                inv.items(Item.Kind.SIGNATURE).size(), inv.items(Item.Kind.FIX).size(), inv.items(Item.Kind.CAUSE).size(),
                files);
        out.flush();
        return result.errors() > 0 ? ExitCode.BAD_RULES.code : ExitCode.OK.code;
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
