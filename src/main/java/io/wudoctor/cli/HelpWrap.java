package io.wudoctor.cli;

import io.wudoctor.internal.render.Wrap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Wraps option and parameter descriptions at spaces only, before picocli lays them out.
 * picocli breaks an over-long line where java.text.BreakIterator allows, which is also after
 * a '.', '-' or '=' inside a word ("docs/facts." / "md", "--fail-" / "on-cause"); lines that
 * already fit its column are left alone, so no path, option or value is split.
 *
 * <p>Laying the help out to find that column costs a fifth of a warm diagnosis, so it is done
 * to a command only when its help is rendered ({@link #install}), not on every run.
 */
final class HelpWrap {

    private HelpWrap() {
    }

    /** Wraps each command's descriptions the first time its help is rendered. */
    static void install(CommandLine cli) {
        Set<CommandSpec> wrapped = Collections.newSetFromMap(new IdentityHashMap<>());
        cli.setHelpFactory((spec, colors) -> {
            if (wrapped.add(spec)) { // before measuring: the measurement renders the help through this factory too
                wrap(spec.commandLine());
            }
            return new CommandLine.Help(spec, colors);
        });
    }

    /** Wraps the descriptions of {@code cli} and of all its subcommands now (for documents made from the specs, such as man pages). */
    static void apply(CommandLine cli) {
        wrap(cli);
        cli.getSubcommands().values().stream().filter(s -> s != cli).forEach(HelpWrap::apply);
    }

    private static void wrap(CommandLine cli) {
        CommandSpec spec = cli.getCommandSpec();
        int width = descriptionWidth(cli);
        for (OptionSpec o : new ArrayList<>(spec.options())) {
            if (o.description().length > 0) {
                spec.remove(o);
                spec.addOption(o.toBuilder().description(wrap(o.description(), width)).build());
            }
        }
        for (PositionalParamSpec p : new ArrayList<>(spec.positionalParameters())) {
            if (p.description().length > 0) {
                spec.remove(p);
                spec.addPositional(p.toBuilder().description(wrap(p.description(), width)).build());
            }
        }
    }

    /** Where picocli starts descriptions, measured on the help it renders now. */
    private static int descriptionWidth(CommandLine cli) {
        int width = cli.getCommandSpec().usageMessage().width();
        String help = cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
        int column = 0;
        for (ArgSpec a : cli.getCommandSpec().args()) {
            if (a.description().length == 0 || a.description()[0].isBlank()) {
                continue;
            }
            String start = a.description()[0].split("\\s+")[0];
            for (String line : help.split("\\R")) {
                int at = line.indexOf("  " + start);
                if (at > 0 && line.stripLeading().startsWith("-") || at > 0 && line.stripLeading().startsWith("[")) {
                    column = Math.max(column, at + 2);
                }
            }
        }
        return width - (column == 0 ? 30 : column);
    }

    private static String[] wrap(String[] description, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : description) {
            lines.addAll(List.of(Wrap.wrap(paragraph, "", "", width).split("\n")));
        }
        return lines.toArray(String[]::new);
    }
}
