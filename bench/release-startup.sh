#!/usr/bin/env bash
# The first `diagnose` from an unpacked release with an empty cache, against a warm one, side by
# side, for each release archive: the plain one (bin.zip: the user's Java, the class-data archive
# recorded after the first run) and the one with its own runtime (linux-x64.tar.gz: the archive
# recorded when the release was built). Each round starts every archive from an empty cache
# folder (no compiled rules, no class-data archive of the user's), runs once ("first"), waits for
# any background recording of the class-data archive to end, and runs again ("warm"); the
# archives take turns within a round, so both see the same load. Medians of RUNS rounds; the
# ratio is first / warm. A third figure, a warm run with WUDOCTOR_NO_CDS=1 (rules cached, no
# class-data archive of wudoctor's classes), separates what the archive brings.
#   usage: bench/release-startup.sh [RUNS [ARCHIVE...]]
#   default: 9 rounds, target/wudoctor-*-bin.zip and, when built, target/wudoctor-*-linux-x64.tar.gz
#   (mvn -B -Prelease package; the second needs -Prelease,runtime)
set -euo pipefail
runs=${1:-9}
cd "$(dirname "$0")/.."
shift || true
archives=("$@")
if ((${#archives[@]} == 0)); then
  archives=($(ls target/wudoctor-*-bin.zip target/wudoctor-*-linux-x64.tar.gz 2>/dev/null))
fi
((${#archives[@]})) || { echo "no release archive in target/: mvn -B -Prelease package" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# "WALL CPU" in ms: the CPU time (user + system of the launcher and its JVM, not of the detached
# archive recording) says more than the wall clock on a loaded shared machine.
ms() { /usr/bin/time -f '%e %U %S' -o "$work/t" "$@" >/dev/null 2>&1; awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$work/t"; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

apps=()
for k in "${!archives[@]}"; do
  mkdir -p "$work/app$k"
  case "${archives[$k]}" in
    *.zip) unzip -q "${archives[$k]}" -d "$work/app$k" ;;
    *) tar -xzf "${archives[$k]}" -C "$work/app$k" ;;
  esac
  apps+=("$(echo "$work/app$k"/wudoctor-*)")
done

# results[KIND,ARCHIVE] = space-separated values of the rounds
declare -A results
add() { results[$1,$2]="${results[$1,$2]:-} $3"; }
for i in $(seq "$runs"); do
  for k in "${!apps[@]}"; do
    app="${apps[$k]}" sample="${apps[$k]}/facts-samples/ms-s1-clr-optimization.yaml"
    export WUDOCTOR_CACHE_DIR="$work/cache-$k-$i"
    read -r w c < <(ms "$app/bin/wudoctor" diagnose "$sample"); add first "$k" "$w"; add first_cpu "$k" "$c"
    while compgen -G "$WUDOCTOR_CACHE_DIR/cds/*.lock" >/dev/null; do sleep 0.2; done
    read -r w c < <(ms "$app/bin/wudoctor" diagnose "$sample"); add warm "$k" "$w"; add warm_cpu "$k" "$c"
    read -r w c < <(WUDOCTOR_CACHE_DIR="$work/nocds-$k" WUDOCTOR_NO_CDS=1 ms "$app/bin/wudoctor" diagnose "$sample")
    add nocds "$k" "$w"; add nocds_cpu "$k" "$c"
  done
done

echo "runs: $runs; $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
for k in "${!apps[@]}"; do
  runtime="$(java -version 2>&1 | sed -n 1p) (java on PATH)"
  [[ -x "${apps[$k]}/runtime/bin/java" ]] && runtime="$("${apps[$k]}/runtime/bin/java" -version 2>&1 | sed -n 1p) (bundled runtime)"
  echo "== $(basename "${archives[$k]}"): $runtime"
  for unit in wall cpu; do
    sfx=""; [[ $unit == cpu ]] && sfx=_cpu
    # shellcheck disable=SC2086
    f=$(median ${results[first$sfx,$k]}) w=$(median ${results[warm$sfx,$k]}) n=$(median ${results[nocds$sfx,$k]})
    awk -v f="$f" -v w="$w" -v n="$n" -v u="$unit" 'BEGIN {printf "%-4s first (empty cache): %d ms; warm: %d ms; warm without class-data archive: %d ms; first / warm = %.2fx; first / warm without archive = %.2fx\n", u, f, w, n, f / w, f / n}'
  done
done
