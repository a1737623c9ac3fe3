package io.wudoctor.fleet;

import io.wudoctor.exit.ExitCode;

/** The name of an error record's exit-code class, as README.md's exit-code table defines them. */
final class ErrorKind {

    private ErrorKind() {
    }

    static String of(ExitCode code) {
        return switch (code) {
            case INTERNAL_ERROR -> "internal-error";
            case BAD_INPUT -> "bad-input";
            case BAD_RULES -> "bad-rules";
            default -> "exit-" + code.code;
        };
    }
}
