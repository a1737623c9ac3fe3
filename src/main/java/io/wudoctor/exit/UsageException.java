package io.wudoctor.exit;

import io.wudoctor.api.WudoctorException;

/** The command was asked for something it cannot do: an option out of range, an output it cannot write. */
public class UsageException extends WudoctorException {

    public UsageException(String message) {
        super(message);
    }
}
