#!/usr/bin/env bash
# Per-hop latency of the message path: runs a command (a loadlab run, e.g. cpu.sh or run.sh) and
# scrapes every service of the isolated system (loadlab/scripts/system.sh up) at /prometheus
# before and after it; the difference of the parley_stage_seconds histograms (one per hop, see
# docs/performance.md "Per-hop latency") gives each stage's count and p50 / p95 / p99 over the
# run alone, summed over the two gateways. Writes stages.json into OUT (default: the newest run
# directory under loadlab/target/runs after the command) and prints a table.
#
#   loadlab/scripts/stages.sh loadlab/scripts/cpu.sh chat -Dusers=400 -Drate=1000 -Dduration=30
#
# Stages are times from a wall-clock instant the message carries (the gateway's ingress, a Kafka
# record's create time) to the hop, in whole milliseconds: a p50 of "1 ms" is "at most ~1 ms".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NS=${LOADLAB_NS:-loadlab}
STATE="$ROOT/loadlab/target/system-$NS"
[[ $# -ge 1 ]] || { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2; }
[[ -f $STATE/settings ]] || { echo "no isolated system: loadlab/scripts/system.sh up" >&2; exit 2; }
# shellcheck disable=SC1091
source "$STATE/settings"
BASE=$recorded_base
declare -A PORTS=([gw1]=$((BASE + 80)) [gw2]=$((BASE + 81)) [logic]=$((BASE + 90))
    [session]=$((BASE + 91)))
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

scrape() {
    local n
    for n in "${!PORTS[@]}"; do
        curl -fsS --max-time 5 "http://127.0.0.1:${PORTS[$n]}/prometheus" \
            | grep '^parley_stage_seconds_bucket' >"$TMP/$1-$n.txt" || true
    done
}

scrape before
# a failed run (loss, unanswered sends) still gets its stages; its exit status is kept
rc=0
"$@" || rc=$?
scrape after
OUT=${OUT:-$(ls -dt "$ROOT"/loadlab/target/runs/*/ 2>/dev/null | head -1)}
OUT=${OUT:-$TMP}
python3 - "$TMP" "$OUT/stages.json" <<'PY'
import json, re, sys, glob, os
tmp, out = sys.argv[1], sys.argv[2]
line = re.compile(r'parley_stage_seconds_bucket\{(.*)\} (\S+)')
def read(path):
    got = {}
    for l in open(path):
        m = line.match(l.strip())
        if not m:
            continue
        labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        le = float('inf') if labels['le'] == '+Inf' else float(labels['le'])
        got[(labels['stage'], le)] = got.get((labels['stage'], le), 0) + float(m.group(2))
    return got
delta = {}
for after in glob.glob(os.path.join(tmp, 'after-*.txt')):
    svc = after.rsplit('-', 1)[1][:-4]
    b = read(after.replace('after-', 'before-')) if os.path.exists(after.replace('after-', 'before-')) else {}
    for k, v in read(after).items():
        stage = svc.rstrip('12') + ':' + k[0]
        delta.setdefault(stage, {})
        delta[stage][k[1]] = delta[stage].get(k[1], 0) + v - b.get(k, 0)
def quantile(buckets, q):
    les = sorted(buckets)
    total = buckets[les[-1]]
    if total <= 0:
        return None
    want, prev_le, prev_n = q * total, 0.0, 0.0
    for le in les:
        n = buckets[le]
        if n >= want:
            if le == float('inf'):
                return prev_le * 1000
            span = n - prev_n
            return 1000 * (prev_le + (le - prev_le) * ((want - prev_n) / span if span else 1))
        prev_le, prev_n = le, n
    return None
rows = []
for stage in sorted(delta):
    b = delta[stage]
    count = b.get(float('inf'), 0)
    if count <= 0:
        continue
    rows.append({'stage': stage, 'count': int(count),
                 **{p: round(quantile(b, q), 1) for p, q in (('p50', .5), ('p95', .95), ('p99', .99))}})
json.dump(rows, open(out, 'w'), indent=1)
print(f"{'stage':40} {'count':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
for r in rows:
    print(f"{r['stage']:40} {r['count']:>8} {r['p50']:>8} {r['p95']:>8} {r['p99']:>8}")
print('written', out)
PY
exit "$rc"
