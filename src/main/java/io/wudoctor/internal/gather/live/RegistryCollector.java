package io.wudoctor.internal.gather.live;

import io.wudoctor.facts.LogMatch;
import io.wudoctor.facts.RegistryKey;
import io.wudoctor.internal.gather.offline.ServiceKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Whether the service keys the Microsoft article names exist (the NGEN services of symptom 1,
 * the floppy drivers of symptom 4, WIMMount of symptom 5), and the keys of driver services that
 * log matches name in a {@code service} capture.
 */
final class RegistryCollector {

    static final String SERVICES_KEY = ServiceKeys.SERVICES_KEY;

    private final RegQuery reg;
    private final Consumer<String> warnings;

    RegistryCollector(CommandRunner runner, Consumer<String> warnings) {
        this.reg = new RegQuery(runner);
        this.warnings = warnings;
    }

    List<RegistryKey> collect(List<LogMatch> matches) {
        Set<String> services = ServiceKeys.names(matches);
        List<RegistryKey> keys = new ArrayList<>();
        for (String service : services) {
            String key = SERVICES_KEY + service;
            switch (reg.key(key)) {
                case PRESENT -> keys.add(new RegistryKey(key, true));
                case ABSENT -> keys.add(new RegistryKey(key, false));
                case UNKNOWN -> warnings.accept("registry key " + key + ": reg query failed; whether it exists is unknown");
            }
        }
        return keys;
    }
}
