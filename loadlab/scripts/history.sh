#!/usr/bin/env bash
# Appends run summaries to loadlab/history.csv and redraws docs/images/loadlab-trend.png.
#
#   loadlab/scripts/history.sh                     the newest run folder
#   loadlab/scripts/history.sh <runDir>...         these run folders (a gate run adds one row per scenario)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
dirs=("$@")
if ((${#dirs[@]} == 0)); then
    newest="$(ls -td loadlab/target/runs/*/ 2>/dev/null | head -1)"
    [[ -n $newest ]] || { echo "history: no run in loadlab/target/runs" >&2; exit 1; }
    dirs=("${newest%/}")
fi
abs=()
for d in "${dirs[@]}"; do abs+=("$(cd "$d" && pwd)"); done
./mvnw -B -q -pl loadlab compile exec:java -Dexec.mainClass=io.parley.loadlab.history.History \
    -Dexec.args="$ROOT/loadlab/history.csv $ROOT/docs/images/loadlab-trend.png ${abs[*]}"
