package io.wudoctor.internal.collect.live;

import java.util.Optional;

/**
 * The System log's WindowsUpdateClient events (19 installed, 20 failed, 43 started ...), newest
 * first, as event XML (the same form a bundle carries) with the rendered message added where
 * {@code wevtutil /f:RenderedXml} puts it, one event per line.
 */
final class EventCollector {

    static final int MAX_EVENTS = 200;

    static final String SCRIPT = "Get-WinEvent -FilterHashtable @{ LogName = 'System'; "
            + "ProviderName = 'Microsoft-Windows-WindowsUpdateClient' } -MaxEvents " + MAX_EVENTS
            + " -ErrorAction SilentlyContinue | ForEach-Object { "
            + "$x = [xml]$_.ToXml(); $ns = $x.Event.NamespaceURI; "
            + "$r = $x.CreateElement('RenderingInfo', $ns); $m = $x.CreateElement('Message', $ns); "
            + "$m.InnerText = [string]$_.Message; [void]$r.AppendChild($m); [void]$x.Event.AppendChild($r); "
            + "$x.OuterXml }; exit 0"; // "no events found" is an error to Get-WinEvent, not to us

    private final CommandRunner runner;

    EventCollector(CommandRunner runner) {
        this.runner = runner;
    }

    /** The events as XML text; empty when PowerShell failed (no events at all is an empty text). */
    Optional<String> collect() {
        return PowerShell.text(runner, SCRIPT);
    }
}
