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
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

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

    /** Adds the built-in pack. */
    public RulePackLoader builtin() {
        URL url = RulePackLoader.class.getClassLoader().getResource(BUILTIN_RESOURCE);
        if (url == null) {
            throw new IllegalStateException("the built-in rules are missing from the class path (" + BUILTIN_RESOURCE + ")");
        }
        return builtin(url);
    }

    /**
     * Adds the built-in pack found at {@code url}: a folder (a checkout's classes) or a folder
     * in a jar ({@code jar:file:...!/wudoctor/rules}, the packaged tool).
     */
    RulePackLoader builtin(URL url) {
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                // A file system of its own, opened from the jar's path: the provider keeps one per
                // jar URI, so opening by URI fails while another builder (or the embedding
                // application) has it open; by path, each opens its own.
                Path jar = Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
                try (FileSystem fs = FileSystems.newFileSystem(jar)) {
                    PackDigest digest = addTree(fs.getPath(BUILTIN_RESOURCE),
                            p -> BUILTIN_PREFIX + p.toString().substring(BUILTIN_RESOURCE.length() + 1));
                    builtinInfo = new RulePackInfo.Builtin(Version.NUMBER, digest.hex(), digest.files());
                }
            } else {
                Path root = Path.of(uri);
                PackDigest digest = addTree(root, p -> BUILTIN_PREFIX + root.relativize(p).toString().replace('\\', '/'));
                builtinInfo = new RulePackInfo.Builtin(Version.NUMBER, digest.hex(), digest.files());
            }
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
            List<Path> sorted = walk.filter(Files::isRegularFile).filter(RulePackLoader::isPackFile).sorted().toList();
            for (Path p : sorted) {
                String name = namer.apply(p);
                try {
                    String content = Files.readString(p, StandardCharsets.UTF_8);
                    digest.add(root.relativize(p).toString().replace('\\', '/'), content);
                    // Windows editors may start a UTF-8 file with a byte order mark; the DRL parser trips on it
                    files.add(new PackFile(name, content.startsWith("\uFEFF") ? content.substring(1) : content));
                } catch (CharacterCodingException e) {
                    problems.add(new RuleProblem(name, 0, "not UTF-8 text (save the file as UTF-8)"));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return digest;
    }

    private static boolean isPackFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
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
                CatalogFiles.Causes c = parse(f, CatalogFiles.Causes.class);
                if (c != null) {
                    c.causes().forEach(d -> put(causes, idOwners, "cause", d.id(), d, f));
                }
            } else if (f.hasSuffix(".fixes.yaml")) {
                catalogs.add(f);
                CatalogFiles.Fixes c = parse(f, CatalogFiles.Fixes.class);
                if (c != null) {
                    c.fixes().forEach(d -> put(fixes, idOwners, "fix", d.id(), d, f));
                }
            } else if (f.hasSuffix(".signatures.yaml")) {
                catalogs.add(f);
                CatalogFiles.Signatures c = parse(f, CatalogFiles.Signatures.class);
                if (c != null) {
                    c.signatures().forEach(d -> put(signatures, idOwners, "signature", d.id(), d, f));
                    c.signatures().forEach(d -> d.problem().ifPresent(p -> problems.add(
                            new RuleProblem(f.name(), patternLine(f.content(), lineOf(f.content(), d.id())),
                                    "signature '" + d.id() + "': " + p))));
                }
            } else if (!f.name().endsWith("README.yaml")) {
                problems.add(new RuleProblem(f.name(), 0, "unknown kind of rule file: name it *.drl, *.causes.yaml, "
                        + "*.fixes.yaml, *.signatures.yaml or *.tests.yaml"));
            }
        }
        return new RulePack(drl, causes, fixes, new ArrayList<>(signatures.values()), tests, problems, catalogs);
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
