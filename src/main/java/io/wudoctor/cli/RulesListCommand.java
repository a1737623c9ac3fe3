package io.wudoctor.cli;

import io.wudoctor.exit.ExitCode;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.wudoctor.api.SourceRef;
import io.wudoctor.internal.authoring.inventory.Inventory;
import io.wudoctor.internal.authoring.inventory.Item;
import io.wudoctor.internal.kb.PackFile;
import io.wudoctor.internal.kb.RulePack;
import io.wudoctor.internal.authoring.ruletest.CaseResult;
import io.wudoctor.internal.authoring.ruletest.RuleCaseRunner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wudoctor rules list}: every rule, signature, fix and cause with its metadata and where it is defined. */
@Command(name = "list", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  wudoctor rules list", "  wudoctor rules list --rules my-rules --format json"},
        description = "Lists every rule, log signature, fix and cause: id, status, title, source and file:line. Rules also "
                + "show how many test cases name them. Nothing is compiled or run.")
final class RulesListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json, in any case (default: ${DEFAULT-VALUE}).")
    String format;

    /** One listed item, as JSON shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Listed(String id, String title, String status, SourceRef source, String justification, String file, int line,
            Integer tests) {
    }

    @Override
    public Integer call() {
        String format = FormatName.of(spec.commandLine(), this.format, "text", "json");
        RulePack pack = rules.load();
        Inventory inventory = Inventory.of(pack);
        Map<String, Integer> tests = testsPerRule(pack);
        Map<String, List<Listed>> byKind = new LinkedHashMap<>();
        for (Item.Kind kind : Item.Kind.values()) {
            List<Listed> list = new ArrayList<>();
            for (Item i : inventory.items(kind)) {
                list.add(new Listed(i.id(), i.title(), i.status(), i.document() == null && i.section() == null ? null
                        : new SourceRef(i.document(), i.section()), i.justification(), i.file(), i.line(),
                        kind == Item.Kind.RULE ? tests.getOrDefault(i.id(), 0) : null));
            }
            byKind.put(kind == Item.Kind.FIX ? "fixes" : kind.label + "s", list);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.equals("json") ? json(byKind) : text(byKind));
        out.flush();
        if (!pack.problems().isEmpty()) {
            spec.commandLine().getErr().println("wudoctor: warning: " + pack.problems().size()
                    + " problem(s) loading the rules; run 'wudoctor rules validate' for the details");
        }
        return ExitCode.OK.code;
    }

    /** How many cases name each rule (a tests file that does not parse counts nothing; validate reports it). */
    private static Map<String, Integer> testsPerRule(RulePack pack) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PackFile f : pack.tests()) {
            for (RuleCaseRunner.Located c : RuleCaseRunner.parse(f, new ArrayList<CaseResult>())) {
                if (c.ruleCase().rule() != null) {
                    counts.merge(c.ruleCase().rule(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static String text(Map<String, List<Listed>> byKind) {
        StringBuilder out = new StringBuilder();
        byKind.forEach((kind, list) -> {
            out.append(out.length() == 0 ? "" : "\n").append(kind.toUpperCase(java.util.Locale.ROOT))
                    .append(" (").append(list.size()).append(")\n");
            for (Listed l : list) {
                out.append(l.id() == null ? "(no id)" : l.id()).append("  ").append(l.status() == null ? "(no status)" : l.status())
                        .append("  ").append(l.file()).append(l.line() > 0 ? ":" + l.line() : "");
                if (l.tests() != null) {
                    out.append("  ").append(l.tests()).append(l.tests() == 1 ? " test" : " tests");
                }
                out.append('\n');
                out.append("    ").append(l.title() == null ? "(no title)" : l.title()).append('\n');
                out.append("    ").append(l.source() == null ? "(no source)" : l.source().toString()).append('\n');
            }
        });
        return out.toString();
    }

    /** Pretty-printed JSON of a rules command's result (list, validate). */
    static String json(Object value) {
        try {
            return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the list", e);
        }
    }
}
