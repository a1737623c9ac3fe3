#!/usr/bin/env bash
# The first `diagnose` from an unpacked release with an empty cache, against a warm one, side by
# side: each round unpacks nothing new but starts from an empty cache folder (no compiled rules,
# no class-data archive), runs once ("first"), waits for the launcher's background recording of
# the class-data archive to end, and runs again ("warm"). Medians of RUNS rounds; the ratio is
# first / warm. A third line, a warm run with WUDOCTOR_NO_CDS=1 (rules cached, no archive),
# separates what the archive brings from what the precompiled rules bring.
#   usage: bench/release-startup.sh [RUNS]   (needs target/wudoctor-*-bin.zip: mvn -B -Prelease package)
set -euo pipefail
runs=${1:-9}
cd "$(dirname "$0")/.."
zip="$(ls target/wudoctor-*-bin.zip | head -n 1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
unzip -q "$zip" -d "$work"
app="$(echo "$work"/wudoctor-*)"
sample="$app/facts-samples/ms-s1-clr-optimization.yaml"

# "WALL CPU" in ms: the CPU time (user + system of the launcher and its JVM, not of the detached
# archive recording) says more than the wall clock on a loaded shared machine.
ms() { /usr/bin/time -f '%e %U %S' -o "$work/t" "$@" >/dev/null 2>&1; awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$work/t"; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

first=() warm=() nocds=() first_cpu=() warm_cpu=() nocds_cpu=()
for i in $(seq "$runs"); do
  export WUDOCTOR_CACHE_DIR="$work/cache-$i"
  read -r w c < <(ms "$app/bin/wudoctor" diagnose "$sample"); first+=("$w"); first_cpu+=("$c")
  while compgen -G "$WUDOCTOR_CACHE_DIR/cds/*.lock" >/dev/null; do sleep 0.2; done
  read -r w c < <(ms "$app/bin/wudoctor" diagnose "$sample"); warm+=("$w"); warm_cpu+=("$c")
  read -r w c < <(WUDOCTOR_CACHE_DIR="$work/nocds" WUDOCTOR_NO_CDS=1 ms "$app/bin/wudoctor" diagnose "$sample")
  nocds+=("$w"); nocds_cpu+=("$c")
done
echo "runs: $runs; $(java -version 2>&1 | sed -n 1p); $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
report() {
  local f w n; f=$(median "${!1}") w=$(median "${!2}") n=$(median "${!3}")
  echo "$4 first (empty cache, no archive yet): $f ms; warm (rules cached, archive used): $w ms; warm without archive (WUDOCTOR_NO_CDS=1): $n ms"
  awk -v f="$f" -v w="$w" -v n="$n" -v k="$4" 'BEGIN {printf "%s first / warm = %.2fx; first / warm without archive = %.2fx\n", k, f / w, f / n}'
}
report 'first[@]' 'warm[@]' 'nocds[@]' "wall:"
report 'first_cpu[@]' 'warm_cpu[@]' 'nocds_cpu[@]' "cpu: "
