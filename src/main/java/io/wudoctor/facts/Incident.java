package io.wudoctor.facts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The failure being diagnosed: where it appeared, the code, the failing update and any path
 * the error message named (backup tools show one).
 */
public record Incident(
        @JsonProperty(required = true) Surface surface,
        String errorCode,
        String kb,
        String path) implements Fact {

    public Incident {
        errorCode = errorCode == null ? "0x80070002" : errorCode;
    }

    /** True when the code is 0x80070002 in any of its spellings (80070002, 0x80070002, -2147024894). */
    public boolean isFileNotFound() {
        String c = errorCode.trim().toLowerCase(java.util.Locale.ROOT);
        return c.equals("0x80070002") || c.equals("80070002") || c.equals("-2147024894");
    }

    @Override
    public String describe() {
        return "error " + errorCode + " during " + surface.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (kb == null ? "" : " (" + kb + ")") + (path == null ? "" : " on path " + path);
    }
}
