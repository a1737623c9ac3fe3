#!/usr/bin/env bash
# Fleet benchmark (docs/performance.md, "Fleet: batch and Spark"): the same generated fleet
# through the in-process API (the ceiling), `wudoctor batch`, a shell loop over `wudoctor
# diagnose` (sampled and extrapolated) and the Spark job in local mode, all in one run.
#
#   bench/fleet-benchmark.sh [FACTS] [BUNDLES] [RUNS] [CLI_SAMPLE]     # default 10000 1000 3 200
#
# Needs the jar (./wudoctor builds it) and, for the Spark part, a `mvn -B verify` before (it
# builds the Spark job and writes its class path, spark/target/local-classpath.txt); SPARK=0
# leaves Spark out, ONLY_SPARK=1 runs only it.
set -euo pipefail
cd "$(dirname "$0")/.."
facts=${1:-10000}; bundles=${2:-1000}; runs=${3:-3}; sample=${4:-200}
jobs=$(nproc)
work="${TMPDIR:-/tmp}/wudoctor-fleet-bench"
jar=target/wudoctor-0.1.0.jar
./wudoctor --version >/dev/null   # builds the jar when needed
cp="target/lib/*:$jar"
gc=(-XX:+UseSerialGC)             # what ./wudoctor runs batch with

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }

if [[ ! -f "$work/.made-$facts-$bundles" ]]; then
  rm -rf "$work"; mkdir -p "$work/facts" "$work/bundles"
  echo "generating $facts facts files and $bundles bundles from the real logs in $work ..." >&2
  java -cp "target/lib/*" bench/MakeFleet.java "$work/facts" "$facts" 0
  java -cp "target/lib/*" bench/MakeFleet.java "$work/bundles" 0 "$bundles"
  touch "$work/.made-$facts-$bundles"
fi
echo "fleet: $facts facts files ($(du -sh "$work/facts" | cut -f1)), $bundles bundles ($(du -sh "$work/bundles" | cut -f1)); $jobs cores, $(java -version 2>&1 | sed -n 1p)"

# One measurement of batch: wall seconds (the whole command: JVM start and rule load included) and peak RSS.
batch_run() {
  local dir=$1 out="$work/out.jsonl"
  rm -f "$out"
  local t0 t1; t0=$(now)
  /usr/bin/time -f "%M" -o "$work/rss" ./wudoctor batch "$dir" -o "$out" --jobs "$jobs" 2>"$work/batch.err" || [[ $? == 6 ]]
  t1=$(now)
  [[ $(wc -l <"$out") == $(ls "$dir" | wc -l) ]] || { echo "batch wrote $(wc -l <"$out") records for $(ls "$dir" | wc -l) sources" >&2; exit 1; }
  # batch's closing line: "... in 6.1 s (98,200/min)": the rate once the rules are loaded
  echo "$(echo "$t1 - $t0" | bc -l) $(cat "$work/rss") $(sed -n 's/.*(\([0-9,]*\)\/min).*/\1/p' "$work/batch.err" | tr -d ,)"
}
api_run() { java "${gc[@]}" -cp "$cp" bench/ApiCeiling.java "$1" "$jobs"; }

[[ "${ONLY_SPARK:-0}" == 1 ]] || for kind in facts bundles; do
  dir="$work/$kind"; n=$(ls "$dir" | wc -l)
  for m in api batch ratio inrun inratio rss; do : >"$work/$m-$kind"; done
  for ((r = 1; r <= runs; r++)); do   # interleaved, so both see the same machine load
    api=$(api_run "$dir" | awk '{print $3}')
    read -r secs rss inrun < <(batch_run "$dir")
    rate=$(echo "$n * 60 / $secs" | bc -l)
    echo "$api" >>"$work/api-$kind"; echo "$rate" >>"$work/batch-$kind"; echo "$rss" >>"$work/rss-$kind"
    echo "$inrun" >>"$work/inrun-$kind"
    echo "$rate / $api" | bc -l >>"$work/ratio-$kind"; echo "$inrun / $api" | bc -l >>"$work/inratio-$kind"
    printf '  %s run %d: api %.0f/min; batch %.0f/min whole command (%.1f s), %.0f/min once the rules are loaded; peak RSS %d MB\n' \
      "$kind" "$r" "$api" "$rate" "$secs" "$inrun" "$((rss / 1024))"
  done
  printf '%s (median of %d): api ceiling %.0f/min; batch %.0f/min whole command = %.2f of api, %.0f/min once loaded = %.2f of api; peak RSS %d MB\n' \
    "$kind" "$runs" "$(median <"$work/api-$kind")" "$(median <"$work/batch-$kind")" "$(median <"$work/ratio-$kind")" \
    "$(median <"$work/inrun-$kind")" "$(median <"$work/inratio-$kind")" "$(( $(median <"$work/rss-$kind" | cut -d. -f1) / 1024 ))"
done

# Flat memory: batch's peak RSS over a tenth of the facts files, against all of them (above).
if [[ "${ONLY_SPARK:-0}" != 1 ]]; then
tenth="$work/tenth"; rm -rf "$tenth"; mkdir -p "$tenth"
all=("$work"/facts/*)
for f in "${all[@]:0:$((facts / 10))}"; do ln -s "$f" "$tenth/"; done
read -r secs rss inrun < <(batch_run "$tenth")
printf 'memory: batch peak RSS over %d facts files %d MB (over %d: above)\n' "$((facts / 10))" "$((rss / 1024))" "$facts"

# The CLI loop: a JVM and a rule load per machine. Sampled, then extrapolated to a rate.
for kind in facts bundles; do
  n=$sample; [[ $kind == bundles ]] && n=$((sample / 4))
  all=("$work/$kind"/*)
  t0=$(now)
  for f in "${all[@]:0:$n}"; do ./wudoctor diagnose --format json "$f" >/dev/null || true; done
  t1=$(now)
  printf 'cli loop, %s: %d sampled in %.1f s = %.0f/min (extrapolated)\n' "$kind" "$n" "$(echo "$t1 - $t0" | bc -l)" \
    "$(echo "$n * 60 / ($t1 - $t0)" | bc -l)"
done
fi

# Spark, local mode with one executor thread per core, from the verify build's classes and repository.
if [[ "${SPARK:-1}" == 1 ]]; then
  [[ -f spark/target/local-classpath.txt ]] || { echo "no spark/target/local-classpath.txt: run mvn -B verify first" >&2; exit 1; }
  for kind in facts bundles; do
    rm -rf "$work/spark-out"
    t0=$(now)
    java @spark/java17-opens.args -Dspark.master="local[$jobs]" -Dspark.ui.enabled=false -cp "spark/target/classes:$(cat spark/target/local-classpath.txt)" \
      io.wudoctor.spark.FleetJob "$work/$kind" --output "$work/spark-out" --format jsonl --partitions $((jobs * 4)) \
      2>"$work/spark.err" || [[ $? == 6 ]] || { tail "$work/spark.err" >&2; exit 1; }
    t1=$(now)
    n=$(ls "$work/$kind" | wc -l)
    printf 'spark local[%d], %s: %d in %.1f s = %.0f/min (JVM start, Spark start and rule load included)\n' "$jobs" "$kind" \
      "$n" "$(echo "$t1 - $t0" | bc -l)" "$(echo "$n * 60 / ($t1 - $t0)" | bc -l)"
  done
fi
