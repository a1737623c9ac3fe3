#!/usr/bin/env bash
# Start-up and rule-edit latency of `./wudoctor` against baselines measured in the same run
# (docs/performance.md, "Latency against the baselines"). Each round runs every contender once,
# interleaved, so that a busy moment of a shared machine hurts all alike:
#   bare      a bare JVM start (Hello world, the launcher's JVM flags)
#   naive     the naive Drools CLI: reads 60 DRL files, builds a KieBase (classic compiler), fires
#   text      warm `./wudoctor diagnose FACTS` (rules cached, class-data archive recorded)
#   json      the same with --format json
#   edit      `./wudoctor diagnose FACTS --rules FOLDER` right after one rule of FOLDER was edited
#             (FOLDER: two built-in DRL files moved to an analyst's package, 26 rules)
#   edit-base the same edit through BASE's jar (optional: a built checkout of an earlier commit),
#             with the launcher's flags and no archive, beside `edit` run the same way (edit-head)
# It prints the median wall-clock and CPU (user + system) times and the ratios the latency
# goals are stated in.
#   usage: bench/latency.sh NAIVE_DIR [RUNS] [BASE_DIR]
#   NAIVE_DIR: a built copy of the naive Drools CLI (its build.sh run: target/classes,
#   target/dependency, rules/)
set -euo pipefail
naive=$(cd "${1:?usage: bench/latency.sh NAIVE_DIR [RUNS] [BASE_DIR]}" && pwd)
runs=${2:-9}
base=${3:-}
cd "$(dirname "$0")/.."
facts=facts-samples/ms-s1-clr-optimization.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WUDOCTOR_CACHE_DIR="$work/cache"
flags=(-XX:+UseSerialGC -Xshare:auto -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1)   # what ./wudoctor runs for a facts file

printf 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }\n' > "$work/Hello.java"
javac -d "$work" "$work/Hello.java"
folder="$work/analyst"
mkdir -p "$folder"
for f in msdocs-symptoms fast-checks; do
  sed -e 's/^package wudoctor.rules;/package analyst;/' -e 's/@id("/@id("analyst-/' "rules/$f.drl" > "$folder/$f.drl"
done
./wudoctor diagnose "$facts" >/dev/null          # builds if needed; records the class-data archive after
while compgen -G "target/wudoctor-*.jsa.lock" >/dev/null; do sleep 0.2; done
./wudoctor diagnose "$facts" >/dev/null
./wudoctor diagnose "$facts" --rules "$folder" >/dev/null
if [[ -n "$base" ]]; then
  java "${flags[@]}" -jar "$base/target/wudoctor-0.1.0.jar" diagnose "$facts" --rules "$folder" >/dev/null
fi

declare -A wall cpu
# label, command...: one timed run, its wall and CPU milliseconds appended to the label's lists
run() {
  local label=$1; shift
  local w c
  read -r w c < <(python3 bench/interleaved.py --once "$@") && [[ -n "$c" ]] || { echo "failed: $*" >&2; exit 1; }
  wall[$label]+="$w "
  cpu[$label]+="$c "
}
edit() { echo "// edit $RANDOM$RANDOM" >> "$folder/fast-checks.drl"; }
for i in $(seq "$runs"); do
  run bare java "${flags[@]}" -cp "$work" Hello
  run naive java -cp "$naive/target/classes:$naive/target/dependency/*" sp.Main "$naive/rules"
  run text ./wudoctor diagnose "$facts"
  run json ./wudoctor diagnose "$facts" --format json
  edit; run edit ./wudoctor diagnose "$facts" --rules "$folder"
  if [[ -n "$base" ]]; then
    edit; run edit-base java "${flags[@]}" -jar "$base/target/wudoctor-0.1.0.jar" diagnose "$facts" --rules "$folder"
    edit; run edit-head java "${flags[@]}" -jar target/wudoctor-0.1.0.jar diagnose "$facts" --rules "$folder"
  fi
done

median() { printf '%s\n' $1 | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
echo "runs: $runs; $(java -version 2>&1 | sed -n 1p); $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)"
labels=(bare naive text json edit)
[[ -n "$base" ]] && labels+=(edit-base edit-head)
declare -A mw mc
for l in "${labels[@]}"; do
  mw[$l]=$(median "${wall[$l]}") mc[$l]=$(median "${cpu[$l]}")
  printf '%-10s wall %6d ms  cpu %6d ms   (wall of each run: %s)\n' "$l" "${mw[$l]}" "${mc[$l]}" "${wall[$l]}"
done
ratio() { awk -v a="$2" -v b="$3" -v c="$4" -v d="$5" -v k="$1" 'BEGIN {printf "%-22s wall %5.2fx  cpu %5.2fx\n", k, a / b, c / d}'; }
for l in text json; do
  ratio "$l / bare" "${mw[$l]}" "${mw[bare]}" "${mc[$l]}" "${mc[bare]}"
  ratio "$l / naive" "${mw[$l]}" "${mw[naive]}" "${mc[$l]}" "${mc[naive]}"
done
ratio "edit / naive" "${mw[edit]}" "${mw[naive]}" "${mc[edit]}" "${mc[naive]}"
if [[ -n "$base" ]]; then
  ratio "edit-head / edit-base" "${mw[edit-head]}" "${mw[edit-base]}" "${mc[edit-head]}" "${mc[edit-base]}"
fi
