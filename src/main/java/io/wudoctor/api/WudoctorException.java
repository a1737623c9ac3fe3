package io.wudoctor.api;

/** A problem a user can act on; the message says what and where. Its subclasses say which kind. */
public abstract class WudoctorException extends RuntimeException {

    protected WudoctorException(String message) {
        super(message);
    }

    protected WudoctorException(String message, Throwable cause) {
        super(message, cause);
    }
}
