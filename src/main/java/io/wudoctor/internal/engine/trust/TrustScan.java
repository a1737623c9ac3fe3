package io.wudoctor.internal.engine.trust;

import io.wudoctor.api.RuleProblem;
import io.wudoctor.internal.kb.drl.DrlOutline;
import io.wudoctor.internal.kb.drl.DrlText;
import io.wudoctor.internal.kb.PackFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trust check: DRL is code, so by default a rule may reach only the fact model and plain
 * value types. This is a scan of the text (comments and literals blanked, see {@link DrlText}),
 * not a sandbox; docs/authoring-rules.md ("Trust") says what it cannot catch.
 *
 * <ul>
 * <li>Qualified names (imports included) must lie in an allowed package or the rules' own: {@code io.wudoctor.facts},
 * {@code java.util} (not its concurrent, logging, prefs, jar, zip or spi parts),
 * {@code java.time}, {@code java.math}, {@code java.text}, and a few value classes of {@code java.lang}.</li>
 * <li>Names visible without an import that reach the process, threads, class loading or
 * reflection ({@code System}, {@code Runtime}, {@code Thread}, {@code getClass} ...) are refused anywhere.</li>
 * <li>{@code kcontext} only as {@code Finding.of(kcontext, ...)}; {@code drools} not at all.</li>
 * <li>The rules' own package must not be one of the JDK's or a library's: its classes would be
 * visible without an import.</li>
 * <li>Java's backslash-u escapes are refused anywhere, even in comments: javac decodes them before
 * it reads the code, so they could hide any call from a text scan.</li>
 * </ul>
 */
public final class TrustScan {

    private static final String FILES = "reads or writes files";
    private static final String NETWORK = "opens network connections";
    private static final String REFLECTION = "uses reflection or class loading";
    private static final String PROCESS = "reaches the process (programs, exit, environment, properties, standard streams)";
    private static final String THREADS = "starts threads";
    private static final String ENGINE = "reaches the rule engine's internals";

    /** Package prefixes with the reason they are refused; the first match wins, so specific ones come first. */
    private static final Map<String, String> DENIED_PACKAGES = new LinkedHashMap<>();

    static {
        DENIED_PACKAGES.put("java.io", FILES);
        DENIED_PACKAGES.put("java.nio", FILES);
        DENIED_PACKAGES.put("java.net", NETWORK);
        DENIED_PACKAGES.put("javax.net", NETWORK);
        DENIED_PACKAGES.put("java.lang.reflect", REFLECTION);
        DENIED_PACKAGES.put("java.lang.invoke", REFLECTION);
        DENIED_PACKAGES.put("java.util.concurrent", THREADS);
        DENIED_PACKAGES.put("java.util.prefs", "writes preferences (the registry on Windows)");
        DENIED_PACKAGES.put("java.util.logging", FILES);
        DENIED_PACKAGES.put("java.util.jar", FILES);
        DENIED_PACKAGES.put("java.util.zip", FILES);
        DENIED_PACKAGES.put("javax.script", "runs scripts");
        DENIED_PACKAGES.put("org.kie", ENGINE);
        DENIED_PACKAGES.put("org.drools", ENGINE);
        DENIED_PACKAGES.put("org.mvel2", ENGINE);
        DENIED_PACKAGES.put("io.wudoctor", "reaches wudoctor's internals (rules see only io.wudoctor.facts)");
        DENIED_PACKAGES.put("sun", "reaches JDK internals");
        DENIED_PACKAGES.put("com.sun", "reaches JDK internals");
        DENIED_PACKAGES.put("jdk", "reaches JDK internals");
    }

    private static final Set<String> ALLOWED_LANG = Set.of("Math", "StrictMath", "String", "StringBuilder", "CharSequence",
            "Integer", "Long", "Double", "Float", "Short", "Byte", "Boolean", "Character", "Number", "Object",
            "Comparable", "Iterable", "Enum", "Record");
    private static final Set<String> ALLOWED_UTIL_PACKAGES = Set.of("regex", "stream", "function");

    /** Names visible without an import (java.lang, or java.util once imported) that reach outside, with why. */
    private static final Map<String, String> DENIED_NAMES = new LinkedHashMap<>();

