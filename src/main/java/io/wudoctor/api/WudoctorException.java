package io.wudoctor.api;

/** A problem a user can act on; {@link #exitCode()} is the CLI's documented exit code for it. */
public class WudoctorException extends RuntimeException {
    private final int exitCode;

    public WudoctorException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public WudoctorException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
