#!/usr/bin/env bash
# Log-scanning benchmark (docs/performance.md, "Log scanning"): generates a deterministic
# CBS.log-like file of SIZE_MB into an offline root under /tmp, then times, in the same run,
#   - wudoctor collect --root ROOT (every built-in CBS signature; heap capped at 64 MB to show
#     that memory stays bounded), with the JVM's default JIT and through the ./wudoctor launcher;
#   - LC_ALL=C grep -E -c -f patterns.txt on the same file, with the same expressions
#     converted to POSIX ERE by bench/GrepPatterns.java.
# Prints the median of RUNS runs of each, in MB/s, and each as a ratio to grep.
# Usage: bench/scan-benchmark.sh [SIZE_MB] [RUNS]      (default 1024 MB, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-1024}
runs=${2:-3}
work=${WUDOCTOR_BENCH_DIR:-${TMPDIR:-/tmp}/wudoctor-bench}
log="$work/root/Windows/Logs/CBS/CBS.log"
jar=target/wudoctor-0.1.0.jar

./wudoctor --version >/dev/null            # builds the jar (and the launcher's CDS archive) if needed
mkdir -p "$(dirname "$log")"
if [[ ! -f "$log" || "$(cat "$work/size" 2>/dev/null)" != "$size_mb" ]]; then
  echo "generating $size_mb MB into $log ..."
  java bench/GenerateCbsLog.java "$log" "$size_mb"
  echo "$size_mb" > "$work/size"
fi
java bench/GrepPatterns.java rules/*.signatures.yaml cbs > "$work/patterns.txt"   # every CBS signature, as wudoctor scans
bytes=$(stat -c %s "$log")
cat "$log" > /dev/null                     # the same warm page cache for every contender

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_ms() { # command... -> wall milliseconds of one run
  local s e
  # Not >/dev/null: GNU grep notices it and stops at the first match, as -q would.
  s=$(date +%s%N); "$@" >"$work/out.txt" 2>&1; e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}

declare -A times
contenders=(grep wudoctor-java wudoctor-launcher)
run() {
  case $1 in
    grep) LC_ALL=C grep -E -c -f "$work/patterns.txt" "$log" ;;
    wudoctor-java) java -Xmx64m -jar "$jar" collect --root "$work/root" -o "$work/facts.yaml" ;;
    wudoctor-launcher) WUDOCTOR_JAVA_OPTS=-Xmx64m ./wudoctor collect --root "$work/root" -o "$work/facts.yaml" ;;
  esac
}
for i in $(seq "$runs"); do                # interleaved, so that a busy moment hurts all alike
  for c in "${contenders[@]}"; do
    times[$c]+="$(time_ms run "$c") "
  done
done

grep_lines=$(run grep)
run wudoctor-java
wudoctor_hits=$(awk '/^  count:/ {print $2}' "$work/facts.yaml" | paste -sd' ')
printf 'file: %s MB (%d bytes), %s CPU(s): %s\n' "$((bytes / 1048576))" "$bytes" "$(nproc)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
printf 'grep -E: %s matching line(s); wudoctor: per-signature counts (first and last hit each) %s\n' "$grep_lines" "$wudoctor_hits"
grep_ms=$(echo "${times[grep]}" | tr ' ' '\n' | grep . | median)
printf '%-20s %10s %10s %14s\n' contender "median ms" "MB/s" "MB/s vs grep"
for c in "${contenders[@]}"; do
  m=$(echo "${times[$c]}" | tr ' ' '\n' | grep . | median)
  printf '%-20s %10s %10.0f %13.2fx\n' "$c" "$m" "$(echo "$bytes / 1048576 / ($m / 1000)" | bc -l)" \
    "$(echo "$grep_ms / $m" | bc -l)"
done
echo "runs (ms): $(for c in "${contenders[@]}"; do printf '%s: %s; ' "$c" "${times[$c]}"; done)"
