package io.wudoctor.testing;

/** Rule files with known problems. */
public final class BadRules {

    private BadRules() {
    }

    /** A signatures file with a good pattern and two that do not compile (their patterns at lines 8 and 11). */
    public static final String TWO_BAD_PATTERNS = """
            schemaVersion: 1
            signatures:
              - id: good
                log: cbs
                pattern: 'Doqe: Failed'
              - id: unclosed-group
                log: cbs
                pattern: 'Failed (to find'
              - id: bad-quantifier
                log: setupact
                pattern: '*WimMount'
            """;
}
