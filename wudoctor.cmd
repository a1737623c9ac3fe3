@echo off
rem wudoctor launcher for Windows (cmd.exe; PowerShell finds it on PATH too). Two layouts, as
rem for the sh launcher: an unpacked release (this file in bin\, the jars in lib\), or a source
rem checkout (this file next to pom.xml: builds target\ first when sources, rules or the pom
rem changed, with Maven). Needs a Java 17+ runtime: the release's own runtime\ when it has one,
rem else %JAVA_HOME%\bin\java.exe, else java on PATH.
rem Keep the JVM flags in step with the sh launcher (wudoctor). This file must keep CRLF line
rem ends (.gitattributes): cmd.exe misreads labels in a file with LF ends.
setlocal EnableExtensions DisableDelayedExpansion
set "VERSION=0.1.0"
set "HERE=%~dp0"
if "%~1"=="__wudoctor_record_cds" goto :record_cds

rem --- Java 17+ -----------------------------------------------------------------------------
rem A release with its own runtime (runtime\ next to bin\) uses it before any other Java.
set "JAVA="
if not exist "%HERE%pom.xml" if exist "%HERE%..\runtime\bin\java.exe" for %%r in ("%HERE%..\runtime\bin\java.exe") do set "JAVA=%%~fr"
if not defined JAVA if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined JAVA for %%j in (java.exe) do set "JAVA=%%~$PATH:j"
if not defined JAVA (
  echo wudoctor: needs Java 17 or later, and found none: install a Java 17+ runtime and put it on PATH or set JAVA_HOME 1>&2
  exit /b 1
)
rem The runtime's release file names its version without starting a JVM; a PATH shim (Oracle's
rem javapath) has none, so ask java itself then.
set "JVER="
for %%j in ("%JAVA%") do set "JHOME=%%~dpj.."
if exist "%JHOME%\release" for /f "tokens=1,* delims==" %%a in ('findstr /b /c:"JAVA_VERSION=" "%JHOME%\release"') do set "JVER=%%~b"
set "JVFILE=%TEMP%\wudoctor-java-version-%RANDOM%%RANDOM%.txt"
if not defined JVER (
  "%JAVA%" -version 2>"%JVFILE%"
  for /f "tokens=3" %%v in ('findstr /i /c:" version " "%JVFILE%"') do if not defined JVER set "JVER=%%~v"
  del "%JVFILE%" >nul 2>&1
)
set "JMAJOR="
for /f "tokens=1,2 delims=.-_+" %%a in ("%JVER%") do (
  set "JMAJOR=%%a"
  if "%%a"=="1" set "JMAJOR=%%b"
)
set /a "JMAJORN=JMAJOR" 2>nul
if not defined JMAJOR set "JMAJORN=0"
if %JMAJORN% LSS 17 (
  echo wudoctor: needs Java 17 or later; "%JAVA%" is version %JVER%: install Java 17+ and put it first on PATH or set JAVA_HOME 1>&2
  exit /b 1
)

rem --- which layout -----------------------------------------------------------------------------
if exist "%HERE%pom.xml" if exist "%HERE%src\main\" goto :checkout
for %%h in ("%HERE%..") do set "HOMEDIR=%%~fh"
set "JAR="
for %%f in ("%HOMEDIR%\lib\wudoctor-*.jar") do set "JAR=%%~ff"
if not defined JAR (
  echo wudoctor: cannot find the wudoctor jar in "%HOMEDIR%\lib" 1>&2
  exit /b 1
)
set "LAUNCH=-cp "%HOMEDIR%\lib\*" io.wudoctor.cli.Main"
if defined LOCALAPPDATA (set "CDSDIR=%LOCALAPPDATA%\wudoctor\cds") else set "CDSDIR=%TEMP%\wudoctor\cds"
if defined WUDOCTOR_CACHE_DIR set "CDSDIR=%WUDOCTOR_CACHE_DIR%\cds"
goto :flags

:checkout
set "HOMEDIR=%HERE:~0,-1%"
set "JAR=%HERE%target\wudoctor-%VERSION%.jar"
set "LAUNCH=-jar "%JAR%""
set "CDSDIR=%HERE%target"
set "STAMP=%HERE%target\wudoctor-sources-stamp"
call :needs_build
if not defined BUILD goto :flags
rem One build at a time: concurrent first runs wait for it instead of breaking target\.
if not exist "%HERE%target" mkdir "%HERE%target"
set /a "WAITED=0"
:lock
2>nul mkdir "%HERE%target\.wudoctor-build.lock" && goto :locked
if %WAITED% GEQ 300 (
  echo wudoctor: another build has held "%HERE%target\.wudoctor-build.lock" for 5 minutes; if none is running, delete that folder 1>&2
  exit /b 1
)
set /a "WAITED+=1"
ping -n 2 127.0.0.1 >nul
goto :lock
:locked
call :needs_build
if defined BUILD call :build
set "BUILDRC=%ERRORLEVEL%"
rmdir "%HERE%target\.wudoctor-build.lock" 2>nul
if not "%BUILDRC%"=="0" exit /b 1
goto :flags

