package io.wudoctor.api;

/** A problem in a rule file: where (file, 1-based line, 0 when unknown) and what. */
public record RuleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
