package io.wudoctor.internal.engine;

import io.wudoctor.internal.engine.trust.CompiledRuleCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.drools.model.Model;

/**
 * Loads a compiled rule module (a cached or shipped jar) the way a fresh build would be
 * loaded: its classes pass the allow-list check and the budget rewriting
 * ({@link CompiledRuleCheck}) on every load, from the bytes read once into memory, and are
 * defined from those bytes, never from the file again. So whoever can write the cache folder
 * cannot bypass the check by editing a module there (nor swap the file between the check and
 * the load); the cache only saves the DRL compilation.
 */
final class CheckedModule {

    /** A module the check refuses, or one that names classes it does not hold: not to be loaded. */
    static final class Refused extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private CheckedModule() {
    }

    /**
     * The models of the module at {@code jar}.
     *
     * @param trustAll load classes the allow-list refuses (--allow-unsafe-rules); they are still rewritten for the budget
     * @throws Refused when the check refuses a class (unless trustAll) or the model index names a class not in the module
     * @throws IllegalStateException when the file cannot be read as a module
     */
    static List<Model> load(Path jar, boolean trustAll) {
        Contents contents = Contents.of(jar);
        Map<String, byte[]> classFiles = contents.classFiles();
        List<String> modelClasses = contents.modelClasses();
        CompiledRuleCheck.Result checked = CompiledRuleCheck.check(classFiles);
        if (!checked.refusals().isEmpty() && !trustAll) {
            CompiledRuleCheck.Refusal r = checked.refusals().get(0);
            throw new Refused(jar + ": " + checked.refusals().size() + " reach(es) the allow-list refuses, first in "
                    + r.className() + ": " + r.what() + " (" + r.why() + ")");
        }
        Map<String, byte[]> byName = new LinkedHashMap<>();
        checked.classes().forEach((entry, bytes) -> byName.put(entry.substring(0, entry.length() - 6).replace('/', '.'), bytes));
        // Deliberately never closed: the knowledge base loads rule classes lazily for its whole life.
        Loader loader = new Loader(byName, CheckedModule.class.getClassLoader());
        List<Model> models = new ArrayList<>();
        for (String name : modelClasses) {
            if (!byName.containsKey(name)) {
                throw new Refused(jar + ": its model index names " + name + ", which is not one of its classes");
            }
            try {
                models.add((Model) loader.loadClass(name).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                throw new IllegalStateException("cannot load compiled rules from " + jar + ": " + e, e);
            }
        }
        return models;
    }

    /** A module's class files (entry name to bytes) and the model classes its index names. */
    record Contents(Map<String, byte[]> classFiles, List<String> modelClasses) {

        /** @throws IllegalStateException when the file cannot be read as a module */
        static Contents of(Path jar) {
            Map<String, byte[]> classFiles = new LinkedHashMap<>();
            List<String> modelClasses = new ArrayList<>();
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                    ZipEntry entry = e.nextElement();
                    if (entry.getName().endsWith(".class")) {
                        classFiles.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
                    } else if (entry.getName().endsWith("/drools-model")) {
                        String index = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                        for (String line : index.split("\\R")) {
                            if (!line.isBlank() && !line.startsWith("Drools-Model-Version")) {
                                modelClasses.add(line.strip());
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read compiled rules from " + jar + ": " + e, e);
            }
            return new Contents(classFiles, modelClasses);
        }
    }

    /**
     * Defines the module's checked classes from memory, before asking wudoctor's own loader: the
     * built-in rules' classes lie there too ({@link ShippedRules}), and a module compiled from
     * edited built-in rules has classes of the same names, which must be its own.
     */
    private static final class Loader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> classes;

        Loader(Map<String, byte[]> classes, ClassLoader parent) {
            super("wudoctor-rules", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!classes.containsKey(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
