package io.wudoctor.cli;

import io.wudoctor.exit.ExitCode;
import io.wudoctor.api.GatherListener;
import io.wudoctor.facts.Facts;
import io.wudoctor.internal.gather.live.LiveCollector;
import io.wudoctor.internal.gather.factsfile.FactsWriter;
import io.wudoctor.internal.gather.scan.SignatureSet;
import io.wudoctor.internal.gather.SourceLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wudoctor collect}: evidence in, a facts file out, to review, attach to a ticket and diagnose later. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  wudoctor collect --root /mnt/c -o facts.yaml", "  wudoctor collect --root evidence.zip | wudoctor diagnose -", "  wudoctor collect -o facts.yaml   (on Windows: this machine)"},
        description = {"Gathers the facts of a Windows machine (this one, or a system drive given with --root) and "
                + "writes them as a facts file (schemaVersion 1) to review, edit, attach to a ticket, and diagnose later "
                + "with 'wudoctor diagnose FILE'. Reads only: nothing on the machine is changed."})
final class CollectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR",
            description = "A folder laid out like a Windows system drive (a mounted image, /mnt/c under WSL, an unpacked "
                    + "bundle) or a bundle .zip (docs/bundle.md). Without it: this Windows machine.")
    Path root;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the facts file to FILE instead of stdout (- for stdout). Only a regular file is replaced (docs/output.md).")
    Path output;

    @Mixin
    RulesOptions rules;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() {
        if (root == null && !SourceLoader.liveSupported()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "nothing to collect from: " + LiveCollector.NOT_WINDOWS
                    + ", e.g. 'wudoctor collect --root /mnt/c -o facts.yaml'");
        }
        SignatureSet signatures = SignatureSet.of(rules.load()); // bad rules: exit 4 with every problem
        GatherListener listener = TerminalListener.forStderr(spec.commandLine().getErr(), progress);
        Facts facts = root == null ? SourceLoader.live(signatures, listener) : SourceLoader.load(root, () -> signatures, listener);
        String header = "Facts gathered by 'wudoctor collect' from " + (root == null ? "this machine" : root) + ".\n"
                + "Review or complete them (docs/facts.md), then run: wudoctor diagnose " + (output == null ? "FILE" : output);
        OutputFile.write(spec.commandLine().getOut(), output, FactsWriter.write(facts, header), "facts file", root);
        return ExitCode.OK.code;
    }
}
