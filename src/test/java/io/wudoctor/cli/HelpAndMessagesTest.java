package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help and error messages read well on an 80-column terminal: examples, no line too long, no word split. */
class HelpAndMessagesTest {

    /** Every command and subcommand, as the words that name it (the root is the empty list). */
    private static List<List<String>> commands(CommandLine c, List<String> path) {
        List<List<String>> out = new java.util.ArrayList<>(List.of(path));
        c.getSubcommands().forEach((name, sub) -> {
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                List<String> p = new java.util.ArrayList<>(path);
                p.add(name);
                out.addAll(commands(sub, p));
            }
        });
        return out;
    }

    @Test
    void everyCommandsHelpHasExamplesFitsEightyColumnsAndSplitsNoWord() {
        CommandLine root = Main.commandLine();
        List<List<String>> all = commands(root, List.of());
        assertThat(all).contains(List.of("diagnose"), List.of("rules", "validate")).hasSizeGreaterThan(6);
        for (List<String> path : all) {
            CommandLine cmd = root;
            for (String name : path) {
                cmd = cmd.getSubcommands().get(name);
            }
            String[] args = new String[path.size() + 1];
            for (int i = 0; i < path.size(); i++) {
                args[i] = path.get(i);
            }
            args[path.size()] = "--help";
            CliRun help = CliRun.of(args);
            assertThat(help.code()).isZero();
            assertThat(help.out()).as(path + " --help").containsPattern("Examples:\n+  wudoctor ");
            assertThat(help.out().lines()).as(path + " --help").allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
            String flat = help.out().replaceAll("\\s+", " ");
            for (var arg : cmd.getCommandSpec().args()) {
                for (String d : arg.description()) {
                    for (String word : d.split("\\s+")) {
                        if (!word.contains("${")) {
                            assertThat(flat).as(path + ": the word '" + word + "' shown whole").contains(word);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aRunBuildsOnlyTheSubcommandItInvokesAndHelpOrATypoBuildsThemAll() {
        Main.SUBCOMMANDS.forEach((name, type) ->
                assertThat(type.getAnnotation(CommandLine.Command.class).name()).as("the name of " + type).isEqualTo(name));
        assertThat(Main.commandLine(System.in, "diagnose", "x.yaml").getSubcommands()).containsOnlyKeys("diagnose");
        assertThat(Main.commandLine(System.in, "rules", "list").getSubcommands()).containsOnlyKeys("rules");
        for (String[] args : List.of(new String[] {"help", "diagnose"}, new String[] {"diagnoze", "x"}, new String[] {"--help"},
                new String[0])) {
            assertThat(Main.commandLine(System.in, args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(Main.SUBCOMMANDS.keySet());
        }
    }

    @Test
    void aLongMessageIsWrappedAtSpacesForATerminal() {
        String path = "C:\\Windows\\Logs\\CBS\\CbsPersist_20261201000000.log";
        String message = "wudoctor: " + path + ":12:3: " + "the value is not one of the expected words ".repeat(8)
                + "(see docs/facts.md)\n  - a second problem, indented, that is also rather long " + "and goes on ".repeat(6);
        String wrapped = Messages.wrapped(message);
        assertThat(wrapped.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        assertThat(wrapped.lines().count()).isGreaterThan(4);
        assertThat(wrapped).contains(path).contains("docs/facts.md").contains(System.lineSeparator() + "  - a second");
        assertThat(wrapped.replaceAll("\\s+", " ").strip()).isEqualTo(message.replaceAll("\\s+", " ").strip());
    }

    @Test
    void redirectedMessagesStayOneLinePerProblem() {
        // no console under the test runner
        assertThat(Messages.forStderr("wudoctor: " + "x ".repeat(100))).isEqualTo("wudoctor: " + "x ".repeat(100)
                + System.lineSeparator());
    }
}
