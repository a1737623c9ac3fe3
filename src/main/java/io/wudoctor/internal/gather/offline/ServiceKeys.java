package io.wudoctor.internal.gather.offline;

import io.wudoctor.facts.LogMatch;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The service registry keys wudoctor asks about, live or in an image's SYSTEM hive: those the
 * Microsoft article names (the NGEN services of symptom 1, the floppy drivers of symptom 4,
 * WIMMount of symptom 5), and those of driver services that log matches name in a
 * {@code service} capture.
 */
public final class ServiceKeys {

    /** Where the keys are, as facts name them. */
    public static final String SERVICES_KEY = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\";

    public static final List<String> DOCUMENTED = List.of("clr_optimization_v4.0.30319_32", "clr_optimization_v4.0.30319_64",
            "Wimmount", "flpydisk", "sfloppy");

    /** The update services whose state and start type wudoctor reads. */
    public static final List<String> UPDATE_SERVICES = List.of("wuauserv", "bits", "cryptsvc", "appidsvc", "msiserver",
            "trustedinstaller");

    private ServiceKeys() {
    }

    /** The service names to look up: the documented ones, then each well-formed {@code service} capture. */
    public static Set<String> names(List<LogMatch> matches) {
        Set<String> services = new LinkedHashSet<>(DOCUMENTED);
        for (LogMatch m : matches) {
            String service = m.capture("service");
            if (service.matches("[A-Za-z0-9_.-]+") && services.stream().noneMatch(service::equalsIgnoreCase)) {
                services.add(service);
            }
        }
        return services;
    }
}
