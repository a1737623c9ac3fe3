package io.wudoctor.internal.kb;

import io.wudoctor.api.BadRulesException;
import io.wudoctor.api.RuleProblem;
import io.wudoctor.api.RulePackInfo;
import io.wudoctor.api.Version;
import io.wudoctor.internal.yaml.StrictMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Loads a rule pack: the built-in one (the repository's {@code rules/} folder, shipped in the
 * jar under {@code wudoctor/rules/}) and any number of analysts' folders, read at run time.
 * File kinds go by suffix: {@code .drl}, {@code .causes.yaml}, {@code .fixes.yaml},
 * {@code .signatures.yaml}, {@code .tests.yaml}. Loading never stops at the first problem:
 * every problem is collected with its file and line.
 */
public final class RulePackLoader {

    static final String BUILTIN_RESOURCE = "wudoctor/rules";
    public static final String BUILTIN_PREFIX = "builtin:";

    private final List<PackFile> files = new ArrayList<>();
    private final List<RuleProblem> problems = new ArrayList<>();
    private final Map<String, Integer> seen = new java.util.HashMap<>();
    private RulePackInfo.Builtin builtinInfo;
    /** The built-in catalogs as the build parsed them ({@link BuiltinCatalogs}), by file name; null to parse them. */
    private Map<String, Object> builtinCatalogs;
    private final List<RulePackInfo.Folder> folderInfos = new ArrayList<>();

    /** A loader of the built-in pack (when {@code builtin}), then these folders: what a doctor and the rule tools load. */
    public static RulePackLoader of(boolean builtin, List<Path> folders) {
        RulePackLoader loader = new RulePackLoader();
        if (builtin) {
            loader.builtin();
        }
        folders.forEach(loader::folder);
        return loader;
    }

    /** The built-in pack as first read from the class path, which does not change under a running JVM; null before. */
    private static volatile RulePackLoader classPathBuiltin;

    /**
     * Adds the built-in pack. It is read from the class path once per process (a doctor built
     * while another thread reads it waits for that read): reading and hashing its files is a
     * tenth of a CLI run, and a batch or an embedding tool builds many doctors.
     */
    public RulePackLoader builtin() {
        RulePackLoader read = classPathBuiltin;
        if (read == null) {
            synchronized (RulePackLoader.class) {
                read = classPathBuiltin;
                if (read == null) {
                    URL url = RulePackLoader.class.getClassLoader().getResource(BUILTIN_RESOURCE);
                    if (url == null) {
                        throw new IllegalStateException("the built-in rules are missing from the class path (" + BUILTIN_RESOURCE + ")");
                    }
                    read = new RulePackLoader().builtin(url);
                    classPathBuiltin = read;
                }
            }
        }
        files.addAll(read.files);
        problems.addAll(read.problems);
        builtinInfo = read.builtinInfo;
        builtinCatalogs = read.builtinCatalogs;
        return this;
    }

