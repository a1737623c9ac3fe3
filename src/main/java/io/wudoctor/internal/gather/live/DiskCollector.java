package io.wudoctor.internal.gather.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.wudoctor.facts.DiskSpace;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free and total space of the system drive: from CIM (Win32_LogicalDisk, numbers in JSON), or,
 * where PowerShell fails, from {@code fsutil volume diskfree} (English labels only).
 */
final class DiskCollector {

    private static final Pattern FREE = Pattern.compile("(?m)^\\s*Total (?:# of )?free bytes\\s*:\\s*([\\d,.\\s\u00A0']+)");
    private static final Pattern TOTAL = Pattern.compile("(?m)^\\s*Total (?:# of )?bytes\\s*:\\s*([\\d,.\\s\u00A0']+)");

    private final CommandRunner runner;

    DiskCollector(CommandRunner runner) {
        this.runner = runner;
    }

    Optional<DiskSpace> collect(String drive) {
        return fromCim(drive).or(() -> fromFsutil(drive));
    }

    private Optional<DiskSpace> fromCim(String drive) {
        String script = "Get-CimInstance Win32_LogicalDisk -Filter \"DeviceID='" + drive + "'\" | "
                + "Select-Object DeviceID,FreeSpace,Size | ConvertTo-Json";
        return PowerShell.json(runner, script).flatMap(json -> parseCim(json, drive));
    }

    static Optional<DiskSpace> parseCim(JsonNode json, String drive) {
        JsonNode disk = json.isArray() ? json.path(0) : json;
        if (!disk.path("FreeSpace").canConvertToLong() || !disk.path("Size").canConvertToLong()) {
            return Optional.empty();
        }
        return space(drive, disk.path("FreeSpace").asLong(), disk.path("Size").asLong());
    }

    private Optional<DiskSpace> fromFsutil(String drive) {
        CommandRunner.Output out = runner.run(List.of("fsutil.exe", "volume", "diskfree", drive));
        return out.ok() ? parseFsutil(out.text(), drive) : Optional.empty();
    }

    static Optional<DiskSpace> parseFsutil(String text, String drive) {
        Matcher free = FREE.matcher(text);
        Matcher total = TOTAL.matcher(text);
        if (!free.find() || !total.find()) {
            return Optional.empty();
        }
        return space(drive, digits(free.group(1)), digits(total.group(1)));
    }

    /** 812,733,878,272 (or 812.733.878.272, 812 733 878 272) as a number; -1 when there are no digits. */
    private static long digits(String grouped) {
        String d = grouped.replaceAll("\\D", "");
        return d.isEmpty() || d.length() > 18 ? -1 : Long.parseLong(d);
    }

    private static Optional<DiskSpace> space(String drive, long free, long total) {
        return free >= 0 && total > 0 && free <= total ? Optional.of(new DiskSpace(drive, free, total)) : Optional.empty();
    }
}
