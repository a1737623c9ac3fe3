package io.wudoctor.internal.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Set;

/**
 * Numbers in a facts file are measurements: a number is written as a number (not {@code '1'}),
 * a decimal is finite (not {@code .nan}, {@code .inf} or {@code 1e400}, which would become
 * infinity), a whole number is not negative, and a line number or count is at least 1. Each
 * refusal names the file, line and column like every other facts error.
 */
final class MeasuredNumbers {

    /** Fields that count from 1. */
    private static final Set<String> FROM_ONE = Set.of("line", "count");

    private MeasuredNumbers() {
    }

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("wudoctor-measured-numbers");
        m.addDeserializer(Double.class, new Decimal());
        m.addDeserializer(double.class, new Decimal());
        m.addDeserializer(Integer.class, new Whole<Integer>(Integer.MAX_VALUE, v -> (int) v));
        m.addDeserializer(int.class, new Whole<Integer>(Integer.MAX_VALUE, v -> (int) v));
        m.addDeserializer(Long.class, new Whole<Long>(Long.MAX_VALUE, v -> v));
        m.addDeserializer(long.class, new Whole<Long>(Long.MAX_VALUE, v -> v));
        return m;
    }

    private static final class Decimal extends JsonDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isNumeric()) {
                throw JsonMappingException.from(p, describe(p) + " is not a number" + quotedHint(p));
            }
            double v = p.getDoubleValue();
            if (!Double.isFinite(v)) {
                throw JsonMappingException.from(p, "'" + p.getText() + "' is not a finite number");
            }
            return v;
        }
    }

    private static final class Whole<T> extends JsonDeserializer<T> {
        private final long max;
        private final java.util.function.LongFunction<T> box;

        Whole(long max, java.util.function.LongFunction<T> box) {
            this.max = max;
            this.box = box;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw JsonMappingException.from(p, describe(p) + " is not a whole number" + quotedHint(p));
            }
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER || p.getLongValue() > max) {
                throw JsonMappingException.from(p, "'" + p.getText() + "' is too large");
            }
            long v = p.getLongValue();
            long least = FROM_ONE.contains(p.currentName()) ? 1 : 0;
            if (v < least) {
                throw JsonMappingException.from(p, "'" + p.getText() + "' is less than " + least);
            }
            return box.apply(v);
        }
    }

    private static String describe(JsonParser p) throws IOException {
        return p.currentToken().isScalarValue() ? "'" + p.getText() + "'" : "a " + p.currentToken().name().toLowerCase(
                java.util.Locale.ROOT).replace('_', ' ');
    }

    /** '12' in quotes is text: say so when that is the mistake. */
    private static String quotedHint(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_STRING && p.getText().strip().matches("[-+]?[0-9.eE+]+")
                ? " (in quotes it is text: write the number without quotes)" : "";
    }
}
