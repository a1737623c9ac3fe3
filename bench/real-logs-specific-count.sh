#!/usr/bin/env bash
# How many real logs get a specific diagnosis rather than the fallback: each log of a folder
# alone in an offline root, at the place Windows writes it (the same places as
# RealLogsDiagnosisTest), diagnosed with `wudoctor diagnose --format json`. "Specific" means a
# finding other than no-specific-evidence at 0.6 or more (a diagnosis, not a lead:
# docs/confidence-scale.md). Command outputs (sc, w32tm, fsutil, ...) are not logs and are skipped.
# Usage: bench/real-logs-specific-count.sh LOG_FOLDER [WUDOCTOR]
#   e.g. bench/real-logs-specific-count.sh src/test/resources/real-logs ./wudoctor
set -euo pipefail
folder="$1"
wudoctor="${2:-$(dirname "$0")/../wudoctor}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

place() {
  case "$1" in
    cbs-*.log | real-cbs-*.log | loghub-windows-2k-cbs.log) echo "Windows/Logs/CBS/CBS.log" ;;
    *setupact*) echo "\$WINDOWS.~BT/Sources/Panther/setupact.log" ;;
    *setuperr*) echo "\$WINDOWS.~BT/Sources/Panther/setuperr.log" ;;
    *windowsupdate*) echo "Windows/WindowsUpdate.log" ;;
    real-dism-log*) echo "Windows/Logs/DISM/dism.log" ;;
    setupapi-dev-*) echo "Windows/INF/setupapi.dev.log" ;;
    event-system-*) echo "wudoctor/events/$1" ;;
    *) echo "" ;;
  esac
}

logs=0
specific=0
for f in "$folder"/*; do
  name="$(basename "$f")"
  target="$(place "$name")"
  [[ -n "$target" ]] || continue
  logs=$((logs + 1))
  root="$work/$logs"
  mkdir -p "$root/$(dirname "$target")"
  cp "$f" "$root/$target"
  best="$("$wudoctor" diagnose --format json "$root" 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
top = [f for f in d["findings"] if f["id"] != "no-specific-evidence" and f["confidence"] >= 0.6]
print(top[0]["id"] + " " + str(top[0]["confidence"]) if top else "-")')"
  [[ "$best" == "-" ]] || specific=$((specific + 1))
  printf '%-90s %s\n' "$name" "$best"
done
echo "specific diagnosis: $specific of $logs logs"
