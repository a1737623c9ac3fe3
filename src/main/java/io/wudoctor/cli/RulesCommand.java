package io.wudoctor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code wudoctor rules}: the analysts' tools. Rules are data read at run time; none of this needs a rebuild. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  wudoctor rules list", "  wudoctor rules validate --rules my-rules", "  wudoctor rules test --rules my-rules"},
        description = "List, validate and test the rules (built-in and --rules folders) without rebuilding wudoctor.%n"
                + "See docs/authoring-rules.md.",
        subcommands = {RulesListCommand.class, RulesValidateCommand.class, RulesTestCommand.class})
final class RulesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, validate or test");
    }
}
