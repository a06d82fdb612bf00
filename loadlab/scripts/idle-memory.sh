#!/usr/bin/env bash
# Memory per idle connection on one gateway: runs the idle scenario (loadlab/scripts/run.sh idle,
# same -D parameters) with every user on the isolated system's first gateway
# (loadlab/scripts/system.sh up) and reads that gateway's resident set (VmRSS from
# /proc/<pid>/status) and its heap after a full GC (jcmd GC.run, then GC.heap_info) twice: before
# the users connect and while they hold their sockets open. Prints both and the difference per
# connection, and writes memory.json beside the run's summary.json, with the gateway's class
# histograms (jcmd GC.class_histogram, live objects) at both moments beside it: histogram-before.txt
# and histogram-holding.txt, for a diff of what the sockets keep.
#
#   loadlab/scripts/idle-memory.sh -Dusers=10000 -Dramp=60 -Dhold=60 -Dloadlab.heap=2g
#
# Ten thousand sockets need the Gatling JVM's heap raised (-Dloadlab.heap) and a gateway whose
# heap can hold them (LOADLAB_JAVA_OPTS when the system starts).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NS=${LOADLAB_NS:-loadlab}
STATE="$ROOT/loadlab/target/system-$NS"
[[ -f $STATE/env ]] || { echo "no isolated system: loadlab/scripts/system.sh up" >&2; exit 2; }
# shellcheck disable=SC1091
source "$STATE/env"
gateway=${GATEWAYS%%,*}
pid=$(<"$STATE/pids/gw1.pid")
users=10000
for a in "$@"; do [[ $a == -Dusers=* ]] && users=${a#-Dusers=}; done

rss_kib() {
    awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"
}

# Heap in use after a full collection, KiB (the "used" figures of every space GC.heap_info lists).
heap_kib() {
    jcmd "$pid" GC.run >/dev/null
    sleep 2
    jcmd "$pid" GC.heap_info | awk '
        /Metaspace|class space/ { exit }
        /used [0-9]+K/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K,?", "", v); s += v } }
        END { print s + 0 }'
}

connections() {
    local v
    v=$(curl -fsS "$gateway/prometheus" 2>/dev/null \
        | awk '/^parley_gateway_connections[ {]/ && !n { n = int($NF) } END { print n + 0 }') || v=0
    echo "${v:-0}"
}

histogram() {
    jcmd "$pid" GC.class_histogram > "$1"
}

run_dir="$ROOT/loadlab/target/runs/idle-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$run_dir"
echo "idle-memory: gateway $gateway (pid $pid), $users users"
heap0=$(heap_kib)
histogram "$run_dir/histogram-before.txt"
rss0=$(rss_kib)
conn0=$(connections)
echo "idle-memory: before: ${conn0:-0} sockets, RSS $((rss0 / 1024)) MiB, heap after GC $((heap0 / 1024)) MiB"

GATEWAYS=$gateway LOADLAB_RUN_DIR=$run_dir "$ROOT/loadlab/scripts/run.sh" idle "$@" &
run_pid=$!
trap 'kill "$run_pid" 2>/dev/null || true' EXIT

# Wait (bounded) until every user holds a socket, then let the gateway settle.
deadline=$((SECONDS + ${IDLE_CONNECT_TIMEOUT:-600}))
while :; do
    n=$(connections)
    ((${n:-0} >= users)) && break
    kill -0 "$run_pid" 2>/dev/null || { echo "idle-memory: the run ended before $users sockets were open (${n:-0})" >&2; exit 1; }
    ((SECONDS < deadline)) || { echo "idle-memory: only ${n:-0} of $users sockets after the timeout" >&2; exit 1; }
    sleep 2
done
sleep 10
rss1=$(rss_kib)
heap1=$(heap_kib)
histogram "$run_dir/histogram-holding.txt"
conn1=$(connections)
echo "idle-memory: holding: $conn1 sockets, RSS $((rss1 / 1024)) MiB, heap after GC $((heap1 / 1024)) MiB"
rc=0
wait "$run_pid" || rc=$?
trap - EXIT

python3 - "$run_dir" "$conn1" "$rss0" "$rss1" "$heap0" "$heap1" <<'PY'
import json, sys
run_dir, n, rss0, rss1, heap0, heap1 = sys.argv[1], *map(int, sys.argv[2:])
out = {"connections": n, "rssKiBBefore": rss0, "rssKiBHolding": rss1,
       "heapKiBAfterGcBefore": heap0, "heapKiBAfterGcHolding": heap1,
       "rssKiBPerConnection": round((rss1 - rss0) / n, 2),
       "heapKiBPerConnection": round((heap1 - heap0) / n, 2)}
json.dump(out, open(run_dir + "/memory.json", "w"), indent=2)
print("idle-memory: per connection: RSS %.1f KiB, heap after GC %.1f KiB (%d sockets)"
      % (out["rssKiBPerConnection"], out["heapKiBPerConnection"], n))
PY
exit "$rc"
