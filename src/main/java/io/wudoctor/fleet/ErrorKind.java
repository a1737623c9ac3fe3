package io.wudoctor.fleet;

/** The name of an error record's exit-code class, as README.md's exit-code table defines them. */
final class ErrorKind {

    private ErrorKind() {
    }

    static String of(int exitCode) {
        return switch (exitCode) {
            case 1 -> "internal-error";
            case 3 -> "bad-input";
            case 4 -> "bad-rules";
            default -> "exit-" + exitCode;
        };
    }
}
