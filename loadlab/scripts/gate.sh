#!/usr/bin/env bash
# The CI performance gate: starts an isolated system (loadlab/scripts/system.sh, namespace
# LOADLAB_GATE_NS=gate, ports from LOADLAB_GATE_PORT_BASE=28000, database
# ${PARLEY_TEST_DB:-parley_test}_gate), runs
# scenarios 1, 2, 4 and 5 scaled down side by side (the Gate simulation, ~2-4 minutes here), stops
# the system, and judges the run with loadlab/gate-baseline.json: strict on correctness, wide
# tolerances on speed (docs/performance.md, "CI gate"). Exit 0 when it passed.
#
#   loadlab/scripts/gate.sh                      run and judge
#   loadlab/scripts/gate.sh --refresh-baseline   run and, if correct, store its figures as the baseline
#
# Environment: PARLEY_SKIP_GATE=1 skips it; LOADLAB_GATE_SYSTEM_PROPS adds -D properties to every
# service of the gate's system (how a regression is injected, e.g. "-Dim.gateway.delivery.max-attempts=0");
# LOADLAB_GATE_ARGS adds -D parameters to the run (e.g. "-Dchat.users=60").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

if [[ ${PARLEY_SKIP_GATE:-0} == 1 ]]; then
    echo "gate: skipped (PARLEY_SKIP_GATE=1)"
    exit 0
fi
refresh=0
[[ ${1:-} == --refresh-baseline ]] && refresh=1

# two gates at once (two worktrees) need a namespace and ports each
export LOADLAB_NS=${LOADLAB_GATE_NS:-gate}
export LOADLAB_PORT_BASE=${LOADLAB_GATE_PORT_BASE:-28000}
export PARLEY_TEST_DB="${PARLEY_TEST_DB:-parley_test}_gate"
baseline="$ROOT/loadlab/gate-baseline.json"
run_dir="$ROOT/loadlab/target/runs/gate-$(date -u +%Y%m%dT%H%M%SZ)"
t0=$(date +%s)

cleanup() {
    loadlab/scripts/system.sh down >/dev/null 2>&1 || true
}
trap cleanup EXIT

# shellcheck disable=SC2086 # a list of -D flags
loadlab/scripts/system.sh up ${LOADLAB_GATE_SYSTEM_PROPS:-}
gateways="$(loadlab/scripts/system.sh env | sed 's/^GATEWAYS=//')"

set +e
# shellcheck disable=SC2086
GATEWAYS="$gateways" LOADLAB_RUN_DIR="$run_dir" loadlab/scripts/run.sh gate -DsharedBudget="${LOADLAB_SHARED_BUDGET:-true}" ${LOADLAB_GATE_ARGS:-}
set -e
cleanup
trap - EXIT

if ((refresh == 1)); then
    ./mvnw -B -q -pl loadlab exec:java -Dexec.mainClass=io.parley.loadlab.gate.GateCheck \
        -Dexec.args="$run_dir $baseline --write"
    echo "gate: review and commit loadlab/gate-baseline.json"
    exit 0
fi
set +e
./mvnw -B -q -pl loadlab exec:java -Dexec.mainClass=io.parley.loadlab.gate.GateCheck \
    -Dexec.args="$run_dir $baseline"
rc=$?
set -e
echo "gate: $(($(date +%s) - t0)) s; run folder ${run_dir#"$ROOT"/}"
exit "$rc"
