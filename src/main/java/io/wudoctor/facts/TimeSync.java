package io.wudoctor.facts;

/**
 * The clock: offset from a reference in seconds (positive = ahead), whether time and time zone
 * are set automatically, and whether the last synchronisation succeeded. Unknown values are null.
 */
public record TimeSync(Double offsetSeconds, Boolean automaticTime, Boolean automaticTimeZone, Boolean synced)
        implements Fact {

    public double absoluteOffset() {
        return offsetSeconds == null ? 0 : Math.abs(offsetSeconds);
    }

    @Override
    public String kind() {
        return "time-sync";
    }

    @Override
    public String describe() {
        return "clock offset " + (offsetSeconds == null ? "unknown" : offsetSeconds + " s")
                + ", automatic time " + yesNo(automaticTime) + ", automatic time zone " + yesNo(automaticTimeZone)
                + ", last sync " + (synced == null ? "unknown" : synced ? "succeeded" : "failed");
    }

    static String yesNo(Boolean b) {
        return b == null ? "unknown" : b ? "on" : "off";
    }
}
