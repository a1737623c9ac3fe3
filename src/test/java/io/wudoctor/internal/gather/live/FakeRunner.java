package io.wudoctor.internal.gather.live;

import io.wudoctor.testing.TestFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/**
 * Replays recorded outputs: each rule answers the commands it recognises; anything else did
 * not run (exit -1), as a missing command would on Windows.
 */
final class FakeRunner implements CommandRunner {

    private record Rule(Predicate<List<String>> matches, Output output) {
    }

    private final List<Rule> rules = new ArrayList<>();
    final List<List<String>> calls = new ArrayList<>();

    /** Answers the PowerShell script containing {@code text}. */
    FakeRunner powershell(String text, int exit, byte[] stdout) {
        rules.add(new Rule(argv -> script(argv).contains(text), new Output(exit, stdout)));
        return this;
    }

    /** Answers the command whose words start with these (case-insensitive). */
    FakeRunner command(List<String> prefix, int exit, byte[] stdout) {
        rules.add(new Rule(argv -> startsWith(argv, prefix), new Output(exit, stdout)));
        return this;
    }

    FakeRunner command(List<String> prefix, int exit, String realLog) {
        return command(prefix, exit, TestFiles.bytes(TestFiles.realLog(realLog)));
    }

    @Override
    public Output run(List<String> argv) {
        calls.add(argv);
        return rules.stream().filter(r -> r.matches().test(argv)).map(Rule::output).findFirst().orElse(Output.NOT_RUN);
    }

    /** The script a PowerShell command line carries (-EncodedCommand), or "" for other commands. */
    static String script(List<String> argv) {
        int i = argv.indexOf("-EncodedCommand");
        return i < 0 ? "" : new String(Base64.getDecoder().decode(argv.get(i + 1)), StandardCharsets.UTF_16LE);
    }

    private static boolean startsWith(List<String> argv, List<String> prefix) {
        if (argv.size() < prefix.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!argv.get(i).equalsIgnoreCase(prefix.get(i))) {
                return false;
            }
        }
        return true;
    }
}
