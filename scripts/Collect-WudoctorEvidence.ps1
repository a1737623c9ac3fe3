<#
.SYNOPSIS
    Collects what wudoctor needs to diagnose Windows Update error 0x80070002 into a bundle .zip.

.DESCRIPTION
    For Windows PowerShell 5.1 on the broken machine; it needs no Java and installs nothing.
    It only reads the machine: it writes the update and setup logs (keeping their place on the
    system drive), the WindowsUpdateClient and Service Control Manager events of the System log
    (as event XML), pending.xml, and what it measures (services, time, disk space, registry keys,
    folders, Windows Update history) as facts.yaml, straight into one .zip (docs/bundle.md). No
    copy of the logs is made anywhere else: low disk space is one of the causes it looks for.
    Diagnose the bundle anywhere with:  wudoctor diagnose BUNDLE.zip

    Run it elevated (as administrator): without that, some logs and service states cannot be read.
    It says so first, and the bundle records it.

    It needs the FullLanguage mode of PowerShell: under Constrained Language Mode (AppLocker or
    WDAC application control) it stops at once and says so.

.PARAMETER OutFolder
    The folder to write the bundle to (default: the desktop). The bundle is named
    wudoctor-bundle-COMPUTER-DATE.zip; an existing file is never overwritten.

.PARAMETER MaxSizeMB
    The most file content to put in the bundle, in MiB (default 200). Files that would go past
    it are left out, largest logs last, and listed in wudoctor\collector.txt and on the console.

.PARAMETER KB
    The update that fails, when you know it (KB5034441). Written to the bundle's incident.

.PARAMETER Surface
    Where the error appeared, when you know it: windows-update, feature-upgrade, backup,
    file-history, microsoft-store, monthly-rollup, cumulative-update.

.PARAMETER MaxEvents
    How many of the newest events of each exported kind to include (default 200).

.PARAMETER DecodeWindowsUpdateLog
    On Windows 10 and later, also decode the Windows Update ETW traces with Get-WindowsUpdateLog
    (takes a minute or more; the decoded log is written to a temporary file, added, and deleted).

.EXAMPLE
    powershell -NoProfile -ExecutionPolicy Bypass -File .\Collect-WudoctorEvidence.ps1 -OutFolder D:\Tickets -KB KB5034441
#>
[CmdletBinding()]
param(
    [string]$OutFolder,
    [ValidateRange(1, 4096)]
    [int]$MaxSizeMB = 200,
    [ValidatePattern('^KB\d{6,8}$')]
    [string]$KB,
    [ValidateSet('windows-update', 'feature-upgrade', 'backup', 'file-history', 'microsoft-store', 'monthly-rollup', 'cumulative-update')]
    [string]$Surface,
    [ValidateRange(1, 100000)]
    [int]$MaxEvents = 200,
    [switch]$DecodeWindowsUpdateLog
)

# Constrained Language Mode blocks the .NET calls this script reads files and writes the zip
# with; checking first gives one clear message instead of a cascade of errors.
if ($ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') {
    Write-Error ('PowerShell runs in ' + $ExecutionContext.SessionState.LanguageMode + ' mode here (application control ' +
        'such as AppLocker or WDAC): this collector needs FullLanguage and cannot run. Ask your administrator to allow it, ' +
        'or copy the logs listed in docs/bundle.md by hand.')
    exit 3
}

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$CollectorVersion = '2.0'
$Drive = $env:SystemDrive                     # C:
$Root = $Drive + '\'
$Invariant = [Globalization.CultureInfo]::InvariantCulture
$Utf8 = New-Object System.Text.UTF8Encoding $false
$Notes = New-Object System.Collections.Generic.List[string]
$LeftOut = New-Object System.Collections.Generic.List[string]

# Elevation first: without it much of what follows is unreadable, and the person should know now.
$Identity = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
$Elevated = $Identity.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
if (-not $Elevated) {
    Write-Warning 'Not running as administrator: CBS.log, some setup logs, service states and pending.xml may be unreadable. For a complete bundle, stop now (Ctrl+C) and run this again from an elevated PowerShell.'
}

