package io.wudoctor.facts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a registry key exists; compare keys with {@link #is(String)} (case-insensitive, HKLM = HKEY_LOCAL_MACHINE). */
public record RegistryKey(@JsonProperty(required = true) String key, @JsonProperty(required = true) boolean exists)
        implements Fact {

    public boolean is(String other) {
        return normalise(key).equals(normalise(other));
    }

    static String normalise(String k) {
        String s = PathState.normalise(k);
        return s.startsWith("hkey_local_machine\\") ? "hklm\\" + s.substring("hkey_local_machine\\".length()) : s;
    }

    @Override
    public String kind() {
        return "registry-key";
    }

    @Override
    public String describe() {
        return "registry key " + key + (exists ? " exists" : " does not exist");
    }
}
