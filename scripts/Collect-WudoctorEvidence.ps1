<#
.SYNOPSIS
    Collects what wudoctor needs to diagnose Windows Update error 0x80070002 into a bundle .zip.

.DESCRIPTION
    For Windows PowerShell 5.1 on the broken machine; it needs no Java and installs nothing.
    It only reads the machine: it copies the update and setup logs (keeping their place on the
    system drive), exports the WindowsUpdateClient events of the System log, measures services,
    time, disk space, registry keys and folders into facts.yaml, and zips it all as a bundle
    (docs/bundle.md). Diagnose the bundle anywhere with:  wudoctor diagnose BUNDLE.zip

    Run it elevated (as administrator): without that, some logs and service states cannot be read,
    and the bundle says which.

.PARAMETER OutFile
    Where to write the bundle. Default: wudoctor-bundle-COMPUTER-DATE.zip on the desktop.

.PARAMETER MaxEvents
    How many of the newest WindowsUpdateClient events to export (default 200).

.PARAMETER DecodeWindowsUpdateLog
    On Windows 10 and later, also decode the Windows Update ETW traces with Get-WindowsUpdateLog
    into Windows\WindowsUpdate.log (takes a minute or more).

.EXAMPLE
    powershell -NoProfile -ExecutionPolicy Bypass -File .\Collect-WudoctorEvidence.ps1 -OutFile C:\Temp\bundle.zip
#>
[CmdletBinding()]
param(
    [string]$OutFile = (Join-Path ([Environment]::GetFolderPath('Desktop')) ('wudoctor-bundle-{0}-{1}.zip' -f $env:COMPUTERNAME, (Get-Date -Format 'yyyyMMdd-HHmmss'))),
    [ValidateRange(1, 100000)]
    [int]$MaxEvents = 200,
    [switch]$DecodeWindowsUpdateLog
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$CollectorVersion = '1.0'
$Drive = $env:SystemDrive                     # C:
$Root = $Drive + '\'
$Invariant = [Globalization.CultureInfo]::InvariantCulture
$Utf8 = New-Object System.Text.UTF8Encoding $false
$Notes = New-Object System.Collections.Generic.List[string]

# The same places as wudoctor's offline-root reader (LogPlaces.java): folder, file filter.
$LogPlaces = @(
    @('Windows\Logs\CBS', 'CBS.log'),
    @('Windows\Logs\CBS', 'CbsPersist_*.log'),
    @('Windows', 'WindowsUpdate.log'),
    @('Windows\SoftwareDistribution', 'ReportingEvents.log'),
    @('$WINDOWS.~BT\Sources\Panther', 'setupact.log'),
    @('$WINDOWS.~BT\Sources\Panther', 'setuperr.log'),
    @('$Windows.~WS\Sources\Panther', 'setupact.log'),
    @('$Windows.~WS\Sources\Panther', 'setuperr.log'),
    @('Windows\Panther', 'setupact.log'),
    @('Windows\Panther', 'setuperr.log'),
    @('Windows\Logs\DISM', 'dism.log')
)

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

# Copies a file that Windows may hold open (CBS.log is written while TrustedInstaller runs).
function Copy-SharedFile([string]$From, [string]$To) {
    $null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $To)
    $in = [IO.File]::Open($From, [IO.FileMode]::Open, [IO.FileAccess]::Read, [IO.FileShare]'ReadWrite, Delete')
    try {
        $out = [IO.File]::Create($To)
        try { $in.CopyTo($out) } finally { $out.Dispose() }
    } finally {
        $in.Dispose()
    }
}

function Copy-Logs([string]$Staging) {
    foreach ($place in $LogPlaces) {
        $folder = Join-Path $Root $place[0]
        if (-not (Test-Path -LiteralPath $folder -PathType Container)) { continue }
        foreach ($file in @(Get-ChildItem -LiteralPath $folder -Filter $place[1] -File -Force -ErrorAction SilentlyContinue)) {
            $relative = $file.FullName.Substring($Root.Length)
            try {
                Copy-SharedFile $file.FullName (Join-Path $Staging $relative)
            } catch {
                Add-Note ("could not copy {0}: {1}" -f $relative, $_.Exception.Message)
            }
        }
    }
    if ($DecodeWindowsUpdateLog -and (Get-Command Get-WindowsUpdateLog -ErrorAction SilentlyContinue)) {
        try {
            $null = Get-WindowsUpdateLog -LogPath (Join-Path $Staging 'Windows\WindowsUpdate.log') -ErrorAction Stop
        } catch {
            Add-Note ("could not decode the Windows Update traces: {0}" -f $_.Exception.Message)
        }
    }
}

# Event XML as Get-WinEvent's ToXml() writes it, plus the rendered message where
# wevtutil /f:RenderedXml puts it; one event per line (the same as wudoctor's live collector).
function Export-Events([string]$Staging) {
    $lines = New-Object System.Collections.Generic.List[string]
    $filter = @{ LogName = 'System'; ProviderName = 'Microsoft-Windows-WindowsUpdateClient' }
    $events = @()
    try {
        $events = @(Get-WinEvent -FilterHashtable $filter -MaxEvents $MaxEvents -ErrorAction SilentlyContinue)
    } catch {
        Add-Note ("could not read the System event log: {0}" -f $_.Exception.Message)
    }
    foreach ($e in $events) {
        $x = [xml]$e.ToXml()
        $ns = $x.DocumentElement.NamespaceURI
        $rendering = $x.CreateElement('RenderingInfo', $ns)
        $message = $x.CreateElement('Message', $ns)
        $message.InnerText = [string]$e.Message
        $null = $rendering.AppendChild($message)
        $null = $x.DocumentElement.AppendChild($rendering)
        $lines.Add($x.OuterXml)
    }
    $file = Join-Path $Staging 'wudoctor\events\system-windowsupdateclient.xml'
    $null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $file)
    [IO.File]::WriteAllLines($file, [string[]]$lines.ToArray(), $Utf8)
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

