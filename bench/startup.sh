#!/usr/bin/env bash
# Start-up benchmark for `wudoctor diagnose` (docs/performance.md). Prints the median wall time
# of N runs per configuration, and each as a ratio to a bare JVM start measured in the same run.
# Usage: bench/startup.sh [RUNS] [FACTS]      (default 9 runs, the Symptom 1 sample)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
facts=${2:-facts-samples/ms-s1-clr-optimization.yaml}
./wudoctor --version >/dev/null            # builds the jar if needed; records the CDS archive in the background
while compgen -G "target/wudoctor-*.jsa.lock" >/dev/null; do sleep 0.2; done
jar=target/wudoctor-0.1.0.jar
jsa="$(ls target/wudoctor-0.1.0-*.jsa | head -n 1)"
fast=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_ms() { # command... -> wall milliseconds of one run
  local s e
  s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}
measure() { # label, command...
  local label=$1; shift
  local m
  m=$(for _ in $(seq "$runs"); do time_ms "$@"; done | median)
  printf '%-58s %6s ms  %5.2fx\n' "$label" "$m" "$(echo "$m / $base" | bc -l)"
}

cat > "$cache/Hello.java" <<'J'
public class Hello { public static void main(String[] a) { System.out.println("hi"); } }
J
javac -d "$cache" "$cache/Hello.java"
base=$(for _ in $(seq "$runs"); do time_ms java "${fast[@]}" -cp "$cache" Hello; done | median)
echo "runs per line: $runs; facts: $facts; $(nproc) cores; $(java -version 2>&1 | head -1)"
printf '%-58s %6s ms  %5.2fx\n' "baseline: bare JVM start (Hello world)" "$base" 1

rulesdir="$cache/rules-cache"
# Since the built-in rules ship precompiled, an empty cache no longer means compiling them.
measure "cold: empty cache, built-in rules precompiled in the jar" \
  env WUDOCTOR_CACHE_DIR="$cache/none" bash -c 'rm -rf "$0"; java -jar "$1" diagnose "$2"' "$cache/none" "$jar" "$facts"
WUDOCTOR_CACHE_DIR="$rulesdir" java -jar "$jar" diagnose "$facts" >/dev/null
measure "warm cache, default JVM flags" env WUDOCTOR_CACHE_DIR="$rulesdir" java -jar "$jar" diagnose "$facts"
measure "warm cache, C1 only + SerialGC" env WUDOCTOR_CACHE_DIR="$rulesdir" java "${fast[@]}" -jar "$jar" diagnose "$facts"
measure "warm cache, C1 + SerialGC + AppCDS (what ./wudoctor runs)" env WUDOCTOR_CACHE_DIR="$rulesdir" \
  java "${fast[@]}" -XX:SharedArchiveFile="$jsa" -jar "$jar" diagnose "$facts"
echo
echo "rules to KieBase inside one fresh JVM (bench/CompileModes.java), median ms:"
cp="$jar:target/lib/*"
java -cp "$cp" bench/CompileModes.java cached "$rulesdir" >/dev/null
for mode in mvel exec cached; do
  m=$(for _ in $(seq "$runs"); do java -cp "$cp" bench/CompileModes.java "$mode" "$rulesdir" 2>/dev/null; done | median)
  printf '  %-8s %6s ms\n' "$mode" "$m"
done
echo
echo "phase split of one warm ./wudoctor run (--verbose):"
./wudoctor diagnose "$facts" --verbose 2>&1 >/dev/null | sed 's/^/  /'
