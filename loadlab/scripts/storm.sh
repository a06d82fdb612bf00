#!/usr/bin/env bash
# Scenario 6, connection storm and drain, with its companion: the storm scenario against the
# isolated system (loadlab/scripts/system.sh up); once every user is connected this script waits
# AFTER seconds and drains gateway 1 (SIGTERM: it leaves etcd, tells its clients to reconnect,
# closes the rest with 4411 after its grace period). Its users move to gateway 2 and catch up;
# the ledger must show nothing lost or duplicated. Gateway 1 is started again at the end. With no
# isolated system running, this script starts one (LOADLAB_NS, LOADLAB_PORT_BASE, PARLEY_TEST_DB as
# system.sh reads them) and stops it at the end: one command.
#
#   loadlab/scripts/storm.sh [-Dusers=1000 -Drate=100 -Dduration=60 ...]   (AFTER=10 seconds)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
after=${AFTER:-10}
env_file="$ROOT/loadlab/target/system-${LOADLAB_NS:-loadlab}/env"
own_system=0
if [[ ! -f $env_file ]]; then
    loadlab/scripts/system.sh up
    own_system=1
fi
# shellcheck disable=SC1090
source "$env_file"
run_dir="$ROOT/loadlab/target/runs/storm-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$run_dir"

GATEWAYS="$GATEWAYS" LOADLAB_RUN_DIR="$run_dir" loadlab/scripts/run.sh storm "$@" &
load=$!
trap 'kill "$load" 2>/dev/null || true' EXIT
# bounded: the storm scenario's own maximum duration ends the load, and with it this loop
until grep -q "loadlab storm: all .* connected" "$run_dir/run.log" 2>/dev/null; do
    kill -0 "$load" 2>/dev/null || break
    sleep 1
done
if kill -0 "$load" 2>/dev/null; then
    sleep "$after"
    echo "storm: draining gw1 ($(date -u +%T))"
    start=$(date +%s)
    loadlab/scripts/system.sh stop gw1
    echo "storm: gw1 drained and stopped in $(($(date +%s) - start)) s"
fi
set +e
wait "$load"
rc=$?
set -e
trap - EXIT
grep -h "drained:" "$ROOT/loadlab/target/system-${LOADLAB_NS:-loadlab}/logs/gw1.log" | tail -1 || true
if ((own_system == 1)); then
    loadlab/scripts/system.sh down
else
    echo "storm: starting gw1 again"
    loadlab/scripts/system.sh up >/dev/null || true
fi
exit "$rc"
