package io.wudoctor.facts;

/**
 * The machine's servicing history and health (each null when unknown).
 *
 * @param uptimeHours hours since the last boot
 * @param pendingRestart whether Windows is waiting for a restart
 * @param monthsWithoutUpdates whole months since an update last installed successfully (Windows Update
 *     history); 000 "Cause 3" names "systems that have gone months without updates"
 * @param afterMajorUpgrade whether the failures began after a major Windows version upgrade (e.g. 21H2 to 22H2,
 *     or Windows 10 to 11); 000 "Cause 3" names "a major Windows version upgrade that left remnants behind"
 * @param fileSystemErrors whether a disk check (chkdsk, or the volume's dirty bit) reports file-system errors on the
 *     system drive; 002 "Check Disk Errors And Temporary Storage"
 */
public record SystemState(Double uptimeHours, Boolean pendingRestart, Integer monthsWithoutUpdates,
        Boolean afterMajorUpgrade, Boolean fileSystemErrors) implements Fact {

    /** Uptime and restart state only; the servicing-history fields unknown. */
    public SystemState(Double uptimeHours, Boolean pendingRestart) {
        this(uptimeHours, pendingRestart, null, null, null);
    }

    @Override
    public String kind() {
        return "system-state";
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("uptime ")
                .append(uptimeHours == null ? "unknown" : String.format(java.util.Locale.ROOT, "%.0f h", uptimeHours))
                .append(", restart pending ").append(TimeSync.yesNo(pendingRestart));
        if (monthsWithoutUpdates != null) {
            sb.append(", ").append(monthsWithoutUpdates).append(" month(s) since an update last installed");
        }
        if (afterMajorUpgrade != null) {
            sb.append(", after a major version upgrade ").append(afterMajorUpgrade ? "yes" : "no");
        }
        if (fileSystemErrors != null) {
            sb.append(", file-system errors ").append(fileSystemErrors ? "reported" : "none reported");
        }
        return sb.toString();
    }
}
