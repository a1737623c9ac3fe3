package io.wudoctor.internal.gather.infer;

import io.wudoctor.facts.LogMatch;
import io.wudoctor.facts.OsInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OS version and build from the version lines the logs carry (the {@code context-*}
 * signatures of rules/evidence-context.signatures.yaml): the servicing stack, DISM's host, the
 * machine setup upgrades, the update agent. Their NT version names the Windows family; the
 * third part is the OS build. The first line found wins, in the order of {@link #SIGNATURES}
 * (the most direct statement of the host OS first).
 */
public final class OsInference {

    /** Signature id -> the family the version's first two parts name, shared by all of them. */
    static final List<String> SIGNATURES = List.of("context-dism-host-os-version",
            "context-setup-host-os-version", "context-cbs-servicing-stack-version", "context-wu-client-version");

    /** NT version -> the family, for the version field. The legacy update agent's 7.6 is its own version, not NT's. */
    private static final Map<String, String> FAMILIES = Map.of(
            "6.0", "Windows Vista / Server 2008", "6.1", "Windows 7 / Server 2008 R2",
            "6.2", "Windows 8 / Server 2012", "6.3", "Windows 8.1 / Server 2012 R2");

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private OsInference() {
    }

    public static Optional<OsInfo> infer(List<LogMatch> matches) {
        for (String id : SIGNATURES) {
            for (LogMatch m : matches) {
                if (m.signature().equals(id)) {
                    Optional<OsInfo> os = fromVersion(m.capture("version"), IncidentInference.where(m));
                    if (os.isPresent()) {
                        return os;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** {@code 6.1.7601.23505} -> build 7601.23505, version "Windows 7 / Server 2008 R2". */
    static Optional<OsInfo> fromVersion(String version, String seenIn) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            return Optional.empty();
        }
        int build = Integer.parseInt(m.group(3));
        String revision = m.group(4) == null || m.group(4).equals("0") ? "" : "." + m.group(4);
        String family = FAMILIES.get(m.group(1) + "." + m.group(2));
        if (family == null) {
            family = family(build);
        }
        return Optional.of(new OsInfo(null, family, build + revision, seenIn));
    }

    /**
     * The family a build number belongs to, for agents whose own version is not NT's (7.6.7601 is
     * Windows 7's agent) and for a registry that names no release; null before Vista.
     */
    public static String family(int build) {
        if (build >= 22000) {
            return "Windows 11 / Server 2022 or later";
        }
        if (build >= 10240) {
            return "Windows 10 / Server 2016 or later";
        }
        return build >= 9600 ? FAMILIES.get("6.3") : build >= 9200 ? FAMILIES.get("6.2") : build >= 7600 ? FAMILIES.get("6.1")
                : build >= 6000 ? FAMILIES.get("6.0") : null;
    }
}
