package io.wudoctor.internal.gather.offline;

import io.wudoctor.api.GatherListener;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.facts.OsInfo;
import io.wudoctor.facts.RegistryKey;
import io.wudoctor.facts.ServiceState;
import io.wudoctor.facts.ServiceStatus;
import io.wudoctor.facts.StartType;
import io.wudoctor.internal.gather.offline.hive.HiveFormatException;
import io.wudoctor.internal.gather.offline.hive.RegistryHive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Facts from the registry hives of a whole system drive (a mounted image): from
 * {@code Windows/System32/config/SYSTEM}, the start type of the update services (their
 * {@code Start} and {@code DelayedAutostart} values; the run state of a machine that is not
 * running is unknown) and whether the service keys the Microsoft article's Symptoms 1, 4 and 5
 * are about exist; from {@code SOFTWARE}, a restart Windows waits for (the {@code RebootRequired}
 * and {@code RebootPending} keys) and the OS version and build ({@link WindowsVersionKey}).
 * Registry values are numbers or fixed names: the same in every display language.
 * A hive that cannot be read leaves its facts unknown, with a warning.
 */
final class HiveFacts {

    static final String SYSTEM_HIVE = "Windows/System32/config/SYSTEM";
    static final String SOFTWARE_HIVE = "Windows/System32/config/SOFTWARE";

    private static final List<String> REBOOT_KEYS = List.of(
            "Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired",
            "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending");

    /** What the hives show. */
    record Result(List<ServiceState> services, List<RegistryKey> registry, Optional<Boolean> pendingRestart,
            Optional<OsInfo> os) {
        static final Result NONE = new Result(List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    private HiveFacts() {
    }

    static Result read(WindowsRoot root, List<LogMatch> matches, GatherListener listener) {
        List<ServiceState> services = new ArrayList<>();
        List<RegistryKey> keys = new ArrayList<>();
        Optional<RegistryHive> system = open(root, SYSTEM_HIVE, listener);
        if (system.isPresent()) {
            try {
                Optional<RegistryHive.Key> controlSet = currentControlSet(system.get());
                if (controlSet.isEmpty()) {
                    listener.warning(root.windowsPath(SYSTEM_HIVE) + ": no current control set (Select\\Current); services unknown");
                } else {
                    Optional<RegistryHive.Key> all = controlSet.get().subkey("Services");
                    for (String name : ServiceKeys.UPDATE_SERVICES) {
                        all.flatMap(s -> s.subkey(name)).ifPresentOrElse(k -> services.add(state(name, k)),
                                () -> services.add(new ServiceState(name, ServiceStatus.MISSING, StartType.UNKNOWN, null)));
                    }
                    for (String name : ServiceKeys.names(matches)) {
                        keys.add(new RegistryKey(ServiceKeys.SERVICES_KEY + name, all.flatMap(s -> s.subkey(name)).isPresent()));
                    }
                }
            } catch (HiveFormatException e) {
                listener.warning(root.windowsPath(SYSTEM_HIVE) + ": not a valid registry hive (" + e.getMessage() + "); services unknown");
                services.clear();
                keys.clear();
            }
        }
        Optional<Boolean> pending = Optional.empty();
        Optional<OsInfo> os = Optional.empty();
        Optional<RegistryHive> software = open(root, SOFTWARE_HIVE, listener);
        if (software.isPresent()) {
            try {
                RegistryHive hive = software.get();
                pending = Optional.of(REBOOT_KEYS.stream().anyMatch(k -> hive.find(k).isPresent()));
                os = WindowsVersionKey.read(hive, root.windowsPath(SOFTWARE_HIVE));
            } catch (HiveFormatException e) {
                listener.warning(root.windowsPath(SOFTWARE_HIVE) + ": not a valid registry hive (" + e.getMessage()
                        + "); restart state and OS unknown");
                pending = Optional.empty();
                os = Optional.empty();
            }
        }
        return new Result(services, keys, pending, os);
    }

    private static Optional<RegistryHive> open(WindowsRoot root, String relative, GatherListener listener) {
        Optional<Path> file = root.find(relative).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            RegistryHive hive = RegistryHive.open(file.get());
            if (hive.isDirty()) {
                listener.warning(root.windowsPath(relative) + ": the hive was not cleanly written and its transaction logs are "
                        + "not applied; its newest changes may be missing");
            }
            return Optional.of(hive);
        } catch (IOException | HiveFormatException e) {
            listener.warning(root.windowsPath(relative) + ": cannot read the registry hive (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** ControlSet00N named by {@code Select\Current}: an offline hive has no CurrentControlSet link. */
    static Optional<RegistryHive.Key> currentControlSet(RegistryHive hive) {
        return hive.find("Select").flatMap(s -> s.dword("Current"))
                .flatMap(n -> hive.root().subkey(String.format(java.util.Locale.ROOT, "ControlSet%03d", n)));
    }

    /** Start: 2 automatic (DelayedAutostart 1: delayed), 3 manual, 4 disabled; 0 and 1 are boot and system drivers. */
    private static ServiceState state(String name, RegistryHive.Key key) {
        StartType start = key.dword("Start").map(s -> switch (s) {
            case 2 -> key.dword("DelayedAutostart").orElse(0) == 1 ? StartType.AUTOMATIC_DELAYED : StartType.AUTOMATIC;
            case 3 -> StartType.MANUAL;
            case 4 -> StartType.DISABLED;
            default -> StartType.UNKNOWN;
        }).orElse(StartType.UNKNOWN);
        return new ServiceState(name, ServiceStatus.UNKNOWN, start, null);
    }
}
