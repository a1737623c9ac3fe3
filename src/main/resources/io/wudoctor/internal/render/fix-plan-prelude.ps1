[CmdletBinding()]
param(
    # Where backups and the log go; a new folder for each run.
    [string]$BackupFolder = (Join-Path $env:USERPROFILE ('wudoctor-backup-' + (Get-Date -Format 'yyyyMMdd-HHmmss')))
)
Set-StrictMode -Version 3
# Not 'Stop': Windows PowerShell 5.1 would turn a native command's stderr into a terminating
# error. Cmdlets that must not fail silently say -ErrorAction Stop themselves.
$ErrorActionPreference = 'Continue'
New-Item -ItemType Directory -Force -Path $BackupFolder -ErrorAction Stop | Out-Null
$LogFile = Join-Path $BackupFolder 'wudoctor-fix.log'
# Each step starts here, where files a step names without a folder (Wimmount.reg) are looked for.
$StartFolder = (Get-Location).Path
Write-Host "wudoctor fix plan. Backups and the log go to $BackupFolder"

function Write-Log([string]$Text) {
    Add-Content -LiteralPath $LogFile -Encoding UTF8 -Value ('{0}  {1}' -f (Get-Date -Format 's'), $Text)
}

function Confirm-Yes([string]$Question) {
    return (Read-Host "$Question [y/N]") -match '^\s*(y|yes)\s*$'
}

function Write-Step([int]$Number, [int]$Of, [string]$Title, [string]$Confidence, [string]$Why) {
    Write-Host ''
    Write-Host "Step $Number of ${Of}: $Title ($Confidence)" -ForegroundColor Cyan
    Write-Host "  Why: $Why"
}

# A part of the step only a person can do: show it and wait.
function Wait-Manual([string]$Text) {
    Write-Host "  By hand: $Text" -ForegroundColor Yellow
    Read-Host '  Press Enter when it is done' | Out-Null
    Write-Log "by hand: $Text"
}

# After each step: if the update works now, stop here.
function Stop-IfFixed([int]$Number) {
    if (Confirm-Yes 'Retry Windows Update now. Does the update work now?') {
        Write-Log "the update works now (after step $Number): plan stopped"
        Write-Host "Stopped: the update works. What was done is in $LogFile."
        exit 0
    }
}

# A failed command stops the step unless the person says to go on.
function Confirm-GoOn([string]$What) {
    Write-Host "  Failed: $What" -ForegroundColor Red
    Write-Log "failed: $What"
    return (Confirm-Yes '  Go on with the rest of this step anyway?')
}

# One catalog command, run by cmd.exe exactly as written (variables such as %systemroot%
# expand as in a Command Prompt), from a batch file so that quotes reach cmd unchanged.
function Invoke-FixCommand([string]$Command) {
    Write-Host "  > $Command"
    $batch = Join-Path $BackupFolder 'wudoctor-command.cmd'
    $oem = [Text.Encoding]::GetEncoding([Globalization.CultureInfo]::CurrentCulture.TextInfo.OEMCodePage)
    [IO.File]::WriteAllText($batch, "@echo off`r`n$Command`r`n", $oem)
    & cmd.exe /d /c $batch
    $code = $LASTEXITCODE
    Write-Log "ran: $Command (exit code $code)"
    if ($code -eq 0) { return $true }
    return (Confirm-GoOn "$Command (exit code $code)")
}

# cd FOLDER: the commands after it in the step run there (cmd.exe starts in PowerShell's location).
function Set-FixLocation([string]$Folder) {
    Write-Host "  > cd $Folder"
    try {
        Set-Location -LiteralPath ([Environment]::ExpandEnvironmentVariables($Folder.Trim('"'))) -ErrorAction Stop
        Write-Log "cd $Folder"
        return $true
    } catch {
        return (Confirm-GoOn "cd ${Folder}: $($_.Exception.Message)")
    }
}

# net stop NAME, waiting until stopped; a service already stopped is fine. -Force also stops
# services that depend on it (net stop would ask), and the log names them.
function Stop-FixService([string]$Name) {
    Write-Host "  > net stop $Name"
    $svc = Get-Service -Name $Name -ErrorAction SilentlyContinue
    if ($null -eq $svc) { Write-Log "net stop ${Name}: no such service, nothing to stop"; return $true }
    if ($svc.Status -eq 'Stopped') { Write-Log "net stop ${Name}: already stopped"; return $true }
    $dependents = @($svc.DependentServices | Where-Object Status -ne 'Stopped' | ForEach-Object Name)
    try {
        Stop-Service -Name $Name -Force -ErrorAction Stop
        $svc.WaitForStatus('Stopped', [TimeSpan]::FromSeconds(60))
        Write-Log ("net stop ${Name}: stopped" + $(if ($dependents) { ' (with ' + ($dependents -join ', ') + ')' } else { '' }))
        return $true
    } catch {
        return (Confirm-GoOn "net stop ${Name}: $($_.Exception.Message)")
    }
}

