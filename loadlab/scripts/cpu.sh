#!/usr/bin/env bash
# CPU per message: runs one loadlab scenario (loadlab/scripts/run.sh, same arguments) against the
# isolated system (loadlab/scripts/system.sh up) and reads the CPU time (utime + stime from
# /proc/<pid>/stat) of every process on the message path before and after: the system's five
# services, Kafka, etcd, MariaDB and Redis, and the whole machine (/proc/stat, which includes
# Gatling). Prints CPU seconds per process and CPU milliseconds per sent message and writes
# cpu.json beside the run's summary.json.
#
#   loadlab/scripts/cpu.sh chat -Dusers=200 -Drate=400 -Dduration=60
#
# The window is the sends' (the summary's firstSendAtMs..lastSendAtMs, plus 2 s), read from a
# sample taken every second, so set-up and the final catch-up stay out; idle work inside it
# (heartbeats, sweeps) counts, so the figure is an upper bound of the per-message cost.
# It also samples every second each process's resident set (VmRSS) and each gateway's count of
# messages written to sockets (parley_delivery_latency_seconds_count on /prometheus): cpu.json
# gets the highest RSS in the window and deliveries per second per gateway (mean and peak second,
# and per step when the summary names the schedule: the group scenario's burst).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NS=${LOADLAB_NS:-loadlab}
PIDS="$ROOT/loadlab/target/system-$NS/pids"
[[ $# -ge 1 ]] || { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2; }
[[ -f "$ROOT/loadlab/target/system-$NS/env" ]] || { echo "no isolated system: loadlab/scripts/system.sh up" >&2; exit 2; }

# name=pid for every process counted.
processes() {
    local n pid
    for n in session logic job gw1 gw2; do
        [[ -s $PIDS/$n.pid ]] && echo "$n=$(<"$PIDS/$n.pid")"
    done
    pid="$(pgrep -f 'kafka\.Kafka' | head -1 || true)"
    [[ -n $pid ]] && echo "kafka=$pid"
    for n in etcd mariadbd redis-server; do
        pid="$(pgrep -x "$n" | head -1 || true)"
        [[ -n $pid ]] && echo "$n=$pid"
    done
}

# name=ticks for every process, then machine=ticks (all CPUs, busy time only).
snapshot() {
    local entry name pid
    for entry in $(processes); do
        name=${entry%%=*}
        pid=${entry#*=}
        # fields 14 and 15 (utime, stime) after the command name, which may hold spaces
        awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$pid/stat" 2>/dev/null \
            | sed "s/^/$name=/" || true
    done
    awk '/^cpu /{print "machine=" $2 + $3 + $4 + $7 + $8}' /proc/stat
}

# name=KiB of resident memory for every process, then deliv_gwN=messages written to sockets.
memory() {
    local entry name pid gw i=0
    for entry in $(processes); do
        name=${entry%%=*}
        pid=${entry#*=}
        awk -v n="$name" '/^VmRSS:/ {print n "=" $2}' "/proc/$pid/status" 2>/dev/null || true
    done
    # shellcheck disable=SC1090
    source "$ROOT/loadlab/target/system-$NS/env"
    for gw in ${GATEWAYS//,/ }; do
        i=$((i + 1))
        curl -fsS -m 1 "$gw/prometheus" 2>/dev/null \
            | awk -v n="deliv_gw$i" '/^parley_delivery_latency_seconds_count/ {print n "=" int($NF)}' \
            || true
    done
}

samples="$(mktemp)"
memsamples="$(mktemp)"
trap 'kill "$sampler" "$memsampler" 2>/dev/null || true; rm -f "$samples" "$memsamples"' EXIT
# one line per second: epoch ms, then name=ticks ...
(
    while true; do
        echo "$(date +%s%3N) $(snapshot | tr '\n' ' ')" >>"$samples"
        sleep 1
    done
) &
sampler=$!
(
    while true; do
        echo "$(date +%s%3N) $(memory | tr '\n' ' ')" >>"$memsamples"
        sleep 1
    done
) &
memsampler=$!
set +e
LOADLAB_RUN_DIR="${LOADLAB_RUN_DIR:-$ROOT/loadlab/target/runs/$1-cpu-$(date -u +%Y%m%dT%H%M%SZ)}"
export LOADLAB_RUN_DIR
"$ROOT/loadlab/scripts/run.sh" "$1" --isolated "${@:2}"
rc=$?
set -e
kill "$sampler" "$memsampler" 2>/dev/null || true
wait "$sampler" "$memsampler" 2>/dev/null || true

python3 - "$LOADLAB_RUN_DIR" "$(getconf CLK_TCK)" "$samples" "$memsamples" <<'PY'
import json, os, sys
run_dir, hz, samples, memsamples = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def read(path):
    out = []
    for line in open(path):
        parts = line.split()
        if parts:
            out.append((int(parts[0]), {k: int(v) for k, v in (p.split("=", 1) for p in parts[1:])}))
    return out
rows = read(samples)
mem = read(memsamples)
# a combined run (groupchat) has one summary per part; the group's names the window
path = os.path.join(run_dir, "summary.json")
if not os.path.exists(path):
    path = os.path.join(run_dir, "group", "summary.json")
summary = json.load(open(path))
figures = summary.get("figures", {})
sent = summary["ledger"]["sent"]
first, last = figures.get("firstSendAtMs", 0), figures.get("lastSendAtMs", 0)
# the window: the last sample before the first send to the first sample 2 s after the last
# send (the path finishes its work), so the set-up before and the final catch-up after stay out
before = [r for r in rows if r[0] <= first] or rows[:1]
after = [r for r in rows if r[0] >= last + 2000] or rows[-1:]
t0, b = before[-1]
t1, a = after[0]
secs = {k: (a[k] - b[k]) / hz for k in a if k in b}
path = sum(v for k, v in secs.items() if k != "machine")
out = {"windowSeconds": round((t1 - t0) / 1000, 1), "sent": sent,
       "cpuSeconds": {k: round(v, 2) for k, v in sorted(secs.items())},
       "pathCpuSeconds": round(path, 2),
       "pathCpuMsPerMessage": round(1000 * path / sent, 3) if sent else None,
       "machineCpuMsPerMessage": round(1000 * secs.get("machine", 0) / sent, 3) if sent else None,
       "cores": os.cpu_count(),
       "machineBusyPercent": round(100 * secs.get("machine", 0) / ((t1 - t0) / 1000) / os.cpu_count(), 1)}
window = [m for m in mem if t0 <= m[0] <= t1]
out["rssMaxMiB"] = {k: round(max(m[1].get(k, 0) for m in window) / 1024, 1)
                    for k in sorted({k for m in window for k in m[1]}) if not k.startswith("deliv_")}
def rates(lo, hi):
    sel = [m for m in mem if lo <= m[0] <= hi]
    res = {}
    for k in sorted({k for m in sel for k in m[1] if k.startswith("deliv_")}):
        pts = [(m[0], m[1][k]) for m in sel if k in m[1]]
        if len(pts) < 2:
            continue
        per = [(b[1] - a[1]) * 1000 / max(1, b[0] - a[0]) for a, b in zip(pts, pts[1:])]
        res[k] = {"mean": round((pts[-1][1] - pts[0][1]) * 1000 / max(1, pts[-1][0] - pts[0][0]), 1),
                  "peakSecond": round(max(per), 1), "written": pts[-1][1] - pts[0][1]}
    return res
out["deliveriesPerSecond"] = rates(t0, t1)
start, step = figures.get("scheduleStartMs"), figures.get("stepMs")
if start and step:
    # each step's window runs to the next step's start, the last one's 5 s past its end
    steps = len(figures.get("steps", []))
    out["deliveriesPerSecondByStep"] = [rates(start + i * step, start + (i + 1) * step
                                              + (5000 if i == steps - 1 else 0))
                                        for i in range(steps)]
json.dump(out, open(os.path.join(run_dir, "cpu.json"), "w"), indent=2)
print("rss max MiB " + json.dumps(out["rssMaxMiB"]))
print("deliveries/s " + json.dumps(out["deliveriesPerSecond"]))
for i, r in enumerate(out.get("deliveriesPerSecondByStep", [])):
    print(f"deliveries/s step {i} " + json.dumps(r))
for k, v in sorted(secs.items()):
    print(f"cpu {k:13s} {v:8.2f} s  ({1000 * v / sent if sent else 0:.3f} ms/message)")
print(f"cpu sent={sent} window={out['windowSeconds']} s path={out['pathCpuSeconds']} s "
      f"-> {out['pathCpuMsPerMessage']} ms/message on the path, "
      f"{out['machineCpuMsPerMessage']} ms/message machine-wide (Gatling included), "
      f"machine {out['machineBusyPercent']}% busy")
PY
exit $rc
