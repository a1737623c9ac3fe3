package io.wudoctor.facts;

/**
 * What the machine's surroundings add (each null when unknown): a VPN or strict DNS filter, a
 * third-party antivirus, tuning or clean-up utilities, extra USB drives, a reachable network
 * backup target, other large downloads competing with Windows Update.
 */
public record Environment(
        Boolean vpnOrDnsFilter,
        Boolean thirdPartyAntivirus,
        Boolean tuningUtilities,
        Boolean extraUsbDrives,
        Boolean networkBackupTargetReachable,
        Boolean otherLargeDownloads) implements Fact {

    @Override
    public String kind() {
        return "environment";
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("environment:");
        append(sb, "VPN or strict DNS filter", vpnOrDnsFilter);
        append(sb, "third-party antivirus", thirdPartyAntivirus);
        append(sb, "tuning/clean-up utilities", tuningUtilities);
        append(sb, "extra USB drives", extraUsbDrives);
        append(sb, "network backup target reachable", networkBackupTargetReachable);
        append(sb, "other large downloads", otherLargeDownloads);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String what, Boolean value) {
        if (value != null) {
            sb.append(sb.charAt(sb.length() - 1) == ':' ? " " : ", ").append(what).append(value ? " yes" : " no");
        }
    }
}
