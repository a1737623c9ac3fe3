package io.wudoctor.api;

/**
 * This build's version. It names the tool in every report and is part of the compiled-rules
 * cache key and of the built-in pack's identity, so it sits with the records at the bottom,
 * where the engine and the pack loader can read it without reaching up to the facade.
 */
public final class Version {

    /** The version, as in the pom. */
    public static final String NUMBER = "0.1.0";

    private Version() {
    }
}
