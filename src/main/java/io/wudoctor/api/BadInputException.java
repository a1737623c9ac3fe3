package io.wudoctor.api;

/** The source or facts file is unreadable or invalid; the message names file, line and column. */
public class BadInputException extends WudoctorException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
