package io.wudoctor;

import io.wudoctor.Wudoctor;
import java.nio.file.Path;

/** Shared test set-up: one compiled built-in knowledge base per JVM, cached under target/. */
public final class TestRules {

    /** The compiled-rules cache the tests share (keyed by content, so always fresh). */
    public static final Path CACHE = Path.of("target", "test-rules-cache");

    private static Wudoctor builtin;

    private TestRules() {
    }

    public static synchronized Wudoctor builtin() {
        if (builtin == null) {
            builtin = Wudoctor.builder().cacheDir(CACHE).build();
        }
        return builtin;
    }
}