# The places wudoctor reads on a system drive (LogPlaces.java and PendingRestart.java), in the
# order they are added: small, most telling files first, so that the size cap leaves out the
# big rotated logs, not CBS.log. BundleFromScriptTest checks this list against wudoctor's.
$LogPlaces = @(
    @('Windows\Logs\CBS', 'CBS.log'),
    @('Windows\WinSxS', 'pending.xml'),
    @('$WINDOWS.~BT\Sources\Panther', 'setupact.log'),
    @('$WINDOWS.~BT\Sources\Panther', 'setuperr.log'),
    @('$Windows.~WS\Sources\Panther', 'setupact.log'),
    @('$Windows.~WS\Sources\Panther', 'setuperr.log'),
    @('Windows\Panther', 'setupact.log'),
    @('Windows\Panther', 'setuperr.log'),
    @('$WINDOWS.~BT\Sources\Rollback', 'setupact.log'),
    @('$WINDOWS.~BT\Sources\Rollback', 'setuperr.log'),
    @('Windows\Logs\DISM', 'dism.log'),
    @('Windows\Logs\CBS', 'CheckSUR.log'),
    @('Windows\Logs\CBS', 'CheckSUR.persist.log'),
    @('Windows\INF', 'setupapi.dev.log'),
    @('Windows\SoftwareDistribution', 'ReportingEvents.log'),
    @('Windows', 'WindowsUpdate.log'),
    @('Windows\Logs\CBS', 'CbsPersist_*.log'),
    @('Windows\Logs\CBS', 'CbsPersist_*.cab')
)

# Service Control Manager events about the update services (rules/service-events.drl): failed
# to start, dependency failed, timeouts, terminated, start type changed.
$ScmEventIds = @(7000, 7001, 7009, 7011, 7023, 7024, 7031, 7034, 7040)
# The same paths as wudoctor's path facts (PathFacts.java), relative to the system drive.
$CheckedPaths = @(
    'Windows\SoftwareDistribution',
    'Windows\System32\catroot2',
    'ProgramData\Microsoft\Network\Downloader',
    'Windows\Microsoft.NET\Framework\v4.0.30319',
    'Windows\Microsoft.NET\Framework64\v4.0.30319',
    'ProgramData\Microsoft\Windows\Start Menu\Programs\System Tools',
    'Windows\System32\drivers\wimmount.sys',
    'ProgramData\Microsoft\Network\Downloader\qmgr0.dat',
    'ProgramData\Microsoft\Network\Downloader\qmgr1.dat'
)

$Services = @('wuauserv', 'bits', 'cryptsvc', 'appidsvc', 'msiserver', 'trustedinstaller')
$ServiceKeys = @('clr_optimization_v4.0.30319_32', 'clr_optimization_v4.0.30319_64', 'Wimmount', 'flpydisk', 'sfloppy')

function Add-Note([string]$Text) {
    $Notes.Add($Text)
    Write-Warning $Text
}

# A YAML single-quoted scalar: only the quote itself needs escaping.
function Format-Text([string]$Value) {
    return "'" + $Value.Replace("'", "''") + "'"
}

function Format-Bool([bool]$Value) {
    if ($Value) { return 'true' } else { return 'false' }
}

# Opens a file that Windows may hold open (CBS.log is written while TrustedInstaller runs).
function Open-Shared([string]$Path) {
    return [IO.File]::Open($Path, [IO.FileMode]::Open, [IO.FileAccess]::Read, [IO.FileShare]'ReadWrite, Delete')
}