rem Sets BUILD when the jar is missing or a file under src\main, rules or the pom is newer than
rem the copy the last build kept in target\wudoctor-sources-stamp (xcopy /D lists exactly those,
rem each with its drive letter: the count of lines with a colon).
rem BUILD=rules when only rules changed: then the rules are rebuilt, not the whole project.
:needs_build
set "BUILD="
if not exist "%JAR%" (set "BUILD=all" & exit /b 0)
for /f %%n in ('xcopy /L /D /Y /I "%HERE%pom.xml*" "%STAMP%" 2^>nul ^| find /c ":"') do if not "%%n"=="0" set "BUILD=all"
for /f %%n in ('xcopy /L /D /S /Y /I "%HERE%src\main" "%STAMP%\src\main" 2^>nul ^| find /c ":"') do if not "%%n"=="0" set "BUILD=all"
if defined BUILD exit /b 0
for /f %%n in ('xcopy /L /D /S /Y /I "%HERE%rules" "%STAMP%\rules" 2^>nul ^| find /c ":"') do if not "%%n"=="0" set "BUILD=rules"
exit /b 0

:build
echo wudoctor: building (first use or sources changed)... 1>&2
set "GOALS=clean package"
if "%BUILD%"=="rules" (
  rem A rule file deleted from rules\ must not linger in target\classes: that copy is made afresh.
  if exist "%HERE%target\classes\wudoctor\rules" rmdir /s /q "%HERE%target\classes\wudoctor\rules"
  set "GOALS=package"
)
pushd "%HERE%"
call mvn -B -q -Dmaven.test.skip=true %GOALS% 1>&2
popd
if not exist "%JAR%" (
  echo wudoctor: the build failed; see the messages above 1>&2
  exit /b 1
)
if exist "%STAMP%" rmdir /s /q "%STAMP%"
xcopy /Q /Y /I "%HERE%pom.xml*" "%STAMP%" >nul
xcopy /Q /S /Y /I "%HERE%src\main" "%STAMP%\src\main" >nul
xcopy /Q /S /Y /I "%HERE%rules" "%STAMP%\rules" >nul
exit /b 0

rem --- JVM flags ------------------------------------------------------------------------------
rem A diagnosis from a facts file is short-lived: it gains nothing from the optimising JIT or a
rem parallel collector. Scanning logs (a folder, a zip, collect, live) is long enough for C2 to
rem pay off. Only SOURCE decides: a --rules DIR is no scan. Measurements: docs/performance.md.
:flags
set "COMMAND=" & set "SOURCE=" & set "SKIP="
:args
if "%~1"=="" goto :args_done
set "ARG=%~1"
shift
if defined SKIP (set "SKIP=" & goto :args)
for %%o in (--rules --format -o --output --root --max-firings) do if /i "%ARG%"=="%%o" set "SKIP=1"
if "%ARG%"=="-" goto :positional
if "%ARG:~0,1%"=="-" goto :args
:positional
if not defined COMMAND (set "COMMAND=%ARG%" & goto :args)
if not defined SOURCE set "SOURCE=%ARG%"
goto :args
:args_done
set "SCANS="
if /i "%COMMAND%"=="collect" set "SCANS=1"
if /i "%COMMAND%"=="batch" set "SCANS=1"
if /i "%COMMAND%"=="diagnose" (
  if not defined SOURCE set "SCANS=1"
  if defined SOURCE if exist "%SOURCE%\*" set "SCANS=1"
  if defined SOURCE if /i "%SOURCE:~-4%"==".zip" set "SCANS=1"
)
set "OPTS=-XX:+UseSerialGC -Xshare:auto -XX:-UsePerfData"
if not defined SCANS set "OPTS=%OPTS% -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"

rem --- class-data archive -----------------------------------------------------------------------
rem An AppCDS archive of the classes a diagnosis loads saves about a third of the start-up. It
rem describes one jar and one JVM, so its name carries both; it is recorded in the background
rem after a run that found none, so that no run waits for it.
for %%f in ("%JAR%") do set "JARID=%JMAJOR%-%JVER%-%%~zf-%%~tf"
set "JARID=%JARID: =_%"
set "JARID=%JARID::=%"
set "JARID=%JARID:/=%"
set "JARID=%JARID:\=%"
set "JSA=%CDSDIR%\wudoctor-%VERSION%-%JARID%.jsa"
if exist "%JSA%" (
  "%JAVA%" %OPTS% -XX:SharedArchiveFile="%JSA%" %WUDOCTOR_JAVA_OPTS% %LAUNCH% %*
  exit /b
)
"%JAVA%" %OPTS% %WUDOCTOR_JAVA_OPTS% %LAUNCH% %*
set "RC=%ERRORLEVEL%"
if "%WUDOCTOR_NO_CDS%"=="1" exit /b %RC%
if not exist "%CDSDIR%" mkdir "%CDSDIR%" 2>nul
2>nul mkdir "%JSA%.lock" && start "" /b /low cmd /d /c call "%~f0" __wudoctor_record_cds
exit /b %RC%

:record_cds
rem Runs detached (start /b /low) with the environment of the run that started it.
del /q "%CDSDIR%\wudoctor-*.jsa" >nul 2>&1
rem One diagnosis in each output format (Main.ARCHIVE_TRAINING), so that JSON and HTML runs find their classes too.
"%JAVA%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="%JSA%.tmp" "-Dwudoctor.archiveTraining=%HOMEDIR%\facts-samples\ms-s1-clr-optimization.yaml" %LAUNCH% >nul 2>&1 && move /y "%JSA%.tmp" "%JSA%" >nul 2>&1
del /q "%JSA%.tmp" >nul 2>&1
rmdir "%JSA%.lock" >nul 2>&1
exit /b 0
