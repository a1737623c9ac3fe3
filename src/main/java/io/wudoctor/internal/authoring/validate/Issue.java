package io.wudoctor.internal.authoring.validate;

/** One thing validation found: how bad, where (file, 1-based line, 0 when unknown) and what. */
public record Issue(Severity severity, String file, int line, String message) {

    public enum Severity { ERROR, WARNING }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line: error: message}, as compilers print it. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
