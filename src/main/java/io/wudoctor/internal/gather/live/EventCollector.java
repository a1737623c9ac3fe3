package io.wudoctor.internal.gather.live;

import java.util.Optional;

/**
 * The System log's WindowsUpdateClient events (19 installed, 20 failed, 43 started ...) and its
 * Service Control Manager events about services that failed, stopped or changed start type
 * (rules/service-events.drl), newest first, as event XML (the same form a bundle carries: raw
 * insertion strings and binary data, which do not depend on the display language) with the
 * rendered message added where {@code wevtutil /f:RenderedXml} puts it, one event per line.
 */
final class EventCollector {

    static final int MAX_EVENTS = 200;

    /** The SCM events rules read: 7000, 7001, 7009, 7011, 7023, 7024, 7031, 7034, 7040. */
    static final String SCM_IDS = "7000,7001,7009,7011,7023,7024,7031,7034,7040";

    static final String SCRIPT = "$filters = @(@{ LogName = 'System'; ProviderName = 'Microsoft-Windows-WindowsUpdateClient' }, "
            + "@{ LogName = 'System'; ProviderName = 'Service Control Manager'; Id = " + SCM_IDS + " }); "
            + "foreach ($f in $filters) { Get-WinEvent -FilterHashtable $f -MaxEvents " + MAX_EVENTS
            + " -ErrorAction SilentlyContinue | ForEach-Object { "
            + "$x = [xml]$_.ToXml(); $ns = $x.Event.NamespaceURI; "
            + "$r = $x.CreateElement('RenderingInfo', $ns); $m = $x.CreateElement('Message', $ns); "
            + "$m.InnerText = [string]$_.Message; [void]$r.AppendChild($m); [void]$x.Event.AppendChild($r); "
            + "$x.OuterXml } }; exit 0"; // "no events found" is an error to Get-WinEvent, not to us

    private final CommandRunner runner;

    EventCollector(CommandRunner runner) {
        this.runner = runner;
    }

    /** The events as XML text; empty when PowerShell failed (no events at all is an empty text). */
    Optional<String> collect() {
        return PowerShell.text(runner, SCRIPT);
    }
}
