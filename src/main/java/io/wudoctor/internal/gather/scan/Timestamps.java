package io.wudoctor.internal.gather.scan;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the timestamp a log line starts with, in the formats of the logs wudoctor scans, and
 * writes it as {@code yyyy-MM-dd HH:mm:ss[.fraction]} so that timestamps of different logs sort
 * together. Lines without one (excerpts, continuation lines) have none: null.
 */
final class Timestamps {

    private record Format(Pattern pattern, Function<Matcher, String> normalise) {
    }

    private static final List<Format> FORMATS = List.of(
            // CBS.log, dism.log, setupact.log, setuperr.log: "2016-09-28 04:30:30, Info   CBS ..."
            new Format(Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}),"),
                    m -> m.group(1) + " " + m.group(2)),
            // WindowsUpdate.log decoded by Get-WindowsUpdateLog: "2020/11/19 15:25:46.9997442 3304 ..."
            new Format(Pattern.compile("^(\\d{4})/(\\d{2})/(\\d{2}) (\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?"),
                    m -> m.group(1) + "-" + m.group(2) + "-" + m.group(3) + " " + m.group(4) + orEmpty(m.group(5))),
            // WindowsUpdate.log of Windows 7 / Server 2008 R2: "2016-10-19\t11:23:47:375\t1532 ..."
            new Format(Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})\\t(\\d{2}:\\d{2}:\\d{2}):(\\d{3})"),
                    m -> m.group(1) + " " + m.group(2) + "." + m.group(3)),
            // ReportingEvents.log: "{GUID}\t2016-02-02 10:31:08:392-0800\t..."
            new Format(Pattern.compile("^\\{[0-9A-Fa-f-]+\\}\\t(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}):(\\d{3})([+-]\\d{4})?"),
                    m -> m.group(1) + " " + m.group(2) + "." + m.group(3) + orEmpty(m.group(4))),
            // Event XML: <TimeCreated SystemTime="2022-09-30T13:44:36.6772228Z" />, kept as written (UTC)
            new Format(Pattern.compile("<TimeCreated SystemTime=['\"]([^'\"]+)['\"]"), m -> m.group(1)),
            // A CSI line without the CBS prefix (as quoted in documents): "CSI 000000fc@2018/9/29:08:45:29.414"
            new Format(Pattern.compile("@(\\d{4})/(\\d{1,2})/(\\d{1,2}):(\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?"),
                    m -> m.group(1) + "-" + twoDigits(m.group(2)) + "-" + twoDigits(m.group(3)) + " " + m.group(4)
                            + orEmpty(m.group(5))));

    private Timestamps() {
    }

    static String of(String line) {
        for (Format f : FORMATS) {
            Matcher m = f.pattern().matcher(line);
            if (m.find()) {
                return f.normalise().apply(m);
            }
        }
        return null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String twoDigits(String s) {
        return s.length() == 1 ? "0" + s : s;
    }
}