# net start NAME; a service already running is fine.
function Start-FixService([string]$Name) {
    Write-Host "  > net start $Name"
    $svc = Get-Service -Name $Name -ErrorAction SilentlyContinue
    if ($null -eq $svc) { return (Confirm-GoOn "net start ${Name}: no such service") }
    if ($svc.Status -eq 'Running') { Write-Log "net start ${Name}: already running"; return $true }
    try {
        Start-Service -Name $Name -ErrorAction Stop
        Write-Log "net start ${Name}: started"
        return $true
    } catch {
        return (Confirm-GoOn "net start ${Name}: $($_.Exception.Message)")
    }
}

function Get-BackupName([string]$Text) {
    return ($Text -replace '[\\/:*?"<>| %]+', '_').Trim('_')
}

# Before reg delete: the key as a .reg file, to reg import if needed.
function Backup-RegistryKey([string]$Key) {
    $target = Join-Path $BackupFolder ((Get-BackupName $Key) + '.reg')
    & reg.exe export $Key $target /y 2>$null | Out-Null
    if ($LASTEXITCODE -eq 0) { Write-Log "backup: $Key -> $target" }
    else { Write-Log "backup: $Key not exported (reg export exit code $LASTEXITCODE: the key may not exist)" }
}

# Before reg import FILE: every key FILE would write, as it is now.
function Backup-RegistryFileKeys([string]$RegFile) {
    if (-not (Test-Path -LiteralPath $RegFile)) { Write-Log "backup: $RegFile not found; nothing to back up"; return }
    foreach ($m in Select-String -LiteralPath $RegFile -Pattern '^\[(HKEY_[^\]]+)\]') {
        Backup-RegistryKey $m.Matches[0].Groups[1].Value
    }
}

# Before del or copy over: the files, copied into the backup folder.
function Backup-Files([string]$Path) {
    $expanded = [Environment]::ExpandEnvironmentVariables($Path)
    $items = @(Get-ChildItem -Path $expanded -Force -ErrorAction SilentlyContinue)
    if ($items.Count -eq 0) { Write-Log "backup: nothing at $expanded"; return }
    $dest = Join-Path $BackupFolder ('files-' + (Get-BackupName $expanded))
    New-Item -ItemType Directory -Force -Path $dest | Out-Null
    $items | Copy-Item -Destination $dest -Recurse -Force
    Write-Log "backup: $expanded -> $dest"
}

# Before ren PATH NEWNAME: an earlier NEWNAME (from an earlier reset) is renamed aside, not
# deleted, because ren refuses an existing name.
function Move-AsideRenameTarget([string]$Path, [string]$NewName) {
    $expanded = [Environment]::ExpandEnvironmentVariables($Path)
    $target = Join-Path (Split-Path -Parent $expanded) $NewName
    if (Test-Path -LiteralPath $target) {
        $aside = $NewName + '-' + (Get-Date -Format 'yyyyMMdd-HHmmss')
        Rename-Item -LiteralPath $target -NewName $aside -ErrorAction Stop
        Write-Log "kept the earlier $target as $aside"
    }
}

# Before sc.exe sdset: the service's security descriptor (restore: sc.exe sdset NAME TEXT).
function Backup-ServiceSecurity([string]$Name) {
    $target = Join-Path $BackupFolder ($Name + '.sddl.txt')
    (& sc.exe sdshow $Name) -join '' | Set-Content -LiteralPath $target -Encoding UTF8
    Write-Log "backup: security descriptor of $Name -> $target"
}

# Before takeown or icacls: the ACL (restore: icacls PARENT /restore FILE).
function Backup-Acl([string]$Path) {
    $target = Join-Path $BackupFolder ('acl-' + (Get-BackupName $Path) + '.txt')
    & icacls.exe $Path /save $target 2>$null | Out-Null
    Write-Log "backup: ACL of $Path -> $target (exit code $LASTEXITCODE)"
}
