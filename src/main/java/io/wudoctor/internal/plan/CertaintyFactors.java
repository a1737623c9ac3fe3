package io.wudoctor.internal.plan;

import io.wudoctor.api.Explained;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** MYCIN-style combination of positive certainty factors: cf(a, b) = a + b(1 - a). */
public final class CertaintyFactors {

    private CertaintyFactors() {
    }

    public static double combine(double a, double b) {
        return a + b * (1 - a);
    }

    /** A combination: the value, unrounded, and its terms as --explain shows them. */
    public record Combined(double value, List<Explained.Term> terms) {
    }

    /**
     * The named factors combined, largest first (the value does not depend on the order; the
     * rounding does). Ties keep their given order.
     */
    public static Combined combineAll(List<String> names, List<Double> factors) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(factors::get, Comparator.reverseOrder()));
        List<Explained.Term> terms = new ArrayList<>();
        double acc = 0;
        for (int i : order) {
            double next = combine(acc, factors.get(i));
            terms.add(new Explained.Term(names.get(i), round(factors.get(i)), round(acc), round(next)));
            acc = next;
        }
        return new Combined(acc, List.copyOf(terms));
    }

    /** Rounds to three decimals, as shown and serialised, so equal plans print identically. */
    public static double round(double cf) {
        return Math.round(cf * 1000) / 1000.0;
    }
}