    /**
     * Adds the built-in pack found at {@code url}: a folder (a checkout's classes) or a folder
     * in a jar ({@code jar:file:...!/wudoctor/rules}, the packaged tool).
     */
    RulePackLoader builtin(URL url) {
        try {
            URI uri = url.toURI();
            PackDigest digest;
            if ("jar".equals(uri.getScheme())) {
                // The jar's entries read as a zip file (the JDK shares one open copy of it with the
                // class loader), not through a zip file system, which would read its whole
                // directory again (every class included) on each run.
                Path jar = Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
                String prefix = BUILTIN_RESOURCE + "/";
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    List<? extends ZipEntry> entries = zip.stream()
                            .filter(e -> !e.isDirectory() && e.getName().startsWith(prefix) && isPackFile(e.getName()))
                            .sorted(java.util.Comparator.comparing(ZipEntry::getName)).toList();
                    digest = new PackDigest();
                    for (ZipEntry e : entries) {
                        String relative = e.getName().substring(prefix.length());
                        byte[] bytes;
                        try (var in = zip.getInputStream(e)) {
                            bytes = in.readAllBytes();
                        }
                        add(digest, relative, BUILTIN_PREFIX + relative, bytes);
                    }
                }
            } else {
                Path root = Path.of(uri);
                digest = addTree(root, p -> BUILTIN_PREFIX + root.relativize(p).toString().replace('\\', '/'));
            }
            builtinInfo = new RulePackInfo.Builtin(Version.NUMBER, digest.hex(), digest.files());
            builtinCatalogs = BuiltinCatalogs.of(builtinInfo.sha256());
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the built-in rules: " + e.getMessage(), e);
        }
        return this;
    }

    /** Adds an analyst's folder (searched recursively). A missing folder is a rules error. */
    public RulePackLoader folder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadRulesException(dir + ": not a folder (--rules takes a folder of .drl and .yaml files)");
        }
        try {
            PackDigest digest = addTree(dir, Path::toString);
            folderInfos.add(new RulePackInfo.Folder(dir.toString(), digest.hex(), digest.files()));
        } catch (IOException e) {
            throw new BadRulesException(dir + ": cannot read: " + e.getMessage());
        }
        return this;
    }

    /** Which folders were added, with their content hashes (for reports and --version). */
    public RulePackInfo info() {
        return new RulePackInfo(builtinInfo, folderInfos);
    }

    private PackDigest addTree(Path root, Function<Path, String> namer) throws IOException {
        PackDigest digest = new PackDigest();
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> sorted = walk.filter(Files::isRegularFile).filter(p -> isPackFile(p.getFileName().toString())).sorted().toList();
            for (Path p : sorted) {
                add(digest, root.relativize(p).toString().replace('\\', '/'), namer.apply(p), Files.readAllBytes(p));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return digest;
    }

    /** Adds one file, named {@code name} in messages, to the pack and to {@code digest} by its path in its folder. */
    private void add(PackDigest digest, String relative, String name, byte[] bytes) {
        try {
            String content = new String(bytes, StandardCharsets.UTF_8); // the fast decoder, which replaces what is not UTF-8
            if (content.indexOf('\uFFFD') >= 0) {
                content = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString(); // throws if it replaced
            }
            digest.add(relative, content);
            // Windows editors may start a UTF-8 file with a byte order mark; the DRL parser trips on it
            files.add(new PackFile(name, content.startsWith("\uFEFF") ? content.substring(1) : content));
        } catch (CharacterCodingException e) {
            problems.add(new RuleProblem(name, 0, "not UTF-8 text (save the file as UTF-8)"));
        }
    }

    private static boolean isPackFile(String fileName) {
        String n = fileName.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".drl") || n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** The DRL files added so far, in load order: what {@link #load()} puts in {@link RulePack#drl()}. */
    public List<PackFile> drlFiles() {
        return files.stream().filter(f -> f.hasSuffix(".drl")).toList();
    }

    /** Parses what was added into a pack; problems are in {@link RulePack#problems()}. */
    public RulePack load() {
        List<PackFile> drl = new ArrayList<>();
        List<PackFile> tests = new ArrayList<>();
        List<PackFile> catalogs = new ArrayList<>();
        Map<String, CauseDef> causes = new LinkedHashMap<>();
        Map<String, FixDef> fixes = new LinkedHashMap<>();
        Map<String, SignatureDef> signatures = new LinkedHashMap<>();
        Map<String, PackFile> idOwners = new LinkedHashMap<>();
        for (PackFile f : files) {
            if (f.hasSuffix(".drl")) {
                drl.add(f);
            } else if (f.hasSuffix(".tests.yaml") || f.hasSuffix(".tests.yml")) {
                tests.add(f);
            } else if (f.hasSuffix(".causes.yaml")) {
                catalogs.add(f);
                CatalogFiles.Causes c = parsed(f, CatalogFiles.Causes.class);
                if (c != null) {
                    c.causes().forEach(d -> put(causes, idOwners, "cause", d.id(), d, f));
                }
            } else if (f.hasSuffix(".fixes.yaml")) {
                catalogs.add(f);
                CatalogFiles.Fixes c = parsed(f, CatalogFiles.Fixes.class);
                if (c != null) {
                    c.fixes().forEach(d -> put(fixes, idOwners, "fix", d.id(), d, f));
                }
            } else if (f.hasSuffix(".signatures.yaml")) {
                catalogs.add(f);
                boolean prebuilt = isPrebuilt(f);
                CatalogFiles.Signatures c = parsed(f, CatalogFiles.Signatures.class);
                if (c != null) {
                    c.signatures().forEach(d -> put(signatures, idOwners, "signature", d.id(), d, f));
                    if (!prebuilt) { // the build found no problem in the built-in pack: its patterns compile
                        c.signatures().forEach(d -> d.problem().ifPresent(p -> problems.add(
                                new RuleProblem(f.name(), patternLine(f.content(), lineOf(f.content(), d.id())),
                                        "signature '" + d.id() + "': " + p))));
                    }
                }
            } else if (!f.name().endsWith("README.yaml")) {
                problems.add(new RuleProblem(f.name(), 0, "unknown kind of rule file: name it *.drl, *.causes.yaml, "
                        + "*.fixes.yaml, *.signatures.yaml or *.tests.yaml"));
            }
        }
        return new RulePack(drl, causes, fixes, new ArrayList<>(signatures.values()), tests, problems, catalogs);
    }

    /** What a catalog file holds, by its name's suffix (as {@link #load} reads it); null for other files. */
    static Class<?> catalogType(String name) {
        PackFile f = new PackFile(name, "");
        return f.hasSuffix(".causes.yaml") ? CatalogFiles.Causes.class : f.hasSuffix(".fixes.yaml") ? CatalogFiles.Fixes.class
                : f.hasSuffix(".signatures.yaml") ? CatalogFiles.Signatures.class : null;
    }

    private boolean isPrebuilt(PackFile f) {
        return builtinCatalogs != null && builtinCatalogs.containsKey(f.name());
    }

    /** A catalog file's content: as the build parsed it for a built-in file, else parsed now. */
    private <T> T parsed(PackFile f, Class<T> type) {
        return isPrebuilt(f) ? type.cast(builtinCatalogs.get(f.name())) : parse(f, type);
    }

    private <T> T parse(PackFile f, Class<T> type) {
        try {
            return StrictMapper.read(f.name(), f.content(), type);
        } catch (StrictMapper.Problem p) {
            problems.add(new RuleProblem(f.name(), p.line(), p.detail()));
            return null;
        }
    }

    private <T> void put(Map<String, T> map, Map<String, PackFile> owners, String kind, String id, T def, PackFile f) {
        int occurrence = seen.merge(f.name() + "\n" + id, 1, Integer::sum);
        if (map.containsKey(id)) {
            PackFile first = owners.get(kind + ":" + id);
            problems.add(new RuleProblem(f.name(), lineOf(f.content(), id, occurrence), "duplicate " + kind + " id '" + id
                    + "' (first defined at " + first.name() + ":" + lineOf(first.content(), id) + ")"));
            return;
        }
        map.put(id, def);
        owners.put(kind + ":" + id, f);
    }

    /**
     * The 1-based line of the {@code pattern:} key of the signature declared at {@code idLine} in
     * a signatures file, or {@code idLine} when it cannot be told (a flow mapping, say).
     */
    private static int patternLine(String content, int idLine) {
        String[] lines = content.split("\n", -1);
        for (int i = Math.max(idLine, 1); i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("pattern:")) {
                return i + 1;
            }
            if (l.startsWith("- ")) {
                break; // the next signature
            }
        }
        return idLine;
    }

    /** The 1-based line where {@code id: <id>} is first declared, for messages; 0 when not found. */
    public static int lineOf(String content, String id) {
        return lineOf(content, id, 1);
    }

    /** The 1-based line of the n-th declaration of {@code id: <id>} (or the last one found); 0 when none. */
    static int lineOf(String content, String id, int occurrence) {
        java.util.regex.Pattern declaration = java.util.regex.Pattern.compile(
                "-?\\s*\\{?\\s*id:\\s*['\"]?" + java.util.regex.Pattern.quote(id) + "['\"]?\\s*([,#}].*)?");
        String[] lines = content.split("\n", -1);
        int found = 0;
        int count = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(id) && declaration.matcher(lines[i].strip()).matches()) {
                found = i + 1;
                if (++count == occurrence) {
                    return found;
                }
            }
        }
        return found;
    }
}
