#!/usr/bin/env bash
# Runs one loadlab scenario against a running system and leaves, in
# loadlab/target/runs/<scenario>-<UTC time>/, summary.json (the ledger's counts, latency
# percentiles, the verdict) and gatling/ (Gatling's HTML report). Exit 0 only when the run passed.
#
#   loadlab/scripts/run.sh <scenario> [-Dparam=value ...]
#
# Scenarios: chat (1, steady state), ladder (1, rate steps), ratelimit (2), breaker (3), ackretry
# (4), group (5), groupchat (5 with 1 alongside: -Dgroup.* and -Dchat.*), storm (6), idle (sockets
# that only ping; idle-memory.sh). Parameters and
# their defaults: docs/performance.md.
# Target: the system infra/scripts/up.sh started (gateways 127.0.0.1:8080 and :8081), or
# GATEWAYS=http://127.0.0.1:18080,http://127.0.0.1:18081, or --isolated for the one
# loadlab/scripts/system.sh up started. Loopback only; every run is bounded and stops by itself.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

usage() {
    sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
}

[[ $# -ge 1 ]] || usage
scenario=$1
shift
if [[ ${1:-} == --isolated ]]; then
    shift
    env_file="$ROOT/loadlab/target/system-${LOADLAB_NS:-loadlab}/env"
    [[ -f $env_file ]] || { echo "no isolated system: loadlab/scripts/system.sh up" >&2; exit 2; }
    # shellcheck disable=SC1090
    source "$env_file"
fi

extra=()
case $scenario in
    chat) simulation=ChatSteadyState ;;
    ladder)
        simulation=ChatSteadyState
        extra=(-Dladder=50,100,200,300 -DscenarioName=ladder)
        ;;
    ratelimit) simulation=RateLimits ;;
    ackretry) simulation=AckRetries ;;
    group) simulation=LargeGroup ;;
    groupchat) simulation=LargeGroupWithChat ;;
    breaker) simulation=ChatSteadyState; extra=(-DscenarioName=breaker) ;;
    storm) simulation=ConnectionStorm ;;
    idle) simulation=IdleConnections ;;
    gate) simulation=Gate ;;
    -h | --help) usage ;;
    *) echo "unknown scenario: $scenario" >&2; usage ;;
esac

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
run_dir=${LOADLAB_RUN_DIR:-"$ROOT/loadlab/target/runs/$scenario-$stamp"}
mkdir -p "$run_dir"
gateways=${GATEWAYS:-http://127.0.0.1:8080,http://127.0.0.1:8081}
echo "loadlab: $scenario against $gateways -> ${run_dir#"$ROOT"/}"

set +e
./mvnw -B -q -pl loadlab test-compile gatling:test \
    -Dloadlab.simulation="io.parley.loadlab.scenario.$simulation" \
    -Dloadlab.resultsFolder="$run_dir/gatling" \
    -Dloadlab.runDir="$run_dir" \
    -Dgateways="$gateways" \
    "${extra[@]}" "$@" 2>&1 | tee "$run_dir/run.log" | grep -v '^\s*$' | grep -E '^(loadlab|\[ERROR\]|Exception|Caused)|ERROR' 
set -e

# One summary.json per scenario: in the run folder, or one per sub-folder for the gate's combined run.
summaries=("$run_dir"/summary.json "$run_dir"/*/summary.json)
existing=()
for f in "${summaries[@]}"; do [[ -s $f ]] && existing+=("$f"); done
if ((${#existing[@]} == 0)); then
    echo "loadlab: no summary was written; see ${run_dir#"$ROOT"/}/run.log" >&2
    exit 1
fi
report="$(find "$run_dir/gatling" -name index.html 2>/dev/null | head -1)"
[[ -n $report ]] && echo "loadlab: report ${report#"$ROOT"/}"
python3 - "${existing[@]}" <<'PY'
import json, sys
ok = all(json.load(open(f)).get("passed") for f in sys.argv[1:])
sys.exit(0 if ok else 1)
PY
