#!/usr/bin/env bash
# What a message costs in hops, counted rather than timed (so it compares across noisy hosts):
# runs a command (a loadlab run, e.g. cpu.sh or run.sh chat) against the isolated system
# (loadlab/scripts/system.sh up) and prints, divided by the messages the run sent, the Kafka
# produce requests and consumer fetches of the five services (their /prometheus), the MariaDB
# statements (the server's Questions counter: every client of the server counts) and the context
# switches of the services, Kafka and MariaDB (all threads, /proc/<pid>/task/*/status); then the
# context switches by thread (process:thread name, digits folded to N: the 15 busiest, per message)
# and MariaDB's statements by kind (Com_*), which say which hop of a batch the counts come from.
#
#   loadlab/scripts/hops.sh loadlab/scripts/cpu.sh chat -Dusers=400 -Drate=700 -Dduration=30
#
# Run it alone on the machine: other systems on the shared Kafka and MariaDB count too.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NS=${LOADLAB_NS:-loadlab}
STATE="$ROOT/loadlab/target/system-$NS"
[[ $# -ge 1 ]] || { sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2; }
[[ -f $STATE/settings ]] || { echo "no isolated system: loadlab/scripts/system.sh up" >&2; exit 2; }
# shellcheck disable=SC1091
source "$STATE/settings"
BASE=$recorded_base

# produce requests, fetches, MariaDB statements: one line
counts() {
    local produce=0 fetches=0 port a b
    for port in $((BASE + 80)) $((BASE + 81)) $((BASE + 90)) $((BASE + 91)) $((BASE + 92)); do
        read -r a b < <(curl -fsS --max-time 5 "http://127.0.0.1:$port/prometheus" 2>/dev/null \
            | awk '/^kafka_producer_request_total/ {p += $NF}
                   /^kafka_consumer_fetch_manager_fetch_total/ {f += $NF}
                   END {print int(p), int(f)}')
        produce=$((produce + ${a:-0}))
        fetches=$((fetches + ${b:-0}))
    done
    echo "$produce $fetches $(mariadb -uroot -N -e "SHOW GLOBAL STATUS LIKE 'Questions'" \
        | awk '{print $2}')"
}

# "process:thread switches" for every thread of the services, Kafka and MariaDB (one awk per
# process reads its threads' names and counters), then MariaDB's "Com_x n"
by_thread() {
    local f pid name
    for f in "$STATE"/pids/*.pid kafka mariadbd; do
        case $f in
            kafka) pid=$(pgrep -f kafka.Kafka | head -1 || true); name=kafka ;;
            mariadbd) pid=$(pgrep -x mariadbd | head -1 || true); name=mariadb ;;
            *) pid=$(cat "$f" 2>/dev/null || true); name=$(basename "$f" .pid) ;;
        esac
        [[ -n $pid ]] || continue
        awk -v who="$name" '
            FILENAME ~ /comm$/ {split(FILENAME, f, "/"); comm[f[5]] = $0; next}
            /ctxt_switches/ {split(FILENAME, f, "/"); n[f[5]] += $2}
            END {for (t in n) {c = comm[t]; gsub(/[0-9]+/, "N", c); gsub(/ /, "_", c)
                               print who ":" c, n[t]}}' \
            /proc/"$pid"/task/*/comm /proc/"$pid"/task/*/status 2>/dev/null || true
    done
    mariadb -uroot -N -e "SHOW GLOBAL STATUS LIKE 'Com\_%'"
}

before=$(counts)
threads_before=$(by_thread)
rc=0
out=$("$@" 2>&1 | tee /dev/stderr) || rc=$?
after=$(counts)
threads_after=$(by_thread)
sent=$(grep -o 'sent=[0-9]*' <<<"$out" | head -1 | cut -d= -f2)
python3 - "$before" "$after" "${sent:-0}" "$threads_before" "$threads_after" <<'PY'
import sys
from collections import Counter
b, a, sent = sys.argv[1].split(), sys.argv[2].split(), int(sys.argv[3])
if sent == 0:
    sys.exit("hops: the run printed no sent=N")
names = ("Kafka produce requests", "Kafka consumer fetches", "MariaDB statements")
for name, x, y in zip(names, b, a):
    print(f"hops {name:45s} {(int(y) - int(x)) / sent:8.3f} per message")

def sums(text):
    out = Counter()
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit():
            out[parts[0]] += int(parts[1])
    return out

delta = sums(sys.argv[5])
delta.subtract(sums(sys.argv[4]))
switches = sum(v for k, v in delta.items() if not k.startswith("Com_"))
print(f"hops {'context switches (services, Kafka, MariaDB)':45s} {switches / sent:8.3f} per message")
threads = [(k, v) for k, v in delta.items() if not k.startswith("Com_") and v > 0]
for k, v in sorted(threads, key=lambda kv: -kv[1])[:15]:
    print(f"hops switches {k:40s} {v / sent:8.3f} per message")
for k, v in sorted(((k, v) for k, v in delta.items() if k.startswith("Com_") and v > 0),
                   key=lambda kv: -kv[1]):
    print(f"hops statements {k:38s} {v / sent:8.3f} per message")
PY
exit "$rc"
