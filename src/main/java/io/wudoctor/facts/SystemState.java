package io.wudoctor.facts;

/** Hours since the last boot and whether Windows is waiting for a restart. */
public record SystemState(Double uptimeHours, Boolean pendingRestart) implements Fact {

    @Override
    public String describe() {
        return "uptime " + (uptimeHours == null ? "unknown" : String.format(java.util.Locale.ROOT, "%.0f h", uptimeHours))
                + ", restart pending " + TimeSync.yesNo(pendingRestart);
    }
}
