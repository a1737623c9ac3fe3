package io.wudoctor.facts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether a file or folder exists (and, for a folder, whether it is empty; null when unknown
 * or not a folder). Paths are Windows paths; compare them with {@link #is(String)}, which
 * ignores case and slash direction as Windows does.
 */
public record PathState(
        @JsonProperty(required = true) String path,
        @JsonProperty(required = true) boolean exists,
        Boolean empty) implements Fact {

    public boolean is(String windowsPath) {
        return normalise(path).equals(normalise(windowsPath));
    }

    /** True when this path ends with the given suffix (case-insensitive, either slash). */
    public boolean endsWith(String suffix) {
        return normalise(path).endsWith(normalise(suffix));
    }

    static String normalise(String p) {
        String s = p.replace('/', '\\').toLowerCase(java.util.Locale.ROOT);
        while (s.endsWith("\\")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    @Override
    public String kind() {
        return "path-state";
    }

    @Override
    public String describe() {
        return path + (exists ? (Boolean.TRUE.equals(empty) ? " exists but is empty" : " exists") : " does not exist");
    }
}
