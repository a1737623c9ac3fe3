package io.wudoctor.cli;

import io.wudoctor.exit.ExitCode;
import io.wudoctor.Wudoctor;
import io.wudoctor.api.WudoctorException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The wudoctor command line. {@link #run} does everything but exit, so tests can call it. */
@Command(name = "wudoctor", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  wudoctor diagnose facts-samples/ms-s1-clr-optimization.yaml", "  wudoctor diagnose /mnt/c --format html -o report.html", "  wudoctor collect --root /mnt/c -o facts.yaml", "  wudoctor rules validate --rules my-rules", "  wudoctor diagnose --help"},
        versionProvider = Main.Version.class,
        description = "Diagnoses Windows Update error 0x80070002 and prints a ranked, explained fix plan.%n"
                + "wudoctor only reads: it never runs a fix on the machine.")
public final class Main implements Runnable {

    /**
     * The subcommands by their {@code @Command} names, in the order the help lists them. Added
     * by {@link #commandLine(java.io.InputStream, String...)}, not declared on the annotation:
     * picocli reads every subcommand's annotations when it builds one, and a run needs only the
     * one it invokes.
     */
    static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, Class<?>> subcommands() {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        m.put("diagnose", DiagnoseCommand.class);
        m.put("batch", BatchCommand.class);
        m.put("collect", CollectCommand.class);
        m.put("rules", RulesCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'wudoctor diagnose FILE' or 'wudoctor --help'");
    }

    /**
     * When set (to a facts file), the run diagnoses it once in every output format, printing
     * nothing: the launchers record the class-data archive from such a run, so the classes of
     * every format, not only of the text report, start from the archive.
     */
    static final String ARCHIVE_TRAINING = "wudoctor.archiveTraining";
    private static final List<String> FORMATS = List.of("text", "json", "markdown", "html", "ps1", "cmd");

    public static void main(String[] args) {
        String training = System.getProperty(ARCHIVE_TRAINING);
        if (training != null) {
            System.exit(train(training));
        }
        if (diagnoses(args)) {
            // on the other core while picocli parses and the facts are read
            Wudoctor.preloadBuiltinRules(!hasOption(List.of(args), "--rules"));
        }
        // the file descriptor itself, not System.out: a PrintStream hides write errors, and a full disk must fail the run
        PrintWriter out = ConsoleWriter.of(new java.io.BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out)),
                ConsoleWriter.charsetOf("sun.stdout.encoding"));
        PrintWriter err = ConsoleWriter.of(System.err, ConsoleWriter.charsetOf("sun.stderr.encoding"));
        System.exit(run(out, err, args));
    }

    /**
     * Whether {@code args} run diagnoses with the built-in rules as the jar ships them: a guess
     * before parsing, which only decides whether loading them starts early.
     */
    static boolean diagnoses(String... args) {
        List<String> all = List.of(args);
        return !all.isEmpty() && (all.get(0).equals("diagnose") || all.get(0).equals("batch"))
                && !hasOption(all, "--no-builtin-rules") && !hasOption(all, "--allow-unsafe-rules");
    }

    /** Whether {@code args} hold the option {@code name}, alone or as {@code name=VALUE}. */
    private static boolean hasOption(List<String> args, String name) {
        return args.stream().anyMatch(a -> a.equals(name) || a.startsWith(name + "="));
    }

    /** Diagnoses {@code facts} in every output format, printing nothing; the highest exit code. */
    static int train(String facts) {
        PrintWriter none = new PrintWriter(java.io.Writer.nullWriter());
        int worst = 0;
        for (String format : FORMATS) {
            worst = Math.max(worst, run(none, none, "diagnose", facts, "--format", format));
        }
        return worst;
    }

    /** Runs the CLI with these streams and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(System.in, out, err, args);
    }

    /** Runs the CLI with this standard input ({@code diagnose -}) and these streams; returns the exit code. */
    public static int run(java.io.InputStream in, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(in, args);
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The whole command line, every subcommand included. */
    static CommandLine commandLine() {
        return commandLine(System.in);
    }

    /**
     * The command line for {@code args}: when they start with a subcommand's name (other than
     * {@code help}), only that subcommand is built, since the rest of the arguments go to it
     * alone; otherwise (help, a typo, no command) every one, for the help and suggestions.
     */
    static CommandLine commandLine(java.io.InputStream in, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                return cls == DiagnoseCommand.class ? (K) new DiagnoseCommand(new StdinFacts(in)) : defaults.create(cls);
            }
        };
        CommandLine cli = new CommandLine(new Main(), factory);
        String invoked = args.length > 0 && !args[0].equals("help") && SUBCOMMANDS.containsKey(args[0]) ? args[0] : null;
        // before the settings below: picocli passes each setting to the subcommands there are when it is made
        SUBCOMMANDS.forEach((name, command) -> {
            if (invoked == null || invoked.equals(name)) {
                cli.addSubcommand(name, command);
            }
        });
        cli.setParameterExceptionHandler((e, unused) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().print(Messages.forStderr("wudoctor: " + e.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE.code;
        });
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCode.USAGE.code : ExitCode.of(e).code);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof WudoctorException w) {
                cmd.getErr().print(Messages.forStderr("wudoctor: " + w.getMessage()));
                return ExitCode.of(w).code;
            }
            cmd.getErr().println("wudoctor: internal error: " + e);
            if (System.getenv("WUDOCTOR_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("(set WUDOCTOR_DEBUG=1 for the stack trace)");
            }
            return ExitCode.INTERNAL_ERROR.code;
        });
        exitCodesInHelp(cli);
        HelpWrap.install(cli);
        return cli;
    }

    /** Every command's --help lists the exit codes. */
    private static void exitCodesInHelp(CommandLine c) {
        c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.helpList());
        c.getSubcommands().values().stream().filter(s -> s != c && !(s.getCommand() instanceof CommandLine.HelpCommand))
                .forEach(Main::exitCodesInHelp);
    }

    /** Prints the version of wudoctor and of the rule engine. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String drools = org.kie.api.KieServices.class.getPackage().getImplementationVersion();
            var rules = Wudoctor.builtinRulePack();
            return new String[] {"wudoctor " + io.wudoctor.api.Version.NUMBER, "Drools " + (drools == null ? "10" : drools)
                    + ", Java " + System.getProperty("java.version"),
                    "built-in rules " + rules.version() + " sha256:" + rules.sha256() + " (" + rules.files() + " files)"};
        }
    }
}
