#!/usr/bin/env bash
# Scenario 3, breaker behaviour, with its companion: chat load (the chat scenario, named
# "breaker") against the isolated system (loadlab/scripts/system.sh up), while this script stops
# session for DOWN seconds and starts it again, then does the same to logic. Sends must fail fast
# (error 9002) or succeed; nothing acknowledged may be lost (the ledger, after catch-up); the run
# fails on any send left unanswered. Breaker state is sampled from each gateway's /prometheus
# (resilience4j_circuitbreaker_state) into breaker-states.txt when the services expose it.
#
#   loadlab/scripts/breaker.sh [-Dparam=value ...]     (DOWN=10 seconds, FIRST=25 seconds in)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
down_s=${DOWN:-10}
first=${FIRST:-25}
env_file="$ROOT/loadlab/target/system-${LOADLAB_NS:-loadlab}/env"
[[ -f $env_file ]] || { echo "start the isolated system first: loadlab/scripts/system.sh up" >&2; exit 2; }
# shellcheck disable=SC1090
source "$env_file"
run_dir="$ROOT/loadlab/target/runs/breaker-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$run_dir"

sample() {
    local gw
    for gw in ${GATEWAYS//,/ }; do
        curl -fsS --max-time 2 "$gw/prometheus" 2>/dev/null |
            grep -E '^resilience4j_circuitbreaker_state\{.*\} 1' |
            sed "s#^#$(date -u +%T) $gw #" >>"$run_dir/breaker-states.txt" || true
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
for service in session logic; do
    echo "breaker: stopping $service for $down_s s"
    loadlab/scripts/system.sh stop "$service"
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
    echo "breaker: states seen (open/half_open/closed) in ${run_dir#"$ROOT"/}/breaker-states.txt:"
    awk '{print $3}' "$run_dir/breaker-states.txt" | grep -o 'state="[a-z_]*"' | sort | uniq -c
else
    echo "breaker: no /prometheus breaker metrics on the gateways (not merged yet); judged by the ledger only"
fi
exit "$rc"