# Services named by a failed driver install in the copied CBS logs (signature
# cbs-driver-install-result-2-inf): their keys are checked too.
function Get-LoggedDriverServices([string]$Staging) {
    $names = @()
    $cbs = Join-Path $Staging 'Windows\Logs\CBS'
    if (Test-Path -LiteralPath $cbs) {
        $hits = Get-ChildItem -LiteralPath $cbs -File | Select-String -Pattern 'INSTALL index: \d+, phase: \d+, result 2, inf: ([^\s\\/.,]+)\.inf' -AllMatches
        foreach ($hit in @($hits)) {
            foreach ($m in $hit.Matches) { $names += $m.Groups[1].Value }
        }
    }
    return @($names | Sort-Object -Unique)
}

# WinSxS component folders and files named by "Failed to find file:" in the copied CBS logs
# (signature cbs-winsxs-failed-to-find-file): wudoctor cannot look at them in a bundle.
function Get-LoggedWinSxsPaths([string]$Staging) {
    $paths = @()
    $cbs = Join-Path $Staging 'Windows\Logs\CBS'
    if (Test-Path -LiteralPath $cbs) {
        $pattern = 'Failed to find file: ((?:x86|amd64|wow64|msil|arm64|arm)_[A-Za-z0-9.-]+_[0-9a-f]{16}_\d+(?:\.\d+){3}_[A-Za-z-]+_[0-9a-f]{16})([^\s\[\]\\/]+)\s*\[HRESULT = 0x80070002'
        $hits = Get-ChildItem -LiteralPath $cbs -File | Select-String -Pattern $pattern -CaseSensitive -AllMatches
        foreach ($hit in @($hits)) {
            foreach ($m in $hit.Matches) {
                $paths += 'Windows\WinSxS\' + $m.Groups[1].Value
                $paths += 'Windows\WinSxS\' + $m.Groups[1].Value + '\' + $m.Groups[2].Value
            }
        }
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
    if ($null -ne $os) {
        $out += 'os:'
        $out += '  edition: ' + (Format-Text ($os.Caption -replace '^Microsoft ', '').Trim())
        $names = @()
        if ($null -ne $cv) { $names = $cv.PSObject.Properties.Name }
        if ($names -contains 'DisplayVersion') { $out += '  version: ' + (Format-Text $cv.DisplayVersion) }
        elseif ($names -contains 'ReleaseId') { $out += '  version: ' + (Format-Text $cv.ReleaseId) }
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
               (Test-Path -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending')
    $out += '  pendingRestart: ' + (Format-Bool $pending)
    return $out
}

function Write-Facts([string]$Staging) {
    $lines = @(
        "# Written by Collect-WudoctorEvidence.ps1 $CollectorVersion on $env:COMPUTERNAME at $((Get-Date).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", $Invariant)).",
        '# Facts measured on the machine itself; the logs sit beside this file. See docs/bundle.md.',
        'schemaVersion: 1'
    )
    $lines += Get-SystemFacts
    $lines += Get-TimeFacts
    $lines += 'services:'
    $lines += Get-ServiceFacts
    $lines += 'registry:'
    foreach ($name in @($ServiceKeys + @(Get-LoggedDriverServices $Staging) | Sort-Object -Unique)) {
        $exists = Test-Path -LiteralPath "HKLM:\SYSTEM\CurrentControlSet\Services\$name"
        $lines += '  - {key: ' + (Format-Text "HKLM\SYSTEM\CurrentControlSet\Services\$name") + ', exists: ' + (Format-Bool $exists) + '}'
    }
    $lines += 'paths:'
    $lines += Get-PathFacts ($CheckedPaths + @(Get-LoggedWinSxsPaths $Staging))
    [IO.File]::WriteAllLines((Join-Path $Staging 'facts.yaml'), [string[]]$lines, $Utf8)
}

function Write-CollectorNote([string]$Staging) {
    $identity = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
    $elevated = $identity.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
    $lines = @(
        "collector: Collect-WudoctorEvidence.ps1 $CollectorVersion",
        "computer: $env:COMPUTERNAME",
        "collectedAt: $((Get-Date).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", $Invariant))",
        "elevated: $elevated",
        'notes:'
    ) + @($Notes | ForEach-Object { "  - $_" })
    if (-not $elevated) { Write-Warning 'Not elevated: some logs and states may be missing. Run as administrator for a complete bundle.' }
    [IO.File]::WriteAllLines((Join-Path $Staging 'wudoctor\collector.txt'), [string[]]$lines, $Utf8)
}

$OutFile = [IO.Path]::GetFullPath($OutFile)
if (Test-Path -LiteralPath $OutFile) {
    throw "$OutFile exists already: choose another -OutFile (this script never overwrites a file)."
}
$staging = Join-Path ([IO.Path]::GetTempPath()) ('wudoctor-' + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $staging
try {
    Write-Host 'Copying logs...'
    Copy-Logs $staging
    Write-Host 'Exporting WindowsUpdateClient events...'
    Export-Events $staging
    Write-Host 'Measuring services, time, disk, registry keys and folders...'
    Write-Facts $staging
    Write-CollectorNote $staging
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    [IO.Compression.ZipFile]::CreateFromDirectory($staging, $OutFile, [IO.Compression.CompressionLevel]::Optimal, $false)
    Write-Host "Bundle written: $OutFile"
    Write-Host "Diagnose it with:  wudoctor diagnose `"$OutFile`""
} finally {
    Remove-Item -LiteralPath $staging -Recurse -Force -ErrorAction SilentlyContinue
}
