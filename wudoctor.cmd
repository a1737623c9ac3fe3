@echo off
rem wudoctor launcher for Windows: builds the jar on first use, then runs it. Needs Java 17+
rem (and Maven to build). After changing sources or rules, rebuild with: mvn -B -DskipTests package
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%target\wudoctor-0.1.0.jar"
if not exist "%JAR%" (
  echo wudoctor: building on first use... 1>&2
  pushd "%HERE%"
  call mvn -B -q -DskipTests clean package 1>&2
  popd
)
if not exist "%JAR%" (
  echo wudoctor: the build failed; see the messages above 1>&2
  exit /b 1
)
java -XX:+UseSerialGC %WUDOCTOR_JAVA_OPTS% -jar "%JAR%" %*
