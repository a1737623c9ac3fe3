#!/usr/bin/env bash
# Warm `wudoctor diagnose ROOT` on an offline root of four real logs (CBS.log, dism.log,
# setupact.log, a decoded WindowsUpdate.log from src/test/resources/real-logs), this checkout
# against another one (BASE_DIR: a checkout of an earlier commit, built with
# `mvn -B -o package -DskipTests`), interleaved, each with its own warm rule cache.
# Prints the median wall and CPU (user + sys) time of RUNS runs of each and the ratios
# (docs/performance.md).
# Usage: bench/diagnose-root-benchmark.sh BASE_DIR [RUNS]      (default 9 runs)
set -euo pipefail
exec 3>&2   # failures of a run are told on stderr, outside the captured timings
cd "$(dirname "$0")/.."
base=$(cd "$1" && pwd); runs=${2:-9}; head=$(pwd)
work=${WUDOCTOR_BENCH_DIR:-/tmp/wudoctor-bench-root}
logs=src/test/resources/real-logs
root="$work/root"
rm -rf "$root"; mkdir -p "$root/Windows/Logs/CBS" "$root/Windows/Logs/DISM" "$root/\$Windows.~WS/Sources/Panther"
cp "$logs/real-cbs-win10-19041-appostarsi-2023-05-22.log" "$root/Windows/Logs/CBS/CBS.log"
cp "$logs/real-dism-log-win11-22621-appostarsi-2023-05-17.log" "$root/Windows/Logs/DISM/dism.log"
cp "$logs/real-setupact-upgrade-user-cancel-0x800704D3-copyleft21-2024-03-28.log" "$root/\$Windows.~WS/Sources/Panther/setupact.log"
cp "$logs/real-windowsupdate-decoded-win10-raja-fahad-2020-11-19.log" "$root/Windows/WindowsUpdate.log"
one() { # checkout name -> "wall-ms cpu-ms" of one diagnose (cpu: user + sys of the JVM, less hurt by a loaded machine)
  local dir=$1 name=$2 t
  t=$( { TIMEFORMAT='%R %U %S'; time (cd "$dir" && WUDOCTOR_CACHE_DIR="$work/cache-$name" java -jar target/wudoctor-0.1.0.jar \
      diagnose "$root" --format json -o "$work/out-$name.json" 2>/dev/null || echo "diagnose failed in $dir" >&3) ; } 2>&1 )
  echo "$t" | awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}'
}
one "$base" base >/dev/null; one "$head" head >/dev/null   # warm the rule caches and the page cache
: > "$work/times.txt"
for _ in $(seq "$runs"); do
  echo "base $(one "$base" base)" >> "$work/times.txt"
  echo "head $(one "$head" head)" >> "$work/times.txt"
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for col in 2 3; do
  what=$([ $col = 2 ] && echo wall || echo cpu)
  b=$(grep '^base ' "$work/times.txt" | awk -v c=$col '{print $c}' | median)
  h=$(grep '^head ' "$work/times.txt" | awk -v c=$col '{print $c}' | median)
  echo "$what: base ($base) median $b ms, head ($head) median $h ms, of $runs runs each"
  awk -v b="$b" -v h="$h" -v w="$what" 'BEGIN {printf "%s head / base: %.2fx\n", w, h / b}'
done
