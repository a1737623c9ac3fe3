package io.wudoctor.internal.gather.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.wudoctor.facts.OsInfo;
import io.wudoctor.facts.SystemState;
import io.wudoctor.internal.gather.offline.WindowsVersionKey;
import java.util.List;
import java.util.Optional;

/**
 * Uptime and the Windows version (one PowerShell call, JSON), and whether a restart is pending:
 * the RebootRequired key of Windows Update or the RebootPending key of servicing exists.
 */
final class SystemCollector {

    static final List<String> REBOOT_KEYS = List.of(
            "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired",
            "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending");

    /**
     * The OS from the registry's CurrentVersion values, as an offline image's SOFTWARE hive gives
     * them (WindowsVersionKey): ProductName is not translated, Win32_OperatingSystem's Caption is,
     * so Caption is only the fallback.
     */
    static final String SCRIPT = "$os = Get-CimInstance Win32_OperatingSystem; "
            + "$cv = Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'; "
            + "[pscustomobject]@{ UptimeHours = ((Get-Date) - $os.LastBootUpTime).TotalHours; Caption = $os.Caption; "
            + "ProductName = $cv.ProductName; EditionID = $cv.EditionID; InstallationType = $cv.InstallationType; "
            + "DisplayVersion = $cv.DisplayVersion; ReleaseId = $cv.ReleaseId; CSDVersion = $cv.CSDVersion; "
            + "CurrentBuild = $cv.CurrentBuild; CurrentBuildNumber = $cv.CurrentBuildNumber; UBR = $cv.UBR } "
            + "| ConvertTo-Json";

    private final CommandRunner runner;

    SystemCollector(CommandRunner runner) {
        this.runner = runner;
    }

    /** The system facts and the OS facts, either of which may be unknown. */
    record Result(SystemState system, OsInfo os) {
    }

    Result collect() {
        Optional<JsonNode> json = PowerShell.json(runner, SCRIPT);
        Double uptime = json.map(j -> j.path("UptimeHours")).filter(JsonNode::isNumber).map(JsonNode::asDouble).orElse(null);
        Boolean pending = pendingRestart();
        SystemState system = uptime == null && pending == null ? null : new SystemState(uptime, pending);
        return new Result(system, json.flatMap(SystemCollector::os).orElse(null));
    }

    static Optional<OsInfo> os(JsonNode json) {
        Optional<OsInfo> registry = WindowsVersionKey.of(name -> Optional.ofNullable(text(json, name)),
                name -> json.path(name).canConvertToInt() ? Optional.of(json.path(name).asInt()) : Optional.empty(), null);
        if (registry.isPresent() && registry.get().edition() != null) {
            return registry;
        }
        String caption = text(json, "Caption");
        if (caption == null) {
            return Optional.empty();
        }
        String version = text(json, "DisplayVersion") != null ? text(json, "DisplayVersion") : text(json, "ReleaseId");
        String build = text(json, "CurrentBuild");
        if (build != null && json.path("UBR").canConvertToLong()) {
            build += "." + json.path("UBR").asLong();
        }
        return Optional.of(new OsInfo(caption.replaceFirst("^Microsoft ", "").strip(), version, build));
    }

    private Boolean pendingRestart() {
        RegQuery reg = new RegQuery(runner);
        boolean allAbsent = true;
        for (String key : REBOOT_KEYS) {
            RegQuery.KeyState state = reg.key(key);
            if (state == RegQuery.KeyState.PRESENT) {
                return true;
            }
            allAbsent &= state == RegQuery.KeyState.ABSENT;
        }
        return allAbsent ? false : null;
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.path(field);
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText().strip() : null;
    }
}
