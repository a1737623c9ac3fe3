package io.wudoctor.internal.kb;

import io.wudoctor.internal.yaml.StrictMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in catalogs (causes, fixes, signatures) as parsed when the jar was built: one
 * resource, {@code wudoctor/precompiled/catalogs-<digest>.bin}, named by the built-in pack's
 * content hash, so it serves only the exact files it was made from. A run reads it instead of
 * parsing their YAML ({@link RecordCodec}); analysts' folders are parsed as always.
 */
public final class BuiltinCatalogs {

    private static final String PREFIX = "wudoctor/precompiled/catalogs-";

    private BuiltinCatalogs() {
    }

    /** Each built-in catalog file's parsed content by file name, or null when the jar has none for this digest. */
    static Map<String, Object> of(String digest) {
        try (InputStream resource = BuiltinCatalogs.class.getClassLoader().getResourceAsStream(PREFIX + digest + ".bin")) {
            if (resource == null) {
                return null;
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(resource));
            int files = in.readInt();
            Map<String, Object> parsed = new HashMap<>();
            for (int i = 0; i < files; i++) {
                String name = in.readUTF();
                parsed.put(name, RecordCodec.read(in, RulePackLoader.catalogType(name)));
            }
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in catalogs from the jar", e);
        }
    }

    /**
     * Build time: parses the built-in catalogs and writes them under {@code classesDir},
     * replacing those of earlier builds.
     *
     * @throws IllegalStateException when the built-in pack has a problem (every run would refuse it)
     */
    public static void write(Path classesDir) throws IOException {
        RulePackLoader loader = new RulePackLoader().builtin();
        RulePack pack = loader.load();
        if (!pack.problems().isEmpty()) {
            throw new IllegalStateException("the built-in rules have problems: " + pack.problems());
        }
        Path dir = Files.createDirectories(classesDir.resolve(PREFIX).getParent());
        try (var old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("catalogs-")).toList()) {
                Files.delete(p);
            }
        }
        List<PackFile> catalogs = pack.catalogs();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(classesDir.resolve(PREFIX + loader.info().builtin().sha256() + ".bin"))))) {
            out.writeInt(catalogs.size());
            for (PackFile f : catalogs) {
                Class<?> type = RulePackLoader.catalogType(f.name());
                out.writeUTF(f.name());
                try {
                    RecordCodec.write(out, StrictMapper.read(f.name(), f.content(), type), type);
                } catch (StrictMapper.Problem p) {
                    throw new IllegalStateException(p.getMessage(), p); // load() above found none
                }
            }
        }
    }
}
