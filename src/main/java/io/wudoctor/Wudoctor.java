package io.wudoctor;

import io.wudoctor.api.BadInputException;
import io.wudoctor.api.BadRulesException;
import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.Explained;
import io.wudoctor.api.GatherListener;
import io.wudoctor.api.RuleProblem;
import io.wudoctor.api.RulePackInfo;
import io.wudoctor.api.Verdict;
import io.wudoctor.api.Version;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.LogKind;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.internal.gather.bundle.BundleUnpacker;
import io.wudoctor.internal.engine.CompiledRules;
import io.wudoctor.internal.engine.DrlCompiler;
import io.wudoctor.internal.engine.RuleSession;
import io.wudoctor.internal.gather.factsfile.FactsReader;
import io.wudoctor.internal.gather.infer.IncidentResolution;
import io.wudoctor.internal.gather.scan.LogScanner;
import io.wudoctor.internal.gather.scan.SignatureSet;
import io.wudoctor.internal.kb.PackFile;
import io.wudoctor.internal.kb.RulePack;
import io.wudoctor.internal.kb.RulePackLoader;
import io.wudoctor.internal.plan.EvidenceMapper;
import io.wudoctor.internal.plan.InputWarnings;
import io.wudoctor.internal.plan.Planner;
import io.wudoctor.internal.gather.SourceLoader;
import io.wudoctor.internal.engine.trust.TrustScan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The library's entry point: load the rules once, diagnose many fact sets.
 *
 * <pre>{@code
 * Wudoctor doctor = Wudoctor.builder()
 *         .rulesDir(Path.of("my-rules"))      // optional: analysts' extra rules, read at run time
 *         .build();                           // compiles (or loads cached) rules; throws BadRulesException
 * Facts facts = Wudoctor.readFacts(Path.of("facts.yaml"));  // or build Facts in code
 * Diagnosis d = doctor.diagnose(facts);
 * d.steps().forEach(s -> System.out.println(s.number() + ". " + s.title() + " " + s.confidence()));
 * String json = d.toJson();                   // the documented JSON (docs/output.md)
 * }</pre>
 *
 * A {@code Wudoctor} is immutable and thread-safe: each diagnosis runs in its own rule session.
 */
public final class Wudoctor {

    private final RulePack pack;
    private final CompiledRules rules;
    private final int maxFirings;
    private final long budgetMillis;
    private final long budgetBytes;
    private final BundleUnpacker.Limits bundleLimits;
    private final RulePackInfo rulePack;
    /** Compiled on the first gather that scans a log, then kept: a batch gathers thousands of sources with one doctor. */
    private volatile SignatureSet signatures;

    private Wudoctor(RulePack pack, CompiledRules rules, Builder b, RulePackInfo rulePack) {
        this.pack = pack;
        this.rules = rules;
        this.maxFirings = b.maxFirings;
        this.budgetMillis = b.budgetMillis;
        this.budgetBytes = b.budgetBytes;
        this.bundleLimits = new BundleUnpacker.Limits(BundleUnpacker.Limits.DEFAULT.maxEntries(), b.maxBundleBytes);
        this.rulePack = rulePack;
    }

    /** Which rules this doctor runs: the built-in pack's version and hash, and each folder's hash. */
    public RulePackInfo rulePack() {
        return rulePack;
    }

