package io.wudoctor.facts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Free and total bytes of a drive; {@code drive} is the system drive unless said otherwise. */
public record DiskSpace(
        String drive,
        @JsonProperty(required = true) long freeBytes,
        @JsonProperty(required = true) long totalBytes) implements Fact {

    private static final double GIB = 1024.0 * 1024 * 1024;

    public DiskSpace {
        drive = drive == null ? "C:" : drive;
        if (freeBytes < 0 || totalBytes <= 0 || freeBytes > totalBytes) {
            throw new IllegalArgumentException("expected 0 <= freeBytes <= totalBytes and totalBytes > 0");
        }
    }

    public double freeGiB() {
        return freeBytes / GIB;
    }

    public double freePercent() {
        return 100.0 * freeBytes / totalBytes;
    }

    @Override
    public String kind() {
        return "disk-space";
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "drive %s has %.1f GiB free of %.1f GiB (%.0f%%)",
                drive, freeGiB(), totalBytes / GIB, freePercent());
    }
}
