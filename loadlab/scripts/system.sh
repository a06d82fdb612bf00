#!/usr/bin/env bash
# An isolated Parley system for load runs and the CI gate: logic, session, job and two gateways
# from the built jars, on ports of their own (LOADLAB_PORT_BASE, default 18000: gateways +80/+81,
# logic +90/gRPC +1090, session +91/+1091, job +92), a namespace of their own (Kafka topics with 2
# partitions, etcd prefix, cache keys: LOADLAB_NS, default loadlab) and a database of their own
# (PARLEY_TEST_DB, default parley_loadlab), on the shared MariaDB, Redis, etcd and Kafka. It never
# touches a system started by infra/scripts/up.sh.
#
#   loadlab/scripts/system.sh up [-Dprop=value ...]   start (extra -D properties go to every service)
#   loadlab/scripts/system.sh down                    stop what "up" started
#   loadlab/scripts/system.sh env                     print GATEWAYS=... for run.sh
#
# The set-up fast path: bcrypt cost 4 and relaxed register/login/API limits, so thousands of users
# are registered in seconds. Send limits, redelivery and everything else keep their defaults.
set -euo pipefail

# shellcheck source=infra/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../infra/scripts/lib.sh"

LOADLAB_NS=${LOADLAB_NS:-loadlab}
[[ $LOADLAB_NS =~ ^[a-z0-9-]{1,30}$ ]] || die system "LOADLAB_NS must be lower-case letters, digits, -"
STATE="$PARLEY_ROOT/loadlab/target/system-$LOADLAB_NS"
# What the running system was started with: a later "up" (breaker.sh and storm.sh restart what
# they stopped) keeps its ports, database and JVM options unless told otherwise.
SETTINGS="$STATE/settings"
recorded_base="" recorded_db="" recorded_opts=""
# shellcheck disable=SC1090
[[ -f $SETTINGS ]] && source "$SETTINGS"
BASE=${LOADLAB_PORT_BASE:-${recorded_base:-18000}}
DB=${PARLEY_TEST_DB:-${recorded_db:-parley_loadlab}}
# Pid files and logs of our own: lib.sh's functions read these variables when they run.
PARLEY_PIDS="$STATE/pids"
PARLEY_LOGS="$STATE/logs"
mkdir -p "$PARLEY_PIDS" "$PARLEY_LOGS"
JAVA_OPTS=${LOADLAB_JAVA_OPTS:-${recorded_opts:-$PARLEY_JAVA_OPTS}}
NAMES=(session logic job gw1 gw2)

# A pid file is believed only for a process carrying our instance id.
proc_marker() {
    echo "im.instance.id=$LOADLAB_NS-$1"
}

port_of() {
    case $1 in
        gw1) echo $((BASE + 80)) ;;
        gw2) echo $((BASE + 81)) ;;
        logic) echo $((BASE + 90)) ;;
        session) echo $((BASE + 91)) ;;
        job) echo $((BASE + 92)) ;;
    esac
}

module_of() {
    case $1 in
        gw*) echo gateway ;;
        *) echo "$1" ;;
    esac
}

props_of() {
    case $1 in
        logic) echo "-Dim.grpc.port=$((BASE + 1090))" ;;
        session) echo "-Dim.grpc.port=$((BASE + 1091))" ;;
        gw1 | gw2) echo "-Dim.gateway.id=$LOADLAB_NS-$1" ;;
    esac
}

gateways() {
    echo "http://127.0.0.1:$(port_of gw1),http://127.0.0.1:$(port_of gw2)"
}

# The gateways refuse the published development secret: this system signs with its own, made
# once and kept in its state folder (never committed: loadlab/target is ignored).
system_jwt_secret() {
    local file="$STATE/jwt-secret"
    if [[ ! -s $file ]]; then
        (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n=+/' > "$file")
    fi
    JWT_SECRET="$(cat "$file")"
    export JWT_SECRET
}

up() {
    local name port jar pid failed=()
    ensure_database "$DB"
    system_jwt_secret
    for name in "${NAMES[@]}"; do
        port="$(port_of "$name")"
        if pid="$(running_pid "$name")"; then
            say "$name" "already running (pid $pid)"
            continue
        fi
        port_open 127.0.0.1 "$port" && die "$name" "127.0.0.1:$port is taken; set LOADLAB_PORT_BASE"
        jar="$PARLEY_ROOT/$(module_of "$name")/target/$(module_of "$name").jar"
        [[ -f $jar ]] || die "$name" "$(rel "$jar") is missing: ./mvnw -B -q -DskipTests package"
        # shellcheck disable=SC2046,SC2086 # flag lists
        spawn "$name" "$PARLEY_LOGS/$name.log" java $JAVA_OPTS $(props_of "$name") \
            -Dmicronaut.server.port="$port" \
            -Dim.instance.id="$LOADLAB_NS-$name" \
            -Dim.etcd.namespace="/$LOADLAB_NS" \
            -Dim.kafka.namespace="$LOADLAB_NS" \
            -Dim.kafka.partitions=2 \
            -Dim.logic.cache.namespace="$LOADLAB_NS" \
            -Ddatasources.default.url="jdbc:mariadb://127.0.0.1:3306/$DB" \
            -Dim.logic.account.bcrypt-cost=4 \
            -Dim.gateway.http-rate.auth-per-second=5000 -Dim.gateway.http-rate.auth-burst=5000 \
            -Dim.gateway.http-rate.api-per-second=5000 -Dim.gateway.http-rate.api-burst=5000 \
            "$@" -jar "$jar"
        say "$name" "starting on 127.0.0.1:$port (pid $SPAWNED_PID, log $(rel "$PARLEY_LOGS/$name.log"))"
    done
    for name in "${NAMES[@]}"; do
        pid="$(running_pid "$name")" || pid=""
        if wait_for_http "$name" "http://127.0.0.1:$(port_of "$name")/health/readiness" \
            "${LOADLAB_READY_TIMEOUT:-180}" "$pid"; then
            say "$name" "ready"
        else
            failed+=("$name")
        fi
    done
    if ((${#failed[@]} > 0)); then
        for name in "${failed[@]}"; do show_log_tail "$PARLEY_LOGS/$name.log" 30; done
        down
        die system "not ready: ${failed[*]}"
    fi
    echo "GATEWAYS=$(gateways)" >"$STATE/env"
    printf 'recorded_base=%q recorded_db=%q recorded_opts=%q\n' "$BASE" "$DB" "$JAVA_OPTS" >"$SETTINGS"
    say system "up: GATEWAYS=$(gateways) (namespace $LOADLAB_NS, database $DB)"
}

down() {
    local i
    for ((i = ${#NAMES[@]} - 1; i >= 0; i--)); do
        stop_process "${NAMES[i]}" 30
    done
    rm -f "$STATE/env" "$SETTINGS"
}

# stop NAME / start NAME: one service, for the breaker and drain scenarios' companion scripts.
case ${1:-} in
    up)
        shift
        up "$@"
        ;;
    down) down ;;
    env) echo "GATEWAYS=$(gateways)" ;;
    stop)
        stop_process "$2" 30
        ;;
    *)
        echo "Usage: loadlab/scripts/system.sh up [-Dprop=value ...] | down | env | stop NAME" >&2
        exit 2
        ;;
esac