    static {
        for (String n : List.of("System")) {
            DENIED_NAMES.put(n, PROCESS);
        }
        for (String n : List.of("Runtime", "Process", "ProcessBuilder", "ProcessHandle")) {
            DENIED_NAMES.put(n, "runs or controls programs");
        }
        for (String n : List.of("Thread", "ThreadGroup", "Timer", "TimerTask")) {
            DENIED_NAMES.put(n, THREADS);
        }
        for (String n : List.of("Class", "ClassLoader", "ClassValue", "Module", "ModuleLayer", "StackWalker", "SecurityManager",
                "ServiceLoader", "ResourceBundle", "getClass", "forName", "getClassLoader", "classLoader", "loadClass",
                "defineClass", "newInstance", "setAccessible", "invoke", "getMethod", "getMethods", "getDeclaredMethod",
                "getDeclaredMethods", "getField", "getFields", "getDeclaredField", "getDeclaredFields", "getConstructor",
                "getDeclaredConstructor")) {
            DENIED_NAMES.put(n, REFLECTION);
        }
        DENIED_NAMES.put("Formatter", "can write files (java.util.Formatter; use String.format)");
        for (String n : List.of("getInteger", "getLong", "getBoolean")) {
            DENIED_NAMES.put(n, "reads system properties");
        }
        DENIED_NAMES.put("setDefault", "changes process-wide defaults");
        DENIED_NAMES.put("drools", ENGINE);
    }

    /**
     * A rule in one of these packages sees its classes without an import, so its own package
     * must lie outside them: the JDK's, and those of the libraries on wudoctor's class path.
     */
    private static final List<String> FOREIGN_PACKAGES = List.of("java", "javax", "jdk", "sun", "com.sun", "org.w3c",
            "org.xml", "org.ietf", "org.jcp", "org.kie", "org.drools", "org.mvel2", "org.eclipse", "org.antlr", "org.yaml",
            "org.apache", "org.slf4j", "com.fasterxml", "com.github", "picocli", "io.wudoctor");

