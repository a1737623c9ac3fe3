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

ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $((($(date +%s%N) - s) / 1000000)); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

first=() warm=() nocds=()
for i in $(seq "$runs"); do
  export WUDOCTOR_CACHE_DIR="$work/cache-$i"
  first+=("$(ms "$app/bin/wudoctor" diagnose "$sample")")
  while compgen -G "$WUDOCTOR_CACHE_DIR/cds/*.lock" >/dev/null; do sleep 0.2; done
  warm+=("$(ms "$app/bin/wudoctor" diagnose "$sample")")
  nocds+=("$(WUDOCTOR_CACHE_DIR="$work/nocds" WUDOCTOR_NO_CDS=1 ms "$app/bin/wudoctor" diagnose "$sample")")
done
f=$(median "${first[@]}") w=$(median "${warm[@]}") n=$(median "${nocds[@]}")
echo "runs: $runs; $(java -version 2>&1 | sed -n 1p); $(nproc) CPUs"
echo "first: empty cache, no archive yet      ${f} ms  [${first[*]}]"
echo "warm: rules cached, archive used        ${w} ms  [${warm[*]}]"
echo "warm without the archive (NO_CDS=1)     ${n} ms  [${nocds[*]}]"
awk -v f="$f" -v w="$w" -v n="$n" 'BEGIN {printf "first / warm = %.2fx   first / warm without archive = %.2fx\n", f / w, f / n}'