    /** The built-in rule pack this build ships, as {@link #rulePack()} names it. */
    public static RulePackInfo.Builtin builtinRulePack() {
        return new RulePackLoader().builtin().info().builtin();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts loading the built-in rules on a background thread and returns at once: a
     * {@link Builder#build()} with the built-in rules soon after finds them loaded, or waits for
     * the load under way instead of repeating it. A CLI calls this before it parses its
     * arguments. A failure is left for {@code build()} to report.
     *
     * @param alone whether the built-in rules will run without an analyst's folder: only then is
     *     their own KieBase of use (one with a folder's rules too is built from both)
     */
    public static void preloadBuiltinRules(boolean alone) {
        // two parts side by side: the rules the jar ships (their models, and KieBase), and reading (and hashing) their files
        inBackground("wudoctor-preload-shipped", () -> DrlCompiler.prepareShipped(alone));
        inBackground("wudoctor-preload", () -> new RulePackLoader().builtin());
    }

    private static void inBackground(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable reportedByBuild) {
                // build() meets the same problem again and reports it to its caller; a thread of
                // its own must print nothing (the JVM would print an uncaught one's stack trace)
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether {@link #gather} reads {@code source} as a facts file: one that needs no rules to read. */
    public static boolean isFactsFile(Path source) {
        return SourceLoader.isFactsFile(source);
    }

    /** Reads a facts file (YAML or JSON); throws {@link BadInputException} naming file, line and column. */
    public static Facts readFacts(Path file) {
        return FactsReader.read(file);
    }

    /**
     * Gathers the facts of one machine from {@code source}: a facts file, a folder laid out like a
     * Windows system drive, or a bundle .zip (docs/bundle.md); with a null source, from the Windows
     * machine this runs on. Logs are scanned with this doctor's log signatures.
     *
     * @throws BadInputException naming what is wrong with the source
     */
    public Facts gather(Path source, GatherListener listener) {
        if (source == null) {
            return SourceLoader.live(signatures(), listener);
        }
        return SourceLoader.load(source, this::signatures, listener, bundleLimits);
    }

    private SignatureSet signatures() {
        SignatureSet s = signatures;
        if (s == null) {
            synchronized (this) {
                s = signatures;
                if (s == null) {
                    s = SignatureSet.compile(pack.signatures());
                    signatures = s;
                }
            }
        }
        return s;
    }

    /** Diagnoses one machine. */
    public Diagnosis diagnose(Facts facts) {
        return diagnoseExplained(facts).diagnosis();
    }

    /** A diagnosis together with the rule firings behind it, for {@code --explain} and analysts' tools. */
    public Explained diagnoseExplained(Facts facts) {
        return diagnoseExplainedWithout(facts, java.util.Set.of());
    }

    /**
     * A diagnosis as if the rules with these ids were not loaded (they never fire), for a mutation
     * pass over a pack's test cases: a rule whose absence no case notices is not tested.
     */
    public Explained diagnoseExplainedWithout(Facts facts, java.util.Set<String> ruleIds) {
        IncidentResolution.Result incident = IncidentResolution.of(facts);
        List<String> warnings = new ArrayList<>(incident.warnings());
        Facts effective = facts.incident() == null ? facts.overlay(Facts.of(incident.incident())) : facts;
        warnings.addAll(InputWarnings.of(effective, pack));
        if (rules.cacheWarning() != null) {
            warnings.add(rules.cacheWarning());
        }
        RuleSession.Result run = RuleSession.run(rules.kieBase(), effective, maxFirings, budgetMillis, budgetBytes, ruleIds);
        Planner.Plan plan = new Planner(pack).plan(run.findings(), effective);
        warnings.addAll(plan.warnings());
        Facts known = incident.report().origin().equals("assumed") ? facts : effective; // an assumed incident is not evidence
        Diagnosis diagnosis = new Diagnosis(Diagnosis.SCHEMA_VERSION, "wudoctor " + Version.NUMBER,
                Summary.of(plan, incident.report()), Verdict.of(plan.findings(), Coverage.missing(known)), incident.report(),
                plan.findings(), plan.steps(), plan.skipped(), warnings, rulePack);
        return new Explained(diagnosis, run.firings().stream()
                .map(f -> new Explained.Firing(f.order(), f.ruleId(),
                        f.matched().stream().map(EvidenceMapper::ofMatched).toList(),
                        f.concluded().stream().map(c -> new Explained.Conclusion(c.cause(), c.confidence(), c.fixes())).toList()))
                .toList(), plan.causeArithmetic(), plan.stepArithmetic());
    }

    /** The ids of the rules this doctor runs, sorted: for a mutation pass ({@link #diagnoseExplainedWithout}). */
    public List<String> ruleIds() {
        return pack.ruleIds();
    }

    /**
     * The {@code *.tests.yaml} files of these rules, in load order: each file's name (a path, or
     * builtin:NAME) and text. {@code rules test} runs their cases on this doctor, so the rules are
     * loaded once.
     */
    public java.util.Map<String, String> ruleTestFiles() {
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        pack.tests().forEach(f -> files.put(f.name(), f.content()));
        return files;
    }

    /**
     * The lines of {@code text}, a log of this kind named {@code file}, that this doctor's log
     * signatures match, as {@link #gather} would find them in that file: for a log held in memory.
     */
    public List<LogMatch> scanLog(LogKind log, String file, String text) {
        try {
            return new LogScanner(signatures().forLog(log))
                    .scan(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), file, done -> { })
                    .matches();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail to read
        }
    }

    /** How the rules were obtained: compiled now, or loaded from the cache, and in how long. */
    public String rulesInfo() {
        return pack.drl().size() + " rule file(s), " + (rules.fromCache() ? "loaded from cache" : "compiled") + " in "
                + rules.compileMillis() + " ms";
    }

    /** Configures and builds a {@link Wudoctor}. */
    public static final class Builder {
        private final List<Path> rulesDirs = new ArrayList<>();
        private boolean builtinRules = true;
        private Path cacheDir = defaultCacheDir();
        private int maxFirings = RuleSession.DEFAULT_MAX_FIRINGS;
        private boolean allowUnsafeRules;
        private long budgetMillis = RuleSession.DEFAULT_BUDGET_MILLIS;
        private long budgetBytes = RuleSession.DEFAULT_BUDGET_BYTES;
        private long maxBundleBytes = BundleUnpacker.Limits.DEFAULT.maxTotalBytes();

        private Builder() {
        }

        /**
         * The time and memory one diagnosis's rules may take (default 10 s and 1 GiB allocated);
         * past either, or out of stack, {@link #diagnose} throws {@link BadRulesException} naming the rule.
         */
        public Builder ruleBudget(java.time.Duration time, long bytes) {
            if (time.isNegative() || time.isZero() || bytes <= 0) {
                throw new IllegalArgumentException("the rule budget must be positive");
            }
            this.budgetMillis = time.toMillis();
            this.budgetBytes = bytes;
            return this;
        }

        /** The time one diagnosis's rules may take, with the default memory budget (see {@link #ruleBudget}). */
        public Builder ruleTimeLimit(java.time.Duration time) {
            return ruleBudget(time, budgetBytes);
        }

        /**
         * The most bytes a bundle may unpack to before it is refused as a zip bomb (default 4 GiB):
         * a fleet run unpacking several bundles at once may want less temporary disk per bundle.
         */
        public Builder maxBundleBytes(long max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxBundleBytes must be positive, not " + max);
            }
            this.maxBundleBytes = max;
            return this;
        }

        /** Adds a folder of analysts' rules (.drl, *.causes.yaml, *.fixes.yaml, *.signatures.yaml). */
        public Builder rulesDir(Path dir) {
            rulesDirs.add(dir);
            return this;
        }

        /** Whether to load the built-in knowledge base (default true). */
        public Builder builtinRules(boolean use) {
            this.builtinRules = use;
            return this;
        }

        /** Where compiled rules are cached; null disables the cache. Default: the wudoctor.cacheDir system property, WUDOCTOR_CACHE_DIR, or the user's cache folder. */
        public Builder cacheDir(Path dir) {
            this.cacheDir = dir;
            return this;
        }

        /** The most rule firings one diagnosis may take before it is stopped as a loop. */
        public Builder maxFirings(int max) {
            this.maxFirings = max;
            return this;
        }

        /**
         * Whether to run rules that reach outside the fact model (files, network, processes,
         * reflection ...). Default false: such rules are refused when the rules are built. DRL is
         * code; allow this only for rule files you trust as you trust a program (docs/authoring-rules.md).
         */
        public Builder allowUnsafeRules(boolean allow) {
            this.allowUnsafeRules = allow;
            return this;
        }

        private RulePackLoader loader() {
            return RulePackLoader.of(builtinRules, rulesDirs);
        }

        /** Loads and compiles the rules. @throws BadRulesException listing every problem with file and line */
        public Wudoctor build() {
            RulePackLoader loader = loader();
            List<PackFile> drl = loader.drlFiles();
            List<RuleProblem> problems = new ArrayList<>();
            var groups = DrlCompiler.groups(drl, rulesDirs);
            if (!allowUnsafeRules) {
                // before compiling: nothing of a refused rule is loaded (the built-in rules in the jar were checked when it was built)
                problems.addAll(TrustScan.refusals(DrlCompiler.notShipped(groups)));
            }
            // Loading the compiled rules and parsing the catalogs each take a few hundred
            // milliseconds of a CLI run: do them side by side.
            CompletableFuture<CompiledRules> compiled = problems.isEmpty()
                    ? CompletableFuture.supplyAsync(() -> new DrlCompiler(cacheDir, allowUnsafeRules).compile(groups))
                    : null;
            RulePack pack = loader.load();
            problems.addAll(0, pack.problems());
            if (!problems.isEmpty()) {
                throw new BadRulesException(problems);
            }
            try {
                return new Wudoctor(pack, compiled.join(), this, loader.info());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }

        /** The compiled-rules cache used unless {@link #cacheDir} says otherwise: the wudoctor.cacheDir property, WUDOCTOR_CACHE_DIR, else the user cache. */
        public static Path defaultCacheDir() {
            String property = System.getProperty("wudoctor.cacheDir");
            if (property != null && !property.isBlank()) {
                return Path.of(property);
            }
            String env = System.getenv("WUDOCTOR_CACHE_DIR");
            if (env != null && !env.isBlank()) {
                return Path.of(env);
            }
            String local = System.getenv("LOCALAPPDATA");
            if (local != null && !local.isBlank()) {
                return Path.of(local, "wudoctor", "cache");
            }
            String xdg = System.getenv("XDG_CACHE_HOME");
            String home = System.getProperty("user.home");
            if ((xdg == null || xdg.isBlank()) && (home == null || home.isBlank() || home.equals("?"))) {
                return null; // no home (HOME unset, a service account): compile every run
            }
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache");
            return base.resolve("wudoctor");
        }
    }
}
