@echo off
rem wudoctor launcher for Windows: builds the jar on first use, then runs it. Needs Java 17+ (and Maven to build).
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%target\wudoctor-0.1.0.jar"
if not exist "%JAR%" (
  echo wudoctor: building on first use... 1>&2
  pushd "%HERE%" && call mvn -B -q -DskipTests package 1>&2 && popd
)
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC %WUDOCTOR_JAVA_OPTS% -jar "%JAR%" %*
