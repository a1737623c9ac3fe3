package io.wudoctor.internal.plan;

import java.util.Collection;

/** MYCIN-style combination of positive certainty factors: cf(a, b) = a + b(1 - a). */
public final class CertaintyFactors {

    private CertaintyFactors() {
    }

    public static double combine(double a, double b) {
        return a + b * (1 - a);
    }

    /** All factors combined, largest first (the result does not depend on the order; the rounding does). */
    public static double combineAll(Collection<Double> factors) {
        return factors.stream().sorted(java.util.Comparator.reverseOrder()).reduce(0.0, CertaintyFactors::combine);
    }

    /** Rounds to three decimals, as shown and serialised, so equal plans print identically. */
    public static double round(double cf) {
        return Math.round(cf * 1000) / 1000.0;
    }
}
