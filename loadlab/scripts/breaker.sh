#!/usr/bin/env bash
# Scenario 3, breaker behaviour, with its companion: chat load (the chat scenario, named
# "breaker") against the isolated system (loadlab/scripts/system.sh up; started and stopped by
# this script when none runs), while this script stops
# session for DOWN seconds and starts it again, then does the same to logic. Sends must fail fast
# (error 9002) or succeed; nothing acknowledged may be lost (the ledger, after catch-up); the run
# fails on any send left unanswered. Breaker state is sampled every second from each gateway's
# /prometheus (parley_rpc_breaker_state) into breaker-states.txt, and the transitions the gateways
# counted (parley_rpc_breaker_transitions_total) are printed at the end.
#
#   loadlab/scripts/breaker.sh [-Dparam=value ...]     (DOWN=10 seconds, FIRST=25 seconds in)
#
# SERVICES="session logic" (default) names what is stopped, one after the other; SIGNAL=KILL kills
# each with SIGKILL (a crash: no drain, no deregistration, its Kafka partitions move only when the
# broker notices) instead of the graceful stop.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
down_s=${DOWN:-10}
first=${FIRST:-25}
env_file="$ROOT/loadlab/target/system-${LOADLAB_NS:-loadlab}/env"
# no isolated system running: start one (LOADLAB_NS, LOADLAB_PORT_BASE, PARLEY_TEST_DB as
# system.sh reads them) and stop it at the end, so the scenario is one command
own_system=0
if [[ ! -f $env_file ]]; then
    loadlab/scripts/system.sh up
    own_system=1
fi
# shellcheck disable=SC1090
source "$env_file"
run_dir="$ROOT/loadlab/target/runs/breaker-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$run_dir"

sample() {
    local gw
    for gw in ${GATEWAYS//,/ }; do
        curl -fsS --max-time 2 "$gw/prometheus" 2>/dev/null |
            grep -E '^parley_rpc_breaker_state\{' |
            sed "s#^#$(date -u +%T) $gw #" >>"$run_dir/breaker-states.txt" || true
    done
}

# Every breaker transition the gateways counted (parley_rpc_breaker_transitions_total).
transitions() {
    local gw
    for gw in ${GATEWAYS//,/ }; do
        curl -fsS --max-time 2 "$gw/prometheus" 2>/dev/null |
            grep -E '^parley_rpc_breaker_transitions_total\{' | sed "s#^#$gw #" || true
    done
}

GATEWAYS="$GATEWAYS" LOADLAB_RUN_DIR="$run_dir" loadlab/scripts/run.sh breaker \
    -Dduration=$((first + 4 * down_s + 30)) -Ddrain=60 "$@" &
load=$!
trap 'kill "$load" 2>/dev/null || true' EXIT
# the load starts after Maven and the set-up: wait for the first summary line of the set-up
until grep -q "users set up" "$run_dir/run.log" 2>/dev/null; do
    kill -0 "$load" 2>/dev/null || break
    sleep 1
done
sleep "$first"
for service in ${SERVICES:-session logic}; do
    kill -0 "$load" 2>/dev/null || break # the load ended (or never started): nothing to judge
    if [[ ${SIGNAL:-TERM} == KILL ]]; then
        echo "breaker: killing $service (SIGKILL) for $down_s s"
        kill -KILL "$(<"$ROOT/loadlab/target/system-${LOADLAB_NS:-loadlab}/pids/$service.pid")"
    else
        echo "breaker: stopping $service for $down_s s"
        loadlab/scripts/system.sh stop "$service"
    fi
    for ((i = 0; i < down_s; i++)); do sample; sleep 1; done
    echo "breaker: starting $service"
    loadlab/scripts/system.sh up >/dev/null
    for ((i = 0; i < down_s; i++)); do sample; sleep 1; done
done
set +e
wait "$load"
rc=$?
set -e
trap - EXIT
if [[ -s $run_dir/breaker-states.txt ]]; then
    echo "breaker: states sampled (0 closed, 1 open, 2 half-open) in ${run_dir#"$ROOT"/}/breaker-states.txt:"
    awk '{print $3, $4}' "$run_dir/breaker-states.txt" | grep -o 'target="[a-z]*"} [0-9]' | sort | uniq -c
fi
echo "breaker: transitions counted by the gateways:"
transitions | tee "$run_dir/breaker-transitions.txt" | sed 's/^/  /'
if ((own_system == 1)); then
    loadlab/scripts/system.sh down
fi
exit "$rc"
