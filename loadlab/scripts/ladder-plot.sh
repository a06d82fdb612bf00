#!/usr/bin/env bash
# Draws delivery latency against the offered rate (docs/images/throughput-ladder.png, or OUT) from
# chat or ladder runs, and prints the points as a Markdown table for docs/performance.md.
#
#   loadlab/scripts/ladder-plot.sh <series>=<runDir>[,<runDir>...] ...
#
# A chat run gives one point at its -Drate, a ladder run one per step (-Dladder=...). Series are
# what the figures compare (builds, settings), e.g. after=loadlab/target/runs/ladder-2026...
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
(($# > 0)) || { sed -n '2,8p' "${BASH_SOURCE[0]}" >&2; exit 2; }
args=()
for a in "$@"; do
    series=${a%%=*}
    dirs=()
    IFS=, read -ra rel <<<"${a#*=}"
    for d in "${rel[@]}"; do dirs+=("$(cd "$d" && pwd)"); done
    # quoted: a series name may hold spaces (exec.args is split like a command line)
    args+=("'$series=$(IFS=,; echo "${dirs[*]}")'")
done
./mvnw -B -q -pl loadlab compile exec:java -Dexec.mainClass=io.parley.loadlab.history.LadderPlot \
    -Dexec.args="'${OUT:-$ROOT/docs/images/throughput-ladder.png}' ${args[*]}"
