#!/usr/bin/env bash
# Log-scanning benchmark (docs/performance.md, "Log scanning"): generates a deterministic
# CBS.log-like file of SIZE_MB into an offline root under /tmp, then times, in the same run,
#   - wudoctor collect --root ROOT (every built-in CBS signature; heap capped at 64 MB to show
#     that memory stays bounded), with the JVM's default JIT and through the ./wudoctor launcher;
#   - LC_ALL=C grep -E -c -f patterns.txt on the same file, with the same expressions
#     converted to POSIX ERE by bench/GrepPatterns.java;
#   - rg -c -f patterns-rust.txt (ripgrep, when installed), the same expressions in Rust's syntax;
#   - with WUDOCTOR_BENCH_BEFORE=DIR, also java -jar DIR/wudoctor-0.1.0.jar collect (another
#     build, e.g. the commit before a change: DIR holds its jar and lib/), for before/after
#     figures of one run.
# Prints the median of RUNS runs of each, in MB/s, and each as a ratio to grep and to ripgrep.
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
java bench/GrepPatterns.java --rust rules/*.signatures.yaml cbs > "$work/patterns-rust.txt"
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
contenders=(grep)
if command -v rg >/dev/null; then contenders+=(rg); fi
contenders+=(wudoctor-java wudoctor-launcher)
if [[ -n "${WUDOCTOR_BENCH_BEFORE:-}" ]]; then contenders+=(before-java); fi
run() {
  case $1 in
    grep) LC_ALL=C grep -E -c -f "$work/patterns.txt" "$log" ;;
    rg) rg -c -f "$work/patterns-rust.txt" "$log" ;;
    before-java) java -Xmx64m -jar "$WUDOCTOR_BENCH_BEFORE/wudoctor-0.1.0.jar" collect --root "$work/root" -o "$work/facts-before.yaml" ;;
    wudoctor-java) java -Xmx64m -jar "$jar" collect --root "$work/root" -o "$work/facts.yaml" ;;
    wudoctor-launcher) WUDOCTOR_JAVA_OPTS=-Xmx64m ./wudoctor collect --root "$work/root" -o "$work/facts.yaml" ;;
  esac
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for i in $(seq "$runs"); do                # interleaved, so that a busy moment hurts all alike
  for c in "${contenders[@]}"; do
    times[$c]+="$(time_ms run "$c") "
  done
done

grep_lines=$(run grep)
run wudoctor-java
wudoctor_hits=$(awk '/^  count:/ {print $2}' "$work/facts.yaml" | paste -sd' ')
printf 'file: %s MB (%d bytes), %s CPU(s): %s; load average before/after: %s / %s\n' "$((bytes / 1048576))" "$bytes" "$(nproc)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'grep -E: %s matching line(s); wudoctor: per-signature counts (first and last hit each) %s\n' "$grep_lines" "$wudoctor_hits"
if [[ " ${contenders[*]} " == *" rg "* ]]; then printf 'rg: %s matching line(s)\n' "$(run rg)"; fi
if [[ -n "${WUDOCTOR_BENCH_BEFORE:-}" ]] && ! cmp -s <(grep -v '^#' "$work/facts.yaml") <(grep -v '^#' "$work/facts-before.yaml"); then
  echo "NOTE: the facts of before-java and wudoctor-java differ (diff $work/facts-before.yaml $work/facts.yaml)"
fi
med() { echo "${times[$1]}" | tr ' ' '\n' | grep . | median; }
grep_ms=$(med grep)
rg_ms=$([[ -n "${times[rg]:-}" ]] && med rg || echo "")
printf '%-20s %10s %10s %14s %14s\n' contender "median ms" "MB/s" "MB/s vs grep" "MB/s vs rg"
for c in "${contenders[@]}"; do
  m=$(med "$c")
  printf '%-20s %10s %10.0f %13.2fx %13s\n' "$c" "$m" "$(echo "$bytes / 1048576 / ($m / 1000)" | bc -l)" \
    "$(echo "$grep_ms / $m" | bc -l)" "$([[ -n "$rg_ms" ]] && printf '%.2fx' "$(echo "$rg_ms / $m" | bc -l)" || echo -)"
done
echo "runs (ms): $(for c in "${contenders[@]}"; do printf '%s: %s; ' "$c" "${times[$c]}"; done)"
