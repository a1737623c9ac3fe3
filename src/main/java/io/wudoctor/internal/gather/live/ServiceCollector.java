package io.wudoctor.internal.gather.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.wudoctor.facts.ServiceState;
import io.wudoctor.facts.ServiceStatus;
import io.wudoctor.facts.StartType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The run state and start type of the services Windows Update needs: from {@code Get-Service}
 * as JSON (enum names, not translated), or, where PowerShell fails, from {@code sc query} and
 * {@code sc qc}. A service that is not installed is MISSING; one the collector could not read
 * (not elevated) is UNKNOWN, never a fault.
 */
final class ServiceCollector {

    static final List<String> SERVICES = io.wudoctor.internal.gather.offline.ServiceKeys.UPDATE_SERVICES;

    /** Status and StartType as their names (a missing service is an error to ignore, hence exit 0); DelayedAutostart from the registry, which Get-Service does not show. */
    static final String SCRIPT = "$names = '" + String.join("','", SERVICES) + "'; "
            + "ConvertTo-Json -InputObject @(Get-Service -Name $names -ErrorAction SilentlyContinue | ForEach-Object { "
            + "[pscustomobject]@{ Name = $_.Name; Status = $_.Status.ToString(); StartType = $_.StartType.ToString(); "
            + "DelayedAutostart = ((Get-ItemProperty -Path ('HKLM:\\SYSTEM\\CurrentControlSet\\Services\\' + $_.Name) "
            + "-Name DelayedAutostart -ErrorAction SilentlyContinue).DelayedAutostart -eq 1) } }); exit 0";

    private final CommandRunner runner;
    private final Consumer<String> warnings;

    ServiceCollector(CommandRunner runner, Consumer<String> warnings) {
        this.runner = runner;
        this.warnings = warnings;
    }

    List<ServiceState> collect() {
        return PowerShell.json(runner, SCRIPT).flatMap(ServiceCollector::parseGetService).orElseGet(this::fromSc);
    }

    /** The services in Get-Service's JSON; those it does not list are not installed. */
    static Optional<List<ServiceState>> parseGetService(JsonNode json) {
        if (!json.isArray() && !json.isObject()) {
            return Optional.empty();
        }
        Map<String, ServiceState> found = new LinkedHashMap<>();
        for (JsonNode s : json.isArray() ? json : List.of(json)) {
            String name = s.path("Name").asText("").toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                found.put(name, new ServiceState(name, status(s.path("Status")),
                        startType(s.path("StartType"), s.path("DelayedAutostart").asBoolean(false)), null));
            }
        }
        List<ServiceState> all = new ArrayList<>();
        for (String name : SERVICES) {
            all.add(found.getOrDefault(name, new ServiceState(name, ServiceStatus.MISSING, StartType.UNKNOWN, null)));
        }
        return Optional.of(all);
    }

    private List<ServiceState> fromSc() {
        List<ServiceState> all = new ArrayList<>();
        for (String name : SERVICES) {
            all.add(fromSc(name));
        }
        return all;
    }

    private ServiceState fromSc(String name) {
        CommandRunner.Output query = runner.run(List.of("sc.exe", "query", name));
        String text = query.text();
        Optional<Integer> failure = query.exitCode() == ScOutput.DOES_NOT_EXIST ? Optional.of(ScOutput.DOES_NOT_EXIST)
                : ScOutput.failure(text);
        if (failure.isPresent() && failure.get() == ScOutput.DOES_NOT_EXIST) {
            return new ServiceState(name, ServiceStatus.MISSING, StartType.UNKNOWN, null);
        }
        if (failure.isPresent() || !query.ok()) {
            warnings.accept("service " + name + ": sc query failed" + failure.map(f -> " with error " + f
                    + (f == ScOutput.ACCESS_DENIED ? " (access denied: run wudoctor as administrator)" : "")).orElse("")
                    + "; its state is unknown");
            return new ServiceState(name, ServiceStatus.UNKNOWN, StartType.UNKNOWN, null);
        }
        ServiceStatus status = ScOutput.states(text).getOrDefault(name, ServiceStatus.UNKNOWN);
        CommandRunner.Output config = runner.run(List.of("sc.exe", "qc", name));
        StartType startType = config.ok() ? ScOutput.startType(config.text()) : StartType.UNKNOWN;
        return new ServiceState(name, status, startType, null);
    }

    private static ServiceStatus status(JsonNode value) {
        // Windows PowerShell writes enums as numbers unless told otherwise: accept both.
        String s = value.isNumber() ? switch (value.asInt()) {
            case 1 -> "stopped";
            case 2, 5 -> "startpending";
            case 3 -> "stoppending";
            case 4 -> "running";
            case 6, 7 -> "paused";
            default -> "";
        } : value.asText("").toLowerCase(Locale.ROOT);
        return switch (s) {
            case "running" -> ServiceStatus.RUNNING;
            case "stopped" -> ServiceStatus.STOPPED;
            case "startpending", "continuepending" -> ServiceStatus.START_PENDING;
            case "stoppending" -> ServiceStatus.STOP_PENDING;
            case "paused", "pausepending" -> ServiceStatus.PAUSED;
            default -> ServiceStatus.UNKNOWN;
        };
    }

    private static StartType startType(JsonNode value, boolean delayed) {
        String s = value.isNumber() ? switch (value.asInt()) {
            case 2 -> "automatic";
            case 3 -> "manual";
            case 4 -> "disabled";
            default -> "";
        } : value.asText("").toLowerCase(Locale.ROOT);
        return switch (s) {
            case "automatic" -> delayed ? StartType.AUTOMATIC_DELAYED : StartType.AUTOMATIC;
            case "automaticdelayedstart" -> StartType.AUTOMATIC_DELAYED;
            case "manual" -> StartType.MANUAL;
            case "disabled" -> StartType.DISABLED;
            default -> StartType.UNKNOWN;
        };
    }
}
