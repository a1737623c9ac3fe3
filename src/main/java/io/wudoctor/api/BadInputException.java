package io.wudoctor.api;

/** The source or facts file is unreadable or invalid; the message names file, line and column. */
public class BadInputException extends WudoctorException {
    public static final int EXIT_CODE = 3;

    public BadInputException(String message) {
        super(EXIT_CODE, message);
    }

    public BadInputException(String message, Throwable cause) {
        super(EXIT_CODE, message, cause);
    }
}