# The logs found at $LogPlaces, in that order: full path, bundle entry name ('/' separators), size.
function Find-Logs {
    $found = @()
    foreach ($place in $LogPlaces) {
        if ($DecodeWindowsUpdateLog -and $place[0] -eq 'Windows' -and $place[1] -eq 'WindowsUpdate.log') { continue }
        $folder = Join-Path $Root $place[0]
        if (-not (Test-Path -LiteralPath $folder -PathType Container)) { continue }
        foreach ($file in @(Get-ChildItem -LiteralPath $folder -Filter $place[1] -File -Force -ErrorAction SilentlyContinue)) {
            $relative = $file.FullName.Substring($Root.Length)
            $found += [pscustomobject]@{ Full = $file.FullName; Entry = $relative.Replace('\', '/'); Size = [int64]$file.Length }
        }
    }
    return $found
}

# The bundle: a zip written straight from the files, within a byte budget.
$Zip = $null
$Budget = [int64]0

function Add-Entry([string]$Entry, [IO.Stream]$From) {
    $target = $Zip.CreateEntry($Entry, [IO.Compression.CompressionLevel]::Optimal).Open()
    try { $From.CopyTo($target) } finally { $target.Dispose() }
}

function Add-Text([string]$Entry, [string[]]$Lines) {
    if ($null -eq $Lines) { $Lines = @() }
    $bytes = $Utf8.GetBytes(([string]::Join("`r`n", $Lines)) + "`r`n")
    $script:Budget -= $bytes.Length
    $stream = New-Object IO.MemoryStream(, $bytes)
    try { Add-Entry $Entry $stream } finally { $stream.Dispose() }
}

function Add-File([string]$Full, [string]$Entry, [int64]$Size) {
    if ($Size -gt $script:Budget) {
        $LeftOut.Add(('{0} ({1:N1} MiB): over the -MaxSizeMB cap' -f $Entry, ($Size / 1MB)))
        return $false
    }
    try {
        $in = Open-Shared $Full
        try { Add-Entry $Entry $in } finally { $in.Dispose() }
        $script:Budget -= $Size
        return $true
    } catch {
        $LeftOut.Add(('{0}: could not be read ({1})' -f $Entry, $_.Exception.Message))
        return $false
    }
}

function Add-Logs([object[]]$Logs) {
    $added = @()
    foreach ($log in $Logs) {
        if (Add-File $log.Full $log.Entry $log.Size) { $added += $log }
    }
    if ($DecodeWindowsUpdateLog -and (Get-Command Get-WindowsUpdateLog -ErrorAction SilentlyContinue)) {
        $decoded = Join-Path ([IO.Path]::GetTempPath()) ('wudoctor-WindowsUpdate-' + [guid]::NewGuid().ToString('N') + '.log')
        try {
            $null = Get-WindowsUpdateLog -LogPath $decoded -ErrorAction Stop
            $null = Add-File $decoded 'Windows/WindowsUpdate.log' (Get-Item -LiteralPath $decoded).Length
        } catch {
            Add-Note ("could not decode the Windows Update traces: {0}" -f $_.Exception.Message)
        } finally {
            Remove-Item -LiteralPath $decoded -Force -ErrorAction SilentlyContinue
        }
    }
    return $added
}

# Event XML as Get-WinEvent's ToXml() writes it (locale-independent: named data, raw insertion
# strings such as %%1058, the service's key name in the binary data), plus the rendered message
# where wevtutil /f:RenderedXml puts it; one event per line.
function Get-EventLines([hashtable]$Filter) {
    $lines = @()
    $events = @()
    try {
        $events = @(Get-WinEvent -FilterHashtable $Filter -MaxEvents $MaxEvents -ErrorAction SilentlyContinue)
    } catch {
        Add-Note ("could not read the {0} events of the System log: {1}" -f $Filter.ProviderName, $_.Exception.Message)
    }
    foreach ($e in $events) {
        $x = [xml]$e.ToXml()
        $ns = $x.DocumentElement.NamespaceURI
        $rendering = $x.CreateElement('RenderingInfo', $ns)
        $message = $x.CreateElement('Message', $ns)
        $message.InnerText = [string]$e.Message
        $null = $rendering.AppendChild($message)
        $null = $x.DocumentElement.AppendChild($rendering)
        $lines += $x.OuterXml
    }
    return $lines
}

function Add-Events {
    $wu = Get-EventLines @{ LogName = 'System'; ProviderName = 'Microsoft-Windows-WindowsUpdateClient' }
    Add-Text 'wudoctor/events/system-windowsupdateclient.xml' $wu
    $scm = Get-EventLines @{ LogName = 'System'; ProviderName = 'Service Control Manager'; Id = $ScmEventIds }
    Add-Text 'wudoctor/events/system-service-control-manager.xml' $scm
    return $wu
}

# Lines of the bundled CBS logs that match $Pattern (read shared, line by line: they can be large).
function Select-InLogs([object[]]$Logs, [string]$Pattern) {
    $regex = New-Object Text.RegularExpressions.Regex($Pattern)
    $found = @()
    foreach ($log in @($Logs | Where-Object { $_.Entry -like 'Windows/Logs/CBS/*.log' })) {
        try {
            $reader = New-Object IO.StreamReader((Open-Shared $log.Full), $true)
            try {
                while ($null -ne ($line = $reader.ReadLine())) {
                    foreach ($m in $regex.Matches($line)) { $found += $m }
                }
            } finally { $reader.Dispose() }
        } catch {
            Add-Note ("could not search {0}: {1}" -f $log.Entry, $_.Exception.Message)
        }
    }
    return $found
}

function Get-ServiceFacts {
    $states = @{ Running = 'running'; Stopped = 'stopped'; StartPending = 'start-pending'; ContinuePending = 'start-pending';
                 StopPending = 'stop-pending'; Paused = 'paused'; PausePending = 'paused' }
    $out = @()
    foreach ($name in $Services) {
        $svc = Get-Service -Name $name -ErrorAction SilentlyContinue
        if ($null -eq $svc) {
            $out += "  - {name: $name, state: missing, startType: unknown}"
            continue
        }
        $state = $states[$svc.Status.ToString()]
        if (-not $state) { $state = 'unknown' }
        $key = Get-ItemProperty -LiteralPath "HKLM:\SYSTEM\CurrentControlSet\Services\$name" -ErrorAction SilentlyContinue
        $delayed = $null -ne $key -and ($key.PSObject.Properties.Name -contains 'DelayedAutostart') -and $key.DelayedAutostart -eq 1
        switch ($svc.StartType.ToString()) {
            'Automatic' { if ($delayed) { $start = 'automatic-delayed' } else { $start = 'automatic' } }
            'Manual'    { $start = 'manual' }
            'Disabled'  { $start = 'disabled' }
            default     { $start = 'unknown' }
        }
        $out += "  - {name: $name, state: $state, startType: $start}"
    }
    return $out
}

# Services named by a failed driver install in the bundled CBS logs (signature
# cbs-driver-install-result-2-inf): their keys are checked too.
function Get-LoggedDriverServices([object[]]$Logs) {
    $names = @(Select-InLogs $Logs 'INSTALL index: \d+, phase: \d+, result 2, inf: ([^\s\\/.,]+)\.inf' | ForEach-Object { $_.Groups[1].Value })
    return @($names | Sort-Object -Unique)
}

# WinSxS component folders and files named by "Failed to find file:" in the bundled CBS logs
# (signature cbs-winsxs-failed-to-find-file): wudoctor cannot look at them in a bundle.
function Get-LoggedWinSxsPaths([object[]]$Logs) {
    $pattern = 'Failed to find file: ((?:x86|amd64|wow64|msil|arm64|arm)_[A-Za-z0-9.-]+_[0-9a-f]{16}_\d+(?:\.\d+){3}_[A-Za-z-]+_[0-9a-f]{16})\\?([^\s\[\]\\/]+)\s*\[HRESULT = 0x80070002'
    $paths = @()
    foreach ($m in @(Select-InLogs $Logs $pattern)) {
        $paths += 'Windows\WinSxS\' + $m.Groups[1].Value
        $paths += 'Windows\WinSxS\' + $m.Groups[1].Value + '\' + $m.Groups[2].Value
    }
    return @($paths | Sort-Object -Unique)
}

function Get-PathFacts([string[]]$Relative) {
    $out = @()
    foreach ($rel in $Relative) {
        $full = Join-Path $Root $rel
        $line = '  - {path: ' + (Format-Text ($Drive + '\' + $rel)) + ', exists: '
        if (Test-Path -LiteralPath $full -PathType Container) {
            $empty = $null -eq (Get-ChildItem -LiteralPath $full -Force -ErrorAction SilentlyContinue | Select-Object -First 1)
            $out += $line + 'true, empty: ' + (Format-Bool $empty) + '}'
        } elseif (Test-Path -LiteralPath $full) {
            $out += $line + 'true}'
        } else {
            $out += $line + 'false}'
        }
    }
    return $out
}

function Get-TimeFacts {
    $out = @()
    $params = Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Services\W32Time\Parameters' -ErrorAction SilentlyContinue
    if ($null -ne $params -and ($params.PSObject.Properties.Name -contains 'Type')) {
        switch ($params.Type) {
            { $_ -in 'NTP', 'NT5DS', 'AllSync' } { $out += '  automaticTime: true' }
            'NoSync' { $out += '  automaticTime: false' }
        }
    }
    $tz = Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Services\tzautoupdate' -ErrorAction SilentlyContinue
    if ($null -ne $tz -and ($tz.PSObject.Properties.Name -contains 'Start')) {
        if ($tz.Start -eq 3) { $out += '  automaticTimeZone: true' } elseif ($tz.Start -eq 4) { $out += '  automaticTimeZone: false' }
    }
    # w32tm prints translated labels on other languages: then "synced" stays unknown. Windows
    # PowerShell turns a native command's stderr into errors, which must not stop the script.
    $ErrorActionPreference = 'Continue'
    $status = ''
    try { $status = (& w32tm.exe /query /status /verbose 2>$null) -join "`n" } catch { $status = '' }
    if ($LASTEXITCODE -eq 0 -and $status -match '(?m)^Last Sync Error:\s*(\d+)') {
        $errorCode = $Matches[1]
        $source = ''
        if ($status -match '(?m)^Source:\s*(.+?)\s*$') { $source = $Matches[1] }
        $synced = $errorCode -eq '0' -and $source -notmatch 'Local CMOS Clock|Free-running'
        $out += '  synced: ' + (Format-Bool $synced)
        if ($synced -and $status -match '(?m)^Phase Offset:\s*(-?\d+(?:[.,]\d+)?)s') {
            $out += '  offsetSeconds: ' + $Matches[1].Replace(',', '.')
        }
    }
    if ($out.Count -gt 0) { return @('time:') + $out }
    return @()
}

function Get-SystemFacts {
    $out = @()
    $os = Get-CimInstance Win32_OperatingSystem -ErrorAction SilentlyContinue
    $cv = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' -ErrorAction SilentlyContinue
    # The registry's ProductName is the same in every display language (Win32_OperatingSystem's
    # Caption is translated); Windows 11 still says "Windows 10" there (WindowsVersionKey.java).
    $names = @()
    if ($null -ne $cv) { $names = $cv.PSObject.Properties.Name }
    if ($null -ne $os -or $names.Count -gt 0) {
        $out += 'os:'
        if ($names -contains 'ProductName') {
            $edition = [string]$cv.ProductName
            $client = -not ($names -contains 'InstallationType') -or ([string]$cv.InstallationType -like 'Client*')
            if ($client -and ($names -contains 'CurrentBuild') -and ([int]$cv.CurrentBuild -ge 22000) -and $edition.StartsWith('Windows 10')) {
                $edition = 'Windows 11' + $edition.Substring(10)
            }
            $out += '  edition: ' + (Format-Text $edition)
        } elseif ($null -ne $os) {
            $out += '  edition: ' + (Format-Text ($os.Caption -replace '^Microsoft ', '').Trim())
        }
        if ($names -contains 'DisplayVersion') { $out += '  version: ' + (Format-Text $cv.DisplayVersion) }
        elseif ($names -contains 'ReleaseId') { $out += '  version: ' + (Format-Text $cv.ReleaseId) }
        elseif ($names -contains 'CSDVersion') { $out += '  version: ' + (Format-Text $cv.CSDVersion) }
        if ($names -contains 'CurrentBuild') {
            $build = [string]$cv.CurrentBuild
            if ($names -contains 'UBR') { $build += '.' + $cv.UBR }
            $out += '  build: ' + (Format-Text $build)
        }
    }
    $disk = Get-CimInstance Win32_LogicalDisk -Filter "DeviceID='$Drive'" -ErrorAction SilentlyContinue
    if ($null -ne $disk -and $disk.Size -gt 0) {
        $out += 'disk:'
        $out += '  drive: ' + (Format-Text $Drive)
        $out += '  freeBytes: ' + ([uint64]$disk.FreeSpace).ToString($Invariant)
        $out += '  totalBytes: ' + ([uint64]$disk.Size).ToString($Invariant)
    }
    $out += 'system:'
    if ($null -ne $os) {
        $hours = ((Get-Date) - $os.LastBootUpTime).TotalHours
        $out += '  uptimeHours: ' + ([math]::Round($hours, 2)).ToString($Invariant)
    }
    $pending = (Test-Path -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired') -or
               (Test-Path -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending') -or
               (Test-Path -LiteralPath (Join-Path $Root 'Windows\WinSxS\pending.xml'))
    $out += '  pendingRestart: ' + (Format-Bool $pending)
    $months = Get-MonthsWithoutUpdates
    if ($null -ne $months) { $out += '  monthsWithoutUpdates: ' + $months }
    return $out
}

# Whole months since an update last installed successfully, from the Windows Update history
# (numeric result codes, so independent of the display language); null when the history is
# empty, unreadable, or names no successful installation.
function Get-MonthsWithoutUpdates {
    try {
        $searcher = (New-Object -ComObject Microsoft.Update.Session).CreateUpdateSearcher()
        $count = $searcher.GetTotalHistoryCount()
        if ($count -le 0) { return $null }
        $last = $null
        foreach ($h in @($searcher.QueryHistory(0, [Math]::Min($count, 2000)))) {
            # Operation 1 = installation, ResultCode 2 = succeeded
            if ($h.Operation -eq 1 -and $h.ResultCode -eq 2 -and ($null -eq $last -or $h.Date -gt $last)) { $last = $h.Date }
        }
        if ($null -eq $last) { return $null }
        $now = (Get-Date).ToUniversalTime()
        $months = ($now.Year - $last.Year) * 12 + $now.Month - $last.Month
        if ($now.Day -lt $last.Day) { $months -= 1 }
        return [Math]::Max(0, $months)
    } catch {
        Add-Note ("could not read the Windows Update history: {0}" -f $_.Exception.Message)
        return $null
    }
}

# The incident the person named (-KB, -Surface); its code from the newest Event 20 for that KB
# when there is one (else wudoctor assumes 0x80070002, the error this collector is for).
function Get-IncidentFacts([string[]]$WuEvents) {
    if (-not $KB -and -not $Surface) { return @() }
    $where = $Surface
    if (-not $where) { $where = 'windows-update' }
    $out = @('incident:', "  surface: $where")
    if ($KB) {
        $out += "  kb: $KB"
        foreach ($line in $WuEvents) {
            $x = [xml]$line
            if ($x.Event.System.GetElementsByTagName('EventID')[0].InnerText -eq '20' -and $line.Contains($KB)) {
                # GetAttribute and InnerText: PowerShell's XML properties would shadow an attribute called Name
                $code = @($x.Event.EventData.ChildNodes | Where-Object { $_.GetAttribute('Name') -eq 'errorCode' } | ForEach-Object { $_.InnerText })
                if ($code.Count -gt 0 -and $code[0] -match '^0x[0-9A-Fa-f]{8}$') { $out += "  errorCode: '" + $code[0] + "'" }
                break
            }
        }
    }
    return $out
}

function Get-FactsLines([object[]]$Logs, [string[]]$WuEvents) {
    $lines = @(
        "# Written by Collect-WudoctorEvidence.ps1 $CollectorVersion on $env:COMPUTERNAME at $((Get-Date).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", $Invariant)).",
        '# Facts measured on the machine itself; the logs sit beside this file. See docs/bundle.md.',
        'schemaVersion: 1'
    )
    $lines += Get-IncidentFacts $WuEvents
    $lines += Get-SystemFacts
    $lines += Get-TimeFacts
    $lines += 'services:'
    $lines += Get-ServiceFacts
    $lines += 'registry:'
    foreach ($name in @($ServiceKeys + @(Get-LoggedDriverServices $Logs) | Sort-Object -Unique)) {
        $exists = Test-Path -LiteralPath "HKLM:\SYSTEM\CurrentControlSet\Services\$name"
        $lines += '  - {key: ' + (Format-Text "HKLM\SYSTEM\CurrentControlSet\Services\$name") + ', exists: ' + (Format-Bool $exists) + '}'
    }
    $lines += 'paths:'
    $lines += Get-PathFacts ($CheckedPaths + @(Get-LoggedWinSxsPaths $Logs))
    return $lines
}

function Get-CollectorNote {
    $lines = @(
        "collector: Collect-WudoctorEvidence.ps1 $CollectorVersion",
        "computer: $env:COMPUTERNAME",
        "collectedAt: $((Get-Date).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", $Invariant))",
        "elevated: $Elevated",
        "maxSizeMB: $MaxSizeMB",
        'leftOut:'
    ) + @($LeftOut | ForEach-Object { "  - $_" }) + @('notes:') + @($Notes | ForEach-Object { "  - $_" })
    return $lines
}

if (-not $OutFolder) { $OutFolder = [Environment]::GetFolderPath('Desktop') }
$OutFolder = [IO.Path]::GetFullPath($OutFolder)
if (-not (Test-Path -LiteralPath $OutFolder -PathType Container)) {
    throw "$OutFolder is not a folder: name an existing folder with -OutFolder."
}
$OutFile = Join-Path $OutFolder ('wudoctor-bundle-{0}-{1}.zip' -f $env:COMPUTERNAME, (Get-Date -Format 'yyyyMMdd-HHmmss'))
if (Test-Path -LiteralPath $OutFile) {
    throw "$OutFile exists already: run again in a second (this script never overwrites a file)."
}
$logs = @(Find-Logs)
$wanted = [int64]0
foreach ($log in $logs) { $wanted += $log.Size }
$script:Budget = [Math]::Min([int64]$MaxSizeMB * 1MB, $wanted + 16MB)
# The zip is at most about as big as what goes in; keep 100 MiB free for Windows on the target drive.
$free = (New-Object IO.DriveInfo([IO.Path]::GetPathRoot($OutFile))).AvailableFreeSpace
if ($free - 100MB -lt $script:Budget) {
    if ($free -lt 116MB) {
        throw ("Only {0:N0} MiB free on {1}: not enough for a bundle. Name a folder on another drive with -OutFolder." -f ($free / 1MB), [IO.Path]::GetPathRoot($OutFile))
    }
    $script:Budget = $free - 100MB
    Add-Note ("only {0:N0} MiB free on the target drive: the bundle was capped at {1:N0} MiB" -f ($free / 1MB), ($script:Budget / 1MB))
}
Add-Type -AssemblyName System.IO.Compression
$stream = New-Object IO.FileStream($OutFile, [IO.FileMode]::CreateNew, [IO.FileAccess]::Write, [IO.FileShare]::None)
$complete = $false
try {
    $Zip = New-Object IO.Compression.ZipArchive($stream, [IO.Compression.ZipArchiveMode]::Create, $false)
    try {
        Write-Host 'Exporting WindowsUpdateClient and Service Control Manager events...'
        $wuEvents = @(Add-Events)
        Write-Host ('Adding logs (at most {0:N0} MiB)...' -f ($script:Budget / 1MB))
        $added = @(Add-Logs $logs)
        Write-Host 'Measuring services, time, disk, registry keys, folders and update history...'
        Add-Text 'facts.yaml' (Get-FactsLines $added $wuEvents)
        Add-Text 'wudoctor/collector.txt' (Get-CollectorNote)
    } finally {
        $Zip.Dispose()
    }
    $complete = $true
} finally {
    $stream.Dispose()
    if (-not $complete) { Remove-Item -LiteralPath $OutFile -Force -ErrorAction SilentlyContinue }
}
foreach ($item in $LeftOut) { Write-Warning "left out: $item" }
Write-Host "Bundle written: $OutFile"
Write-Host "Diagnose it with:  wudoctor diagnose `"$OutFile`""
