#!/bin/sh
# Whole processes, alternating: `scorefield train --data moons --steps N` against the same recipe in
# PyTorch (bench/pytorch_reference.py train --steps N), each started afresh, RUNS times each; prints
# every wall time, the medians and their ratio (PyTorch over Scorefield), and the medians of the
# training loops alone (the "seconds" each process reports; the rest is start-up and saving), as
# one JSON object with the load average before and after. Not part of verify; needs a built
# package (target/scorefield, the launcher users start) and python3-torch.
# Threads: Scorefield's train uses every core up to two (scorefield_threads); the script runs on
# PYTORCH_THREADS (1 by default, as a user's script does unless it asks; set 2 for the same cores).
# Usage: scripts/train-race.sh [STEPS (2000)] [RUNS (5)]
# Environment: SCOREFIELD (target/scorefield), PYTHON (/usr/bin/python3), PYTORCH_THREADS (1).
set -e
cd "$(dirname "$0")/.."
steps=${1:-2000}
runs=${2:-5}
launcher=${SCOREFIELD:-target/scorefield}
python=${PYTHON:-/usr/bin/python3}
torch_threads=${PYTORCH_THREADS:-1}
[ -x "$launcher" ] || { echo "No $launcher: build it with ./mvnw -DskipTests package, or set SCOREFIELD." >&2; exit 2; }
for n in "$steps" "$runs" "$torch_threads"; do
    case $n in ''|*[!0-9]*|0*) echo "STEPS, RUNS and PYTORCH_THREADS must be whole numbers from 1 (no leading zero), got '$n'." >&2; exit 2;; esac
done
# Scorefield's train: every core up to two (TrainingThreads.SHARDS)
cores=$(nproc 2>/dev/null || echo 1)
[ "$cores" -gt 2 ] && cores=2
"$python" -c 'import torch' 2>/dev/null \
    || { echo "$python cannot import torch: apt-get install python3-torch, or set PYTHON." >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Seconds of wall time of one command; the training seconds it reports are appended to $work/$loops.
wall() {
    start=$(date +%s.%N)
    "$@" > "$work/last" 2>&1 || { echo "This run failed: $*" >&2; cat "$work/last" >&2; exit 1; }
    end=$(date +%s.%N)
    grep -o '"seconds": *[0-9.eE+-]*' "$work/last" | sed 's/.*: *//' | tr '\n' ' ' >> "$work/$loops"
    echo "$start $end" | awk '{printf "%.3f", $2 - $1}'
}

median() {
    tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
ours=""
theirs=""
i=0
while [ "$i" -lt "$runs" ]; do
    loops=ours.loops
    ours="$ours $(wall "$launcher" train --data moons --steps "$steps" --seed "$i" --out "$work/model.json")"
    loops=theirs.loops
    theirs="$theirs $(wall "$python" bench/pytorch_reference.py train --steps "$steps" --seed "$i" --threads "$torch_threads" --out "$work/weights.pt")"
    i=$((i + 1))
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
m_ours=$(echo "$ours" | median)
m_theirs=$(echo "$theirs" | median)
list() { echo "$1" | sed 's/^ //; s/ /, /g'; }
printf '{"steps": %s, "runs": %s, "scorefield_threads": %s, "pytorch_threads": %s, ' \
    "$steps" "$runs" "$cores" "$torch_threads"
printf '"scorefield_wall_s": [%s], "pytorch_wall_s": [%s], ' \
    "$(list "$ours")" "$(list "$theirs")"
printf '"scorefield_median_s": %s, "pytorch_median_s": %s, "pytorch_ratio": %s, ' \
    "$m_ours" "$m_theirs" "$(echo "$m_theirs $m_ours" | awk '{printf "%.3f", $1 / $2}')"
printf '"scorefield_loop_median_s": %s, "pytorch_loop_median_s": %s, ' \
    "$(median < "$work/ours.loops")" "$(median < "$work/theirs.loops")"
printf '"load_before": "%s", "load_after": "%s"}\n' "$load_before" "$load_after"
