package io.wudoctor.internal.engine;

import io.wudoctor.internal.engine.trust.CompiledRuleCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.model.Model;

/**
 * The built-in rules as the build compiled them ({@link BuiltinPrecompiler}). Their classes
 * were checked against the allow-list and rewritten for the rule budget
 * ({@link CompiledRuleCheck}) when the build compiled them, and lie in wudoctor's own jar beside
 * its code: they load through its class loader as its code does (class-data sharing archives
 * them too), with nothing to read, check or define on each run. Whoever can change that jar can
 * change wudoctor itself; what a user can write (the rules cache) is still checked on every load
 * ({@link CheckedModule}).
 *
 * <p>An index, {@code wudoctor/precompiled/rules-<key>.index}, names the model classes and every
 * class file written; the key is the rules' cache key, so the classes serve only the exact
 * built-in rules they were compiled from.
 */
final class ShippedRules {

    static final String DIR = "wudoctor/precompiled/";
    private static final String MODEL = "model ";
    private static final String CLASS = "class ";
    /** The compiler's module descriptor, for a KIE container: a KieBase built from the models never needs it. */
    private static final String PROJECT_MODEL_DIR = "org/drools/project/";

    private ShippedRules() {
    }

    private static String index(String key) {
        return DIR + "rules-" + key + ".index";
    }

    /** Names the key of the rules the jar holds, for a start before their files are read and hashed ({@link #shippedKey}). */
    private static final String KEY_FILE = DIR + "rules.key";

    /**
     * The cache key of the rules the jar holds, as the build wrote it; null when it holds none.
     * Only a guess until the rules' files are hashed: what is made from it is kept under this
     * key, and found only by rules whose own key it is.
     */
    static String shippedKey() {
        try (InputStream in = ShippedRules.class.getClassLoader().getResourceAsStream(KEY_FILE)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the jar holds the rules of this cache key. */
    static boolean has(String key) {
        return ShippedRules.class.getClassLoader().getResource(index(key)) != null;
    }

    /** The models made so far, by key: Drools reads a model without changing it, as its own containers reuse theirs. */
    private static final Map<String, List<Model>> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The models of the rules of this cache key, from wudoctor's own jar, made once per process
     * (a caller asking while another thread makes them waits for those); null when the jar holds
     * no such rules.
     *
     * @throws IllegalStateException when the index names a class the jar lacks (a broken build)
     */
    static List<Model> models(String key) {
        return MADE.computeIfAbsent(key, ShippedRules::make); // a null result (no such rules) is not kept
    }

    private static List<Model> make(String key) {
        ClassLoader loader = ShippedRules.class.getClassLoader();
        List<String> lines;
        try (InputStream in = loader.getResourceAsStream(index(key))) {
            if (in == null) {
                return null;
            }
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in rules' index " + index(key), e);
        }
        List<Model> models = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(MODEL)) {
                String name = line.substring(MODEL.length());
                try {
                    models.add((Model) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
                } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                    throw new IllegalStateException("the built-in rules in this build are incomplete (" + name + "): " + e, e);
                }
            }
        }
        return List.copyOf(models);
    }

    /**
     * Build time: writes the classes of {@code module} (a module the compiler just wrote, its
     * classes not yet checked) into {@code classesDir}, checked and rewritten, with their index;
     * first removes the classes and index an earlier build wrote there.
     *
     * @throws IllegalStateException when the check refuses a class (the built-in rules must pass it)
     */
    static void write(Path module, String key, Path classesDir) throws IOException {
        removeEarlier(classesDir);
        CheckedModule.Contents contents = CheckedModule.Contents.of(module);
        CompiledRuleCheck.Result checked = CompiledRuleCheck.check(contents.classFiles());
        if (!checked.refusals().isEmpty()) {
            throw new IllegalStateException("the built-in rules reach what the allow-list refuses: " + checked.refusals());
        }
        StringBuilder index = new StringBuilder();
        contents.modelClasses().forEach(m -> index.append(MODEL).append(m).append('\n'));
        for (Map.Entry<String, byte[]> c : checked.classes().entrySet()) {
            if (!c.getKey().startsWith(PROJECT_MODEL_DIR)) {
                Path file = classesDir.resolve(c.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, c.getValue());
                index.append(CLASS).append(c.getKey()).append('\n');
            }
        }
        Path indexFile = classesDir.resolve(index(key));
        Files.createDirectories(indexFile.getParent());
        Files.writeString(indexFile, index, StandardCharsets.UTF_8);
        Files.writeString(classesDir.resolve(KEY_FILE), key + "\n", StandardCharsets.US_ASCII);
    }

    /** Deletes what earlier builds wrote: a rule deleted or renamed must not leave its classes behind. */
    private static void removeEarlier(Path classesDir) throws IOException {
        Path dir = classesDir.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var all = Files.list(dir)) {
            for (Path old : all.toList()) {
                if (old.toString().endsWith(".index")) {
                    for (String line : Files.readAllLines(old, StandardCharsets.UTF_8)) {
                        if (line.startsWith(CLASS)) {
                            Files.deleteIfExists(classesDir.resolve(line.substring(CLASS.length())));
                        }
                    }
                }
                Files.delete(old); // an index, the key file, or a module jar of the layout before
            }
        }
    }
}
