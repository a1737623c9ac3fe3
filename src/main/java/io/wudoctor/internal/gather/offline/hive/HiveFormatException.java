package io.wudoctor.internal.gather.offline.hive;

/** A registry hive that does not follow the format: its facts stay unknown. */
public final class HiveFormatException extends RuntimeException {

    public HiveFormatException(String message) {
        super(message);
    }
}
