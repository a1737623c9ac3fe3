#!/usr/bin/env bash
# `wudoctor diagnose FACTS.yaml` on facts files of many Event 20 failures (0x80070002), at a
# size N and at 10 N: the shapes that made the pair-joining rules of update-pipeline.drl
# quadratic (issue 9). "same-kb": every failure names the same KB (up-keeps-coming-back-events
# joined every pair); "distinct-kbs": every failure names its own KB
# (up-error-follows-across-updates joined every pair). This checkout against another one
# (BASE_DIR: a checkout of an earlier commit, built with `mvn -B -o package -DskipTests`),
# each with its own warm rule cache. Prints the median wall and CPU time of RUNS runs, the
# exit codes, and the ratio of the CPU time beyond a 10-event file's at 10 N and N
# (docs/performance.md). Exit 4 is the old rules stopped by the firing limit or the budget.
# Usage: bench/event-pairs-benchmark.sh BASE_DIR [N] [RUNS]      (default N 2000, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(cd "$1" && pwd); n=${2:-2000}; runs=${3:-3}; head=$(pwd)
work=${WUDOCTOR_BENCH_DIR:-/tmp/wudoctor-bench-events}
mkdir -p "$work"
facts() { # shape count -> facts file
  local shape=$1 count=$2 f="$work/$1-$2.yaml"
  awk -v shape="$shape" -v count="$count" 'BEGIN {
    print "schemaVersion: 1"; print "incident: {surface: windows-update, errorCode: '\''0x80070002'\''}"; print "events:"
    for (i = 0; i < count; i++) {
      kb = shape == "same-kb" ? "KB5034441" : sprintf("KB%07d", 5000000 + i)
      printf "  - {source: Microsoft-Windows-WindowsUpdateClient, id: 20, time: '\''2024-01-%02dT03:%02d:%02dZ'\'', kb: %s, code: '\''0x80070002'\''}\n",
        1 + i % 28, int(i / 60) % 60, i % 60, kb
    }
  }' > "$f"
  echo "$f"
}
one() { # checkout name facts -> "wall-ms cpu-ms exit-code" (cpu: user + sys of the JVM)
  local dir=$1 name=$2 file=$3 rc=0
  (cd "$dir" && WUDOCTOR_CACHE_DIR="$work/cache-$name" /usr/bin/time -f "%e %U %S" -o "$work/time-$name.txt" \
      java -jar target/wudoctor-0.1.0.jar diagnose "$file" --format json -o "$work/out-$name.json" 2>"$work/err-$name.txt") || rc=$?
  awk -v rc="$rc" '{printf "%d %d %d\n", $1 * 1000, ($2 + $3) * 1000, rc}' "$work/time-$name.txt"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
fixed=$(facts same-kb 10)
one "$base" base "$fixed" >/dev/null; one "$head" head "$fixed" >/dev/null   # warm the rule caches
# "cost of 10N / cost of N": the time beyond a 10-event file's (start-up, rules, report), so a
# linear cost shows about 10x and a quadratic one about 100x.
printf '%-13s %7s  %-5s %8s %8s %5s  %s\n' shape events build wall-ms cpu-ms exit "extra cpu 10N/N"
for who in base head; do
  dir=$base; [ "$who" = head ] && dir=$head
  : > "$work/times.txt"
  for _ in $(seq "$runs"); do one "$dir" "$who" "$fixed" >> "$work/times.txt"; done
  eval "fixed_$who=$(awk '{print $2}' "$work/times.txt" | median)"
  printf '%-13s %7d  %-5s %8s %8s %5s\n' same-kb 10 "$who" "$(awk '{print $1}' "$work/times.txt" | median)" \
      "$(eval echo \$fixed_$who)" "$(awk '{print $3}' "$work/times.txt" | sort -u | tr '\n' ' ')"
done
for shape in same-kb distinct-kbs; do
  for who in base head; do
    dir=$base; [ "$who" = head ] && dir=$head
    f0=$(eval echo \$fixed_$who); prev=""
    for count in "$n" $((n * 10)); do
      file=$(facts "$shape" "$count")
      : > "$work/times.txt"
      for _ in $(seq "$runs"); do one "$dir" "$who" "$file" >> "$work/times.txt"; done
      w=$(awk '{print $1}' "$work/times.txt" | median); c=$(awk '{print $2}' "$work/times.txt" | median)
      rc=$(awk '{print $3}' "$work/times.txt" | sort -u | tr '\n' ' ')
      ratio=""
      [ -n "$prev" ] && ratio=$(awk -v a="$prev" -v b="$c" -v f="$f0" 'BEGIN {printf "%.1fx", (b - f) / (a - f)}')
      printf '%-13s %7d  %-5s %8s %8s %5s  %s\n' "$shape" "$count" "$who" "$w" "$c" "$rc" "$ratio"
      prev=$c
    done
  done
done
