package io.wudoctor.internal.yaml;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON into typed records, strictly: unknown fields, wrong types, missing
 * required values and duplicate keys are errors whose message names file, line and column.
 */
public final class StrictMapper {

    // Each mapper is made on first use (a holder class apiece): a run reads one kind of file, and a mapper costs milliseconds to make.
    private static final class Yaml {
        static final ObjectMapper MAPPER = configure(YAMLMapper.builder().build());
    }

    private static final class Json {
        static final ObjectMapper MAPPER = configure(JsonMapper.builder().build());
    }

    /** The same, with numbers read as measurements ({@link MeasuredNumbers}): for facts files. */
    private static final class MeasuredYaml {
        static final ObjectMapper MAPPER = configure(YAMLMapper.builder().build()).registerModule(MeasuredNumbers.module());
    }

    private static final class MeasuredJson {
        static final ObjectMapper MAPPER = configure(JsonMapper.builder().build()).registerModule(MeasuredNumbers.module());
    }

    private StrictMapper() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        mapper.setAnnotationIntrospector(new RequiredMeansNotNull());
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * Jackson's {@code required} only checks that a field is present: an explicit {@code surface: null}
     * got through, to fail later as a NullPointerException (exit 1). A required field must have a value.
     */
    private static final class RequiredMeansNotNull extends JacksonAnnotationIntrospector {
        @Override
        public JsonSetter.Value findSetterInfo(Annotated a) {
            JsonProperty p = _findAnnotation(a, JsonProperty.class);
            return p != null && p.required() ? JsonSetter.Value.forValueNulls(Nulls.FAIL) : super.findSetterInfo(a);
        }
    }

    /** A problem in a data file, already phrased as file:line:column: message. */
    public static final class Problem extends Exception {
        private final int line;
        private final String detail;

        Problem(String where, int line, String detail) {
            super(where + ": " + detail);
            this.line = line;
            this.detail = detail;
        }

        /** The 1-based line, 0 when unknown. */
        public int line() {
            return line;
        }

        /** The message without the file and position. */
        public String detail() {
            return detail;
        }
    }

    /**
     * Parses {@code content} (JSON when {@code name} ends with .json, YAML otherwise).
     *
     * @param name the file name used in messages
     */
    public static <T> T read(String name, String content, Class<T> type) throws Problem {
        return read(name, content, type, false);
    }

    /**
     * Like {@link #read(String, String, Class)}; with {@code measured}, numbers are measurements
     * (finite, not negative, line numbers and counts from 1, never quoted): see {@link MeasuredNumbers}.
     */
    public static <T> T read(String name, String content, Class<T> type, boolean measured) throws Problem {
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
        ObjectMapper mapper = measured ? (json ? MeasuredJson.MAPPER : MeasuredYaml.MAPPER) : (json ? Json.MAPPER : Yaml.MAPPER);
        if (content.isBlank()) {
            throw new Problem(name, 0, "the file is empty");
        }
        try {
            T value = mapper.readValue(content, type);
            if (value == null) {
                throw new Problem(name, 0, "the file holds no document");
            }
            return value;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            MarkedYAMLException syntax = yamlSyntax(e);
            if (syntax != null && syntax.getProblemMark() != null) {
                line = syntax.getProblemMark().getLine() + 1;
                column = syntax.getProblemMark().getColumn() + 1;
            }
            if (!json && e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                YamlLocator.Position p = YamlLocator.locate(content, m.getPath());
                if (p != null) {
                    line = p.line();
                    column = p.column();
                }
            }
            String where = line < 1 ? name : name + ":" + line + ":" + column;
            throw new Problem(where, Math.max(line, 0), explain(e));
        }
    }

    /** The mapper the pack and facts readers share for writing YAML back out. */
    public static ObjectMapper yaml() {
        return Yaml.MAPPER;
    }

    /** SnakeYAML's syntax error behind a Jackson exception, if that is what it is. */
    private static MarkedYAMLException yamlSyntax(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException y) {
                return y;
            }
        }
        return null;
    }

    private static String explain(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? fieldPath(m) : "";
        String prefix = field.isEmpty() ? "" : field + ": ";
        MarkedYAMLException syntax = yamlSyntax(e);
        if (syntax != null && syntax.getProblem() != null) {
            // SnakeYAML's first line is the context ("while scanning a quoted scalar"); the problem is what a person can fix
            return prefix + syntax.getProblem().strip() + (syntax.getContext() == null ? "" : " (" + syntax.getContext().strip() + ")");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return "unknown field '" + u.getPropertyName() + "'" + (known.isEmpty() ? "" : " (expected one of: " + known + ")");
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            if (target != null && target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants())
                        .map(c -> c.toString().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .collect(Collectors.joining(", "));
                return prefix + "'" + f.getValue() + "' is not one of: " + allowed;
            }
            return prefix + "'" + f.getValue() + "' is not " + typeName(target);
        }
        if (e instanceof InvalidNullException) {
            return prefix + "a value is required here, not null";
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            // List.copyOf says nothing about the null entry it refuses
            return prefix + (v.getCause() instanceof NullPointerException ? "an empty (null) entry is not allowed here"
                    : v.getCause().getMessage());
        }
        if (e instanceof MismatchedInputException m) {
            String msg = m.getOriginalMessage();
            if (msg.startsWith("Missing required creator property")) {
                String missing = msg.replaceAll("(?s).*property '([^']*)'.*", "$1");
                return prefix + "missing required field '" + missing + "'";
            }
            if (msg.startsWith("Null value for creator property") && m.getLocation() != null) {
                return prefix + "missing required value";
            }
            if (msg.contains("Cannot map `null`")) {
                return prefix + "a value is required here";
            }
            return prefix + "expected " + typeName(m.getTargetType()) + " here";
        }
        // Jackson names the input "REDACTED" in nested locations: keep only the line and column
        return prefix + e.getOriginalMessage().lines().findFirst().orElse("invalid")
                .replaceAll("\\[Source: REDACTED[^;]*; ", "[");
    }

    private static String fieldPath(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping (key: value)";
        }
        return "a " + type.getSimpleName();
    }
}
