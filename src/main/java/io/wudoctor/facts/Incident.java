package io.wudoctor.facts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The failure being diagnosed: where it appeared, the code, the failing update and any path
 * the error message named (backup tools show one). {@code seenIn} says where the evidence
 * showed it (a file and line, or an event) when wudoctor read the incident from the evidence
 * rather than being told it; null when typed in a facts file.
 */
public record Incident(
        @JsonProperty(required = true) Surface surface,
        String errorCode,
        String kb,
        String path,
        String seenIn) implements Fact {

    /** An incident as a person states it, not read from evidence. */
    public Incident(Surface surface, String errorCode, String kb, String path) {
        this(surface, errorCode, kb, path, null);
    }

    /** An HRESULT as hex (0x80070002, 80070002) or as a signed or unsigned decimal (-2147024894). */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("(?i)0x[0-9a-f]{1,8}|[0-9a-f]{8}|-?[0-9]{1,10}");

    public Incident {
        if (surface == null) {
            throw new IllegalArgumentException("surface is required (where the error appeared: windows-update, "
                    + "feature-upgrade, backup, ...)");
        }
        errorCode = errorCode == null ? "0x80070002" : errorCode;
        if (!CODE.matcher(errorCode.strip()).matches()) {
            // a typo here would silently turn a diagnosis of 0x80070002 into one of nothing in particular
            throw new IllegalArgumentException("errorCode '" + errorCode + "' is not an error code (expected hex such as "
                    + "0x80070002 or 80070002, or decimal such as -2147024894)");
        }
    }

    /** True when {@code code} is an error code in one of the spellings {@code errorCode} accepts. */
    public static boolean isErrorCode(String code) {
        return code != null && CODE.matcher(code.strip()).matches();
    }

    /** True when the code is 0x80070002 in any of its spellings (80070002, 0x80070002, -2147024894). */
    public boolean isFileNotFound() {
        return isFileNotFound(errorCode);
    }

    public static boolean isFileNotFound(String code) {
        String c = code.trim().toLowerCase(java.util.Locale.ROOT);
        return c.equals("0x80070002") || c.equals("80070002") || c.equals("-2147024894");
    }

    @Override
    public String kind() {
        return "incident";
    }

    @Override
    public String describe() {
        return "error " + errorCode + " during " + surface.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (kb == null ? "" : " (" + kb + ")") + (path == null ? "" : " on path " + path)
                + (seenIn == null ? "" : ", as " + seenIn + " shows");
    }
}
