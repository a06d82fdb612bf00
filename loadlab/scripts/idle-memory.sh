#!/usr/bin/env bash
# Memory per idle connection on one gateway: runs the idle scenario (loadlab/scripts/run.sh idle,
# same -D parameters) with every user on the isolated system's first gateway
# (loadlab/scripts/system.sh up) and reads that gateway's resident set (VmRSS from
# /proc/<pid>/status) and its heap after a full GC twice: before the users connect and while they
# hold their sockets open. The heap figure is the least "used" of four full collections in a row
# (jcmd GC.run, then GC.heap_info), so dead space a single collection leaves behind is out of it.
# Prints both and the difference per connection, and writes memory.json beside the run's
# summary.json, with the gateway's class histograms (jcmd GC.class_histogram, live objects) at
# both moments beside it: histogram-before.txt and histogram-holding.txt, for a diff of what the
# sockets keep. When the gateway runs with -XX:NativeMemoryTracking=summary, it also saves
# nmt-before.txt and nmt-holding.txt (jcmd VM.native_memory summary) and puts each category's
# committed memory per connection in memory.json ("nmtKiBPerConnection"). The same figures are
# also taken once half the users hold a socket (nmt-half.txt); the second half's slope
# ("secondHalf" in memory.json) leaves out what the first sockets' warm-up grows once (JIT code,
# allocator chunks, threads), so it is the cost of one more socket.
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

# Heap in use after a full collection, KiB (the "used" figures of every space GC.heap_info lists):
# the least of four collections in a row.
heap_kib() {
    local i used least=""
    for i in 1 2 3 4; do
        jcmd "$pid" GC.run >/dev/null
        sleep 1
        used=$(jcmd "$pid" GC.heap_info | awk '
            /Metaspace|class space/ { exit }
            /used [0-9]+K/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K,?", "", v); s += v } }
            END { print s + 0 }')
        [[ -z $least || $used -lt $least ]] && least=$used
    done
    echo "$least"
}

# Native memory by category (empty file when the gateway does not track it).
nmt() {
    jcmd "$pid" VM.native_memory summary 2>/dev/null | grep -q 'Native Memory Tracking:' \
        && jcmd "$pid" VM.native_memory summary > "$1" || : > "$1"
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
nmt "$run_dir/nmt-before.txt"
rss0=$(rss_kib)
conn0=$(connections)
echo "idle-memory: before: ${conn0:-0} sockets, RSS $((rss0 / 1024)) MiB, heap after GC $((heap0 / 1024)) MiB"

GATEWAYS=$gateway LOADLAB_RUN_DIR=$run_dir "$ROOT/loadlab/scripts/run.sh" idle "$@" &
run_pid=$!
trap 'kill "$run_pid" 2>/dev/null || true' EXIT

# Wait (bounded) until every user holds a socket, then let the gateway settle; on the way, the
# half point (its socket count is the mean of the counts before and after its reads).
deadline=$((SECONDS + ${IDLE_CONNECT_TIMEOUT:-600}))
connh=0 rssh=0 heaph=0
while :; do
    n=$(connections)
    ((${n:-0} >= users)) && break
    if ((connh == 0 && ${n:-0} >= users / 2)); then
        rssh=$(rss_kib)
        heaph=$(heap_kib)
        nmt "$run_dir/nmt-half.txt"
        connh=$(((n + $(connections)) / 2))
        echo "idle-memory: half: $connh sockets, RSS $((rssh / 1024)) MiB, heap after GC $((heaph / 1024)) MiB"
    fi
    kill -0 "$run_pid" 2>/dev/null || { echo "idle-memory: the run ended before $users sockets were open (${n:-0})" >&2; exit 1; }
    ((SECONDS < deadline)) || { echo "idle-memory: only ${n:-0} of $users sockets after the timeout" >&2; exit 1; }
    sleep 2
done
sleep 10
rss1=$(rss_kib)
heap1=$(heap_kib)
histogram "$run_dir/histogram-holding.txt"
nmt "$run_dir/nmt-holding.txt"
conn1=$(connections)
echo "idle-memory: holding: $conn1 sockets, RSS $((rss1 / 1024)) MiB, heap after GC $((heap1 / 1024)) MiB"
rc=0
wait "$run_pid" || rc=$?
trap - EXIT

python3 - "$run_dir" "$conn1" "$rss0" "$rss1" "$heap0" "$heap1" "$connh" "$rssh" "$heaph" <<'PY'
import json, os, re, sys
run_dir, n, rss0, rss1, heap0, heap1, nh, rssh, heaph = sys.argv[1], *map(int, sys.argv[2:])
out = {"connections": n, "rssKiBBefore": rss0, "rssKiBHolding": rss1,
       "heapKiBAfterGcBefore": heap0, "heapKiBAfterGcHolding": heap1,
       "rssKiBPerConnection": round((rss1 - rss0) / n, 2),
       "heapKiBPerConnection": round((heap1 - heap0) / n, 2)}

def committed(name):
    # "-   Java Heap (reserved=1048576KB, committed=1048576KB)" -> {"Java Heap": 1048576}
    path = run_dir + "/" + name
    text = open(path).read() if os.path.exists(path) else ""
    return {m[1]: int(m[2]) for m in
            re.finditer(r"^-\s+(.+?) \(reserved=\d+KB, committed=(\d+)KB\)", text, re.M)}

before, holding = committed("nmt-before.txt"), committed("nmt-holding.txt")
if before and holding:
    out["nmtKiBPerConnection"] = {k: round((holding[k] - before.get(k, 0)) / n, 2)
                                  for k in holding if holding[k] != before.get(k, 0)}
half = committed("nmt-half.txt")
if 0 < nh < n:
    second = {"connections": n - nh,
              "rssKiBPerConnection": round((rss1 - rssh) / (n - nh), 2),
              "heapKiBPerConnection": round((heap1 - heaph) / (n - nh), 2)}
    if half and holding:
        second["nmtKiBPerConnection"] = {k: round((holding[k] - half.get(k, 0)) / (n - nh), 2)
                                         for k in holding if holding[k] != half.get(k, 0)}
    out["secondHalf"] = second
json.dump(out, open(run_dir + "/memory.json", "w"), indent=2)
print("idle-memory: per connection: RSS %.1f KiB, heap after GC %.1f KiB (%d sockets)"
      % (out["rssKiBPerConnection"], out["heapKiBPerConnection"], n))
for k, v in sorted(out.get("nmtKiBPerConnection", {}).items(), key=lambda e: -abs(e[1])):
    print("idle-memory:   NMT %-28s %+.2f KiB" % (k, v))
if "secondHalf" in out:
    s = out["secondHalf"]
    print("idle-memory: second half (%d sockets): RSS %.1f KiB, heap after GC %.1f KiB per connection"
          % (s["connections"], s["rssKiBPerConnection"], s["heapKiBPerConnection"]))
    for k, v in sorted(s.get("nmtKiBPerConnection", {}).items(), key=lambda e: -abs(e[1])):
        print("idle-memory:   NMT %-28s %+.2f KiB" % (k, v))
PY
exit "$rc"
