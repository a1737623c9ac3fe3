package io.wudoctor.internal.gather.offline.cab;

/** A cabinet that does not follow the format, or uses what this reader does not read: its logs stay unread. */
public final class CabFormatException extends RuntimeException {

    public CabFormatException(String message) {
        super(message);
    }
}
