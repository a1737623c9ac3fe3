package io.wudoctor.internal.engine;

import io.wudoctor.api.BadRulesException;
import io.wudoctor.api.RuleProblem;
import io.wudoctor.api.Version;
import io.wudoctor.internal.kb.drl.InertDrl;
import io.wudoctor.internal.kb.PackFile;
import io.wudoctor.internal.kb.RulePackLoader;
import io.wudoctor.internal.engine.trust.CompiledRuleCheck;
import io.wudoctor.internal.engine.trust.RefusalLocator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles DRL into a KieBase, fast on every run but the first. DRL is compiled to Drools'
 * executable model (Java classes) and the resulting module is cached as a jar named by a
 * SHA-256 of the rule files' names and contents (plus the wudoctor and Drools versions). A
 * cached module loads in a fraction of the time a DRL build takes (see docs/performance.md);
 * editing any rule changes the key, so a stale cache is never used.
 *
 * <p>Build errors from the executable-model compiler sometimes lack a line or point at
 * generated Java; {@link #diagnose} turns them into file-and-line problems (see there).
 */
public final class DrlCompiler {

    private static final String KIE_PATH = "src/main/resources/wudoctor/";
    /** 3: modules are kept as the compiler wrote them, checked and rewritten on every load ({@link CheckedModule}). */
    private static final String CACHE_FORMAT = "wudoctor-rules-cache-3";

    /**
     * KieBases of rules the jar ships, built once per process: a KieBase is shared by the
     * sessions made from it and never changed by them, and building one is a third of a CLI
     * run's rule loading. Those of an analyst's folder are not kept: each edit would add one.
     */
    private static final Map<String, KieBase> SHIPPED_BASES = new ConcurrentHashMap<>();

    /** The keys hashed last, by trust mode and files: a few, as an edited folder adds one each time. */
    private static final Map<List<Object>, String> KEYS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, String> eldest) {
            return size() > 8;
        }
    };

    private final Path cacheDir;
    private final boolean trustAll;

    /** A compiler that refuses generated code outside the allow-list (docs/authoring-rules.md, "Trust"). */
    public DrlCompiler(Path cacheDir) {
        this(cacheDir, false);
    }

    /**
     * @param cacheDir where compiled rule modules are kept; null to compile every time (kept in a temp file)
     * @param trustAll load generated code the allow-list refuses (--allow-unsafe-rules); it still runs under the budget
     */
    public DrlCompiler(Path cacheDir, boolean trustAll) {
        this.cacheDir = cacheDir;
        this.trustAll = trustAll;
    }

    public CompiledRules compile(List<PackFile> drl) {
        return compile(List.of(drl));
    }

    /**
     * Compiles each group (the built-in rules, each analyst's folder: {@link #groups}) into a
     * module of its own, cached by that group's content, and builds one KieBase from all of
     * them: editing a rule of one folder recompiles that folder only, and the built-in rules
     * stay the module the jar ships. A group sees no other group's declared types or functions.
     */
    public CompiledRules compile(Collection<List<PackFile>> groups) {
        long start = System.nanoTime();
        List<List<PackFile>> nonEmpty = groups.stream().filter(g -> !g.isEmpty()).toList();
        if (nonEmpty.size() > 1) {
            List<RuleProblem> clashes = RuleNameClash.across(nonEmpty);
            if (!clashes.isEmpty()) {
                throw new BadRulesException(clashes); // one KieBase holds one rule per package and name
            }
        }
        List<Model> models = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        boolean allHit = true;
        boolean allShipped = true;
        String warning = null;
        for (List<PackFile> group : nonEmpty) {
            Module module = module(group);
            models.addAll(module.models());
            keys.add(module.key());
            allHit &= module.hit();
            allShipped &= module.shipped();
            warning = warning != null ? warning : module.warning();
        }
        String key = String.join("+", keys);
        KieBase kieBase = allShipped ? shippedBase(key, models) : KieBaseBuilder.createKieBaseFromModel(models);
        return new CompiledRules(kieBase, allHit, (System.nanoTime() - start) / 1_000_000, key, warning);
    }

    /**
     * Makes the models of the rules the jar ships, and with {@code kieBase} their KieBase, before
     * any rule file is read: a diagnosis whose built-in rules hash to the key the build recorded
     * finds them made, in the time the reading and hashing took. Any other rules never see them.
     */
    public static void prepareShipped(boolean kieBase) {
        String key = ShippedRules.shippedKey();
        List<Model> models = key == null ? null : ShippedRules.models(key);
        if (models != null && kieBase) {
            shippedBase(key, models);
        }
    }

    /** The KieBase of shipped rules under {@code key}: built from {@code models} by the first caller, waited for by the others. */
    private static KieBase shippedBase(String key, List<Model> models) {
        return SHIPPED_BASES.computeIfAbsent(key, k -> KieBaseBuilder.createKieBaseFromModel(models));
    }

    /** One group's compiled module: shipped in the jar, loaded from the cache, or compiled now. */
    private record Module(List<Model> models, String key, boolean hit, boolean shipped, String warning) {
    }

    private Module module(List<PackFile> drl) {
        String key = cacheKey(drl, trustAll); // an unchecked key never matches the shipped rules
        List<Model> shipped = ShippedRules.models(key);
        if (shipped != null) {
            return new Module(shipped, key, true, true, null);
        }
        Path cached = cacheDir == null ? null : cacheDir.resolve("rules-" + key + ".jar");
        boolean hit = cached != null && Files.isRegularFile(cached);
        List<Model> models = null;
        String[] warning = new String[1];
        if (hit) {
            try {
                models = CheckedModule.load(cached, trustAll);
            } catch (CheckedModule.Refused tampered) {
                hit = false; // changed since it was compiled: rebuilt below from the rules themselves
                warning[0] = "the cached compiled rules failed the trust check and were rebuilt (" + tampered.getMessage() + ")";
            } catch (IllegalStateException corrupt) {
                hit = false; // a truncated or foreign file: rebuild it below
            }
        }
        if (models == null) {
            models = CheckedModule.load(build(drl, cached, warning), trustAll);
        }
        return new Module(models, key, hit, false, warning[0]);
    }

    /**
     * The DRL files split as {@link #compile(Collection)} compiles them: the built-in files,
     * then those of each analyst's folder, in the order given (files outside every folder
     * form a last group).
     */
    public static Collection<List<PackFile>> groups(List<PackFile> drl, List<Path> folders) {
        Map<String, List<PackFile>> groups = new LinkedHashMap<>();
        for (PackFile f : drl) {
            String group = f.name().startsWith(RulePackLoader.BUILTIN_PREFIX) ? "" : null;
            for (int i = 0; group == null && i < folders.size(); i++) {
                if (Path.of(f.name()).startsWith(folders.get(i))) {
                    group = "folder " + i;
                }
            }
            groups.computeIfAbsent(group == null ? "other" : group, g -> new ArrayList<>()).add(f);
        }
        return groups.values();
    }

    /**
     * The files of the groups that do not come compiled in wudoctor's jar ({@link ShippedRules}):
     * the ones the trust check of the DRL text must see. The shipped ones passed it when the jar
     * was built.
     */
    public static List<PackFile> notShipped(Collection<List<PackFile>> groups) {
        return groups.stream().filter(g -> !ShippedRules.has(cacheKey(g, false))).flatMap(List::stream).toList();
    }

    /**
     * Compiles without loading anything: every problem with file and line, none when the rules
     * compile. Nothing of the rules runs, so this is safe on rules the trust check refused. A
     * success is cached like {@link #compile}'s, so the next diagnosis starts fast.
     */
    public List<RuleProblem> verify(List<PackFile> drl) {
        return verify(List.of(drl));
    }

    /** {@link #verify(List)} for each group as {@link #compile(Collection)} compiles it, and no rule name in two groups. */
    public List<RuleProblem> verify(Collection<List<PackFile>> groups) {
        List<RuleProblem> problems = new ArrayList<>();
        for (List<PackFile> group : groups) {
            problems.addAll(verifyGroup(group));
        }
        if (problems.isEmpty()) {
            problems.addAll(RuleNameClash.across(groups.stream().filter(g -> !g.isEmpty()).toList()));
        }
        return problems;
    }

    private List<RuleProblem> verifyGroup(List<PackFile> drl) {
        if (drl.isEmpty()) {
            return List.of();
        }
        String key = cacheKey(drl, trustAll);
        Path cached = cacheDir == null ? null : cacheDir.resolve("rules-" + key + ".jar");
        if (cached != null && Files.isRegularFile(cached) || ShippedRules.has(key)) {
            return List.of(); // this exact content compiled before
        }
        try {
            build(drl, cached, new String[1]);
            return List.of();
        } catch (BadRulesException e) {
            return e.problems().isEmpty() ? List.of(new RuleProblem("(rules)", 0, e.getMessage())) : e.problems();
        }
    }

    /** The cache key: trusted (unchecked) modules never share a key with checked ones. */
    static String cacheKey(List<PackFile> drl, boolean trustAll) {
        // A build asks for the same group's key twice (trust scan, compile) and a process builds
        // the built-in group in each doctor: the hash of a hundred kilobytes is made once. The
        // lookup compares the files' texts, and those read once per process are the same strings.
        List<Object> asked = List.of(trustAll, List.copyOf(drl));
        synchronized (KEYS) {
            String known = KEYS.get(asked);
            if (known != null) {
                return known;
            }
        }
        String key = hashKey(drl, trustAll);
        synchronized (KEYS) {
            KEYS.put(asked, key);
        }
        return key;
    }

    private static String hashKey(List<PackFile> drl, boolean trustAll) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, CACHE_FORMAT);
            update(sha, Version.NUMBER);
            update(sha, String.valueOf(KieServices.class.getPackage().getImplementationVersion()));
            update(sha, trustAll ? "unchecked" : "allow-list checked");
            for (PackFile f : drl) {
                update(sha, f.name());
                update(sha, f.content());
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) 0);
        sha.update(b);
    }

    /** @param warning receives why the cache could not be written, when it could not */
    private Path build(List<PackFile> drl, Path target, String[] warning) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.wudoctor", "rules", "1");
        KieBuilder builder = buildModel(ks, releaseId, drl);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new BadRulesException(diagnose(ks, releaseId, drl, errors));
        }
        byte[] bytes = ((InternalKieModule) builder.getKieModule()).getBytes();
        refuseUnsafe(drl, bytes);
        if (target != null) {
            try {
                return write(bytes, target);
            } catch (IOException | SecurityException | UnsupportedOperationException e) {
                // read-only, full, a file in the way: this run compiles for itself and says so once
                warning[0] = "the rules cache " + target.getParent() + " cannot be used (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); the rules were compiled for this run only "
                        + "(set WUDOCTOR_CACHE_DIR to a writable folder to start faster)";
            }
        }
        try {
            return write(bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compiled rules to a temporary file: " + e.getMessage(), e);
        }
    }

    /** Compiles {@code drl} into {@code dir}, named by its cache key, for the jar to ship. */
    Path precompile(List<PackFile> drl, Path dir) {
        String[] warning = new String[1];
        Path module = build(drl, dir.resolve("rules-" + cacheKey(drl, false) + ".jar"), warning);
        if (warning[0] != null) {
            throw new IllegalStateException(warning[0]);
        }
        return module;
    }

    /** Writes a module atomically to {@code target}, or to a temp file deleted at exit when target is null. */
    private static Path write(byte[] bytes, Path target) throws IOException {
        Path out = target;
        if (out == null) {
            out = Files.createTempFile("wudoctor-rules-", ".jar");
            out.toFile().deleteOnExit();
        } else {
            Files.createDirectories(out.getParent());
        }
        Path tmp = Files.createTempFile(out.getParent(), "rules-", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return out;
    }

    /**
     * Checks the classes of a module just compiled against the allow-list, for the problems with
     * files and lines; nothing of it has been loaded. The module is kept as compiled: every load
     * checks and rewrites it again ({@link CheckedModule}).
     *
     * @throws BadRulesException naming every refused reach with file and line (unless trustAll)
     */
    private void refuseUnsafe(List<PackFile> drl, byte[] module) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(module))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (!e.isDirectory() && e.getName().endsWith(".class")) {
                    classes.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory module the compiler just wrote
        }
        List<CompiledRuleCheck.Refusal> refusals = CompiledRuleCheck.check(classes).refusals();
        if (!refusals.isEmpty() && !trustAll) {
            throw new BadRulesException(RefusalLocator.problems(refusals, drl));
        }
    }

    /**
     * The executable-model build of {@code drl}. The model compiler throws on some constraints
     * instead of reporting them (a temporal operator written as a call, {@code after($a)}, fails
     * to type with "Cannot find a left leaf"): that is the rules' fault, reported like an error,
     * at the line of the expression it names when one of the files has it.
     */
    private static KieBuilder buildModel(KieServices ks, ReleaseId releaseId, List<PackFile> drl) {
        KieBuilder builder = ks.newKieBuilder(fileSystem(ks, releaseId, drl));
        try {
            builder.buildAll(ExecutableModelProject.class);
            return builder;
        } catch (RuntimeException e) {
            String why = oneLine(String.valueOf(e.getMessage()));
            int quoted = why.lastIndexOf(" : expression = ");
            String expression = quoted < 0 ? "" : why.substring(quoted + 16);
            String reason = quoted < 0 ? why : why.substring(0, quoted);
            RuleProblem at = ExpressionLocator.find(drl, expression)
                    .map(l -> new RuleProblem(l.file().name(), l.line(), "the rule compiler cannot type the expression '"
                            + expression + "' (" + reason + ")"))
                    .orElse(new RuleProblem("(rules)", 0, "the rule compiler failed on these rules: " + why));
            throw new BadRulesException(List.of(at));
        }
    }

    /**
     * Every error with file and line. The model compiler's own errors are the truth (the
     * classic compiler rejects valid rules, e.g. record accessors in constraints), but it
     * reports a consequence that does not compile against generated Java sources, and a
     * constraint error without a line. So: its errors in DRL files are kept, with the line
     * found from the quoted expression when it gives none; for errors in generated sources the
     * classic compiler is asked, and only its consequence errors ("Rule Compilation error",
     * at the rule's line) are kept.
     */
    private static List<RuleProblem> diagnose(KieServices ks, ReleaseId releaseId, List<PackFile> drl,
            List<Message> modelErrors) {
        List<RuleProblem> problems = new ArrayList<>();
        List<Message> inGeneratedJava = new ArrayList<>();
        java.util.Set<PackFile> unparsable = new java.util.LinkedHashSet<>();
        for (Message m : modelErrors) {
            if (m.getText().contains("Parser returned a null Package")) {
                continue; // a consequence of a syntax error already reported for this file
            }
            PackFile file = drlFile(m.getPath(), drl);
            if (file == null) {
                inGeneratedJava.add(m);
            } else {
                int line = m.getLine() > 0 ? m.getLine() : locate(file.content(), m.getText());
                problems.add(new RuleProblem(file.name(), line, oneLine(m.getText())));
                if (m.getText().startsWith("[ERR")) {
                    unparsable.add(file);
                }
            }
        }
        if (!unparsable.isEmpty()) {
            // A syntax error stops the build before any other file is checked: check the rest too, for one complete report.
            List<PackFile> rest = drl.stream().filter(f -> !unparsable.contains(f)).toList();
            if (!rest.isEmpty()) {
                KieBuilder again = buildModel(ks, releaseId, rest);
                List<Message> errors = again.getResults().getMessages(Message.Level.ERROR);
                if (!errors.isEmpty()) {
                    problems.addAll(diagnose(ks, releaseId, rest, errors));
                }
            }
            return problems;
        }
        if (!inGeneratedJava.isEmpty()) {
            int before = problems.size();
            for (Message m : classicErrors(ks, releaseId, drl)) {
                PackFile file = drlFile(m.getPath(), drl);
                if (file != null && m.getText().startsWith("Rule Compilation error")) {
                    problems.add(new RuleProblem(file.name(), Math.max(m.getLine(), 0), oneLine(m.getText())));
                }
            }
            if (problems.size() == before) { // no better location: say what javac said
                inGeneratedJava.stream().filter(m -> !m.getText().startsWith("Java source of"))
                        .forEach(m -> problems.add(new RuleProblem("(rules)", 0, "a rule's consequence does not compile: "
                                + oneLine(m.getText()))));
            }
        }
        return problems;
    }

    /**
     * The classic compiler's errors, for their file and line. It defines the declared types
     * while it builds, so it gets the files without what it would evaluate ({@link InertDrl});
     * should it still fail inside (it is only asked for messages), there are none.
     */
    private static List<Message> classicErrors(KieServices ks, ReleaseId releaseId, List<PackFile> drl) {
        List<PackFile> inert = drl.stream().map(f -> new PackFile(f.name(), InertDrl.of(f.content()))).toList();
        try {
            KieBuilder classic = ks.newKieBuilder(fileSystem(ks, releaseId, inert));
            classic.buildAll();
            return classic.getResults().getMessages(Message.Level.ERROR);
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\n\\s*", " ").strip();
    }

    /** The line of what an error quotes after its last ": " (an expression, a class name), or 0. */
    static int locate(String content, String errorText) {
        String quoted = errorText.substring(errorText.lastIndexOf(": ") + 2).strip();
        int at = quoted.isEmpty() ? -1 : content.indexOf(quoted);
        return at < 0 ? 0 : ExpressionLocator.lineOf(content, at);
    }

    private static KieFileSystem fileSystem(KieServices ks, ReleaseId releaseId, List<PackFile> drl) {
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (int i = 0; i < drl.size(); i++) {
            kfs.write(KIE_PATH + kieName(i), drl.get(i).content());
        }
        return kfs;
    }

    private static String kieName(int index) {
        return String.format("r%04d.drl", index);
    }

    /** The pack file a builder path names, or null (a generated Java source, or no path). */
    private static PackFile drlFile(String kiePath, List<PackFile> drl) {
        if (kiePath != null) {
            for (int i = 0; i < drl.size(); i++) {
                if (kiePath.endsWith(kieName(i))) {
                    return drl.get(i);
                }
            }
        }
        return null;
    }
}
