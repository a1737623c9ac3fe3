package io.wudoctor;

import io.wudoctor.internal.gather.scan.SignatureSet;
import io.wudoctor.internal.kb.RulePackLoader;
import java.nio.file.Path;

/** Shared test set-up: one compiled built-in knowledge base per JVM, cached under target/. */
public final class TestRules {

    /** The compiled-rules cache the tests share (keyed by content, so always fresh). */
    public static final Path CACHE = Path.of("target", "test-rules-cache");

    private static Wudoctor builtin;
    private static SignatureSet signatures;

    private TestRules() {
    }

    public static synchronized Wudoctor builtin() {
        if (builtin == null) {
            builtin = Wudoctor.builder().cacheDir(CACHE).build();
        }
        return builtin;
    }

    /** The built-in pack's compiled log signatures, for collector tests. */
    public static synchronized SignatureSet signatures() {
        if (signatures == null) {
            signatures = SignatureSet.of(new RulePackLoader().builtin().load());
        }
        return signatures;
    }
}