    /** A dotted name from a well-known root, whatever its case. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w$.])(?:java|javax|jdk|sun|com|org|io|net|jakarta|picocli|info)(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)+");
    /** Any other package-qualified class name: lowercase segments, then a capitalised one (group 1 the package). */
    private static final Pattern PACKAGE_QUALIFIED = Pattern.compile(
            "(?<![\\w$.])([a-z_][\\w$]*(?:\\s*\\.\\s*[a-z_][\\w$]*)*)\\s*\\.\\s*([A-Z][\\w$]*)");
    private static final Pattern COMMA_NEXT = Pattern.compile("\\s*,");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$])[A-Za-z_$][\\w$]*");
    private static final Pattern CLASS_LITERAL = Pattern.compile("\\.\\s*class(?![\\w$])");
    private static final Pattern KCONTEXT = Pattern.compile("(?<![\\w$])kcontext(?![\\w$])");
    private static final Pattern FINDING_OF = Pattern.compile("Finding\\s*\\.\\s*of\\s*\\(\\s*$");
    private static final Pattern PACKAGE_DECL = Pattern.compile("(?<![\\w$.])package\\s+[\\w$]+(?:\\s*\\.\\s*[\\w$]+)*");
    private static final Pattern IMPORT_LINE = Pattern.compile("^\\s*import\\b");

    private TrustScan() {
    }

    /** Every reach outside the fact model in one DRL file, each with its line and the rule or function it is in. */
    public static List<RuleProblem> scan(PackFile file) {
        DrlText text = DrlText.of(file.content());
        Lazy outline = new Lazy(file.content()); // parsed only to name the rule of a problem
        Map<Integer, RuleProblem> found = new LinkedHashMap<>(); // one problem per line: the first reason found
        String code = text.code();
        Matcher pkg = PACKAGE_DECL.matcher(code);
        String ownPackage = "";
        if (pkg.find()) {
            String name = pkg.group().substring("package".length()).replaceAll("\\s+", "");
            ownPackage = name;
            if (FOREIGN_PACKAGES.stream().anyMatch(f -> name.equals(f) || name.startsWith(f + "."))) {
                report(found, file, text, outline, pkg.start(), "package " + name,
                        "puts the rules among the classes of the JDK or of a library, which they could then use without "
                                + "an import; name a package of your own (for example contoso.rules)");
            }
            // the declaration is checked; its dotted name is not a reference
            code = code.substring(0, pkg.start()) + " ".repeat(pkg.end() - pkg.start()) + code.substring(pkg.end());
        }
        unicodeEscapes(file.content(), (offset, what) -> report(found, file, text, outline, offset, what,
                "is a Java unicode escape, which javac decodes before reading the code (so it can hide any call); write the character itself"));
        Matcher q = QUALIFIED.matcher(code);
        while (q.find()) {
            String name = q.group().replaceAll("\\s+", "");
            String why = deniedPackage(name);
            if (why != null) {
                boolean isImport = IMPORT_LINE.matcher(lineAt(code, q.start())).find();
                report(found, file, text, outline, q.start(), (isImport ? "import " : "") + name, why);
            }
        }
        Matcher pq = PACKAGE_QUALIFIED.matcher(code);
        while (pq.find()) {
            String pkgName = pq.group(1).replaceAll("\\s+", "");
            String name = pkgName + "." + pq.group(2);
            String why = pkgName.equals(ownPackage) ? null : deniedPackage(name);
            if (why != null) {
                boolean isImport = IMPORT_LINE.matcher(lineAt(code, pq.start())).find();
                report(found, file, text, outline, pq.start(), (isImport ? "import " : "") + name, why);
            }
        }
        Matcher id = IDENTIFIER.matcher(code);
        while (id.find()) {
            String why = DENIED_NAMES.get(id.group());
            if (why != null && !(id.group().equals("drools") && code.startsWith(".", id.start() - 1))) {
                report(found, file, text, outline, id.start(), id.group(), why);
            }
        }
        Matcher cl = CLASS_LITERAL.matcher(code);
        while (cl.find()) {
            report(found, file, text, outline, cl.start(), ".class", "a class literal " + REFLECTION);
        }
        Matcher k = KCONTEXT.matcher(code);
        while (k.find()) {
            boolean asFindingOf = FINDING_OF.matcher(code.substring(Math.max(0, k.start() - 40), k.start())).find()
                    && COMMA_NEXT.matcher(code).region(k.end(), code.length()).lookingAt();
            if (!asFindingOf) {
                report(found, file, text, outline, k.start(), "kcontext", ENGINE + " (use it only as Finding.of(kcontext, ...))");
            }
        }
        List<RuleProblem> problems = new ArrayList<>(found.values());
        problems.sort(java.util.Comparator.comparingInt(RuleProblem::line));
        return problems;
    }

    /** The unsafe reaches of these files, phrased as refusals (what wudoctor does unless --allow-unsafe-rules is given). */
    public static List<RuleProblem> refusals(List<PackFile> files) {
        List<RuleProblem> all = new ArrayList<>();
        for (PackFile f : files) {
            scan(f).forEach(p -> all.add(new RuleProblem(p.file(), p.line(), p.message() + " " + REFUSED)));
        }
        return all;
    }

    /** Appended to every refusal: what to do about it. */
    public static final String REFUSED = "(refused: see \"Trust\" in docs/authoring-rules.md; --allow-unsafe-rules to trust these rules)";

    /** Why a qualified name is refused, or null when it lies in an allowed package. */
    static String deniedPackage(String name) {
        String[] seg = name.split("\\.");
        if (name.equals("io.wudoctor.facts") || name.startsWith("io.wudoctor.facts.")) {
            return null;
        }
        if (seg[0].equals("java") && seg.length >= 2) {
            switch (seg[1]) {
                case "time", "math", "text" -> {
                    return null;
                }
                case "util" -> {
                    if (seg.length == 2 || ALLOWED_UTIL_PACKAGES.contains(seg[2])) {
                        return null;
                    }
                    if (Character.isUpperCase(seg[2].charAt(0))) {
                        return DENIED_NAMES.get(seg[2]);
                    }
                }
                case "lang" -> {
                    if (seg.length == 2 || ALLOWED_LANG.contains(seg[2])) {
                        return null;
                    }
                    if (DENIED_NAMES.containsKey(seg[2])) {
                        return DENIED_NAMES.get(seg[2]);
                    }
                }
                default -> {
                }
            }
        }
        for (Map.Entry<String, String> e : DENIED_PACKAGES.entrySet()) {
            if (name.equals(e.getKey()) || name.startsWith(e.getKey() + ".")) {
                return e.getValue();
            }
        }
        return "is outside the fact model and the plain value types rules may use";
    }

    /** The outline, parsed on first use: clean files (the usual case) never pay for the parser. */
    private static final class Lazy {
        private final String content;
        private DrlOutline outline;

        Lazy(String content) {
            this.content = content;
        }

        String blockAt(int line) {
            if (outline == null) {
                outline = DrlOutline.of(content);
            }
            return outline.blockAt(line);
        }
    }

    private static void report(Map<Integer, RuleProblem> found, PackFile file, DrlText text, Lazy outline, int offset,
            String what, String why) {
        int line = text.lineOf(offset);
        String where = outline.blockAt(line);
        String message = (where == null ? "" : where + ": ") + "unsafe: " + what + " " + why;
        found.putIfAbsent(line, new RuleProblem(file.name(), line, message));
    }

    /** Java's unicode escapes: a backslash preceded by an even number of backslashes, then one or more u, then 4 hex digits. */
    private static void unicodeEscapes(String raw, java.util.function.BiConsumer<Integer, String> sink) {
        Matcher m = Pattern.compile("\\\\+u+[0-9A-Fa-f]{4}").matcher(raw);
        while (m.find()) {
            int backslashes = 0;
            while (raw.charAt(m.start() + backslashes) == '\\') {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                int at = m.start() + backslashes - 1;
                sink.accept(at, raw.substring(at, m.end()));
            }
        }
    }

    private static String lineAt(String code, int offset) {
        int start = code.lastIndexOf('\n', offset - 1) + 1;
        int end = code.indexOf('\n', offset);
        return code.substring(start, end < 0 ? code.length() : end);
    }
}
