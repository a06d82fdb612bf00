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
# The figure includes ramp, drain and idle work (heartbeats, sweeps) of the run's whole span, so
# it is an upper bound of the per-message cost; run long enough that the messages dominate.
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

before="$(snapshot)"
started=$(date +%s.%N)
set +e
LOADLAB_RUN_DIR="${LOADLAB_RUN_DIR:-$ROOT/loadlab/target/runs/$1-cpu-$(date -u +%Y%m%dT%H%M%SZ)}"
export LOADLAB_RUN_DIR
"$ROOT/loadlab/scripts/run.sh" "$1" --isolated "${@:2}"
rc=$?
set -e
after="$(snapshot)"
ended=$(date +%s.%N)

python3 - "$LOADLAB_RUN_DIR" "$(getconf CLK_TCK)" "$started" "$ended" "$before" "$after" <<'PY'
import json, os, sys
run_dir, hz, t0, t1, before, after = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6]
def parse(text):
    return {k: int(v) for k, v in (line.split("=", 1) for line in text.split() if "=" in line)}
b, a = parse(before), parse(after)
secs = {k: (a[k] - b[k]) / hz for k in a if k in b}
summary = json.load(open(os.path.join(run_dir, "summary.json")))
sent = summary["ledger"]["sent"]
path = sum(v for k, v in secs.items() if k != "machine")
out = {"wallSeconds": round(t1 - t0, 1), "sent": sent,
       "cpuSeconds": {k: round(v, 2) for k, v in sorted(secs.items())},
       "pathCpuSeconds": round(path, 2),
       "pathCpuMsPerMessage": round(1000 * path / sent, 3) if sent else None,
       "machineCpuMsPerMessage": round(1000 * secs.get("machine", 0) / sent, 3) if sent else None}
json.dump(out, open(os.path.join(run_dir, "cpu.json"), "w"), indent=2)
for k, v in sorted(secs.items()):
    print(f"cpu {k:13s} {v:8.2f} s")
print(f"cpu sent={sent} wall={out['wallSeconds']} s path={out['pathCpuSeconds']} s "
      f"-> {out['pathCpuMsPerMessage']} ms/message on the path, "
      f"{out['machineCpuMsPerMessage']} ms/message machine-wide (Gatling included)")
PY
exit $rc
