#!/usr/bin/env bash
# Runs Parley on this machine: MariaDB, Redis, etcd and Kafka, then logic, session, job and two
# gateways, each in the background with its log in .run/logs/. Stays in the foreground until
# Ctrl-C (or SIGTERM), then stops what this run started; --detach returns once all are ready.
# What is already running and healthy is reused, never started twice.
set -euo pipefail

for arg in "$@"; do
    [[ $arg == --double ]] && export PARLEY_DOUBLE=1
    [[ $arg == --tls ]] && export PARLEY_TLS=1
done

# A long-running system: full JIT (C2) pays back its warm-up within minutes; lib.sh's default
# (C1 only, fastest start) stays for the test harness and short runs.
PARLEY_JAVA_OPTS="${PARLEY_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}"
# shellcheck source=infra/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
    cat <<'EOF'
Usage: infra/scripts/up.sh [--detach] [--tracing] [--double] [--tls]

  --detach, -d   return once every service is ready (also UP_DETACH=1);
                 infra/scripts/down.sh stops everything later
  --tracing      also start Zipkin on 127.0.0.1:9411 (jar from Maven Central, spans in
                 memory) and have every service export its spans there
  --double       two instances of every service (also PARLEY_DOUBLE=1): logic-2 (HTTP 8093,
                 gRPC 9190), session-2 (8094, gRPC 9191) and job-2 (8095) beside the default
                 logic (8090/9090), session (8091/9091), job (8092), gateway-1 (8080), gateway-2
                 (8081); callers find them in etcd and balance across them
  --tls          the gateways serve HTTPS/WSS only, on https://127.0.0.1:8443 and :8444
                 (also PARLEY_TLS=1), with a self-signed pair that infra/scripts/tls-cert.sh
                 makes in .run/tls once (PARLEY_TLS_DIR: a directory with your key.pem and
                 cert.pem instead)
Environment:
  SKIP_BUILD=1       do not run ./mvnw package first
  UP_TIMEOUT=120     seconds the services get to become ready
  PARLEY_JAVA_OPTS   JVM flags of the services (default: -Xmx256m -XX:+UseSerialGC,
                     full JIT; the test harness uses -XX:TieredStopAtLevel=1)
EOF
}

detach=${UP_DETACH:-0}
tracing=0
for arg in "$@"; do
    case $arg in
        -d | --detach) detach=1 ;;
        --tracing) tracing=1 ;;
        --double | --tls) ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            usage >&2
            exit 2
            ;;
    esac
done

ready_timeout=${UP_TIMEOUT:-120}

on_signal() {
    trap - INT TERM
    echo
    if ((${#PARLEY_STARTED[@]} > 0)); then
        say up "stopping what this run started: ${PARLEY_STARTED[*]}"
        stop_started
    fi
    exit "$1"
}
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

# A failed start leaves the infrastructure up for the next attempt but stops the services this
# run started: a half-started set is harder to reason about than none.
fail() {
    local i name
    for ((i = ${#PARLEY_STARTED[@]} - 1; i >= 0; i--)); do
        name=${PARLEY_STARTED[i]}
        case " ${PARLEY_SERVICES[*]} " in
            *" $name "*) stop_process "$name" 30 ;;
        esac
    done
    die up "$1"
}

build() {
    local t0 log="$PARLEY_LOGS/build.log"
    if [[ ${SKIP_BUILD:-0} == 1 ]]; then
        say build "skipped (SKIP_BUILD=1)"
        return 0
    fi
    t0=$(date +%s)
    say build "./mvnw -B -q -DskipTests package (output in $(rel "$log"))"
    if ! (cd "$PARLEY_ROOT" && ./mvnw -B -q -DskipTests package) >"$log" 2>&1 </dev/null; then
        show_log_tail "$log" 60
        fail "the build failed; see $(rel "$log")"
    fi
    say build "done in $(($(date +%s) - t0)) s"
}

# The service NAME's port answers /info as its module: a Parley instance not started by these
# scripts.
foreign_instance_of() {
    local name=$1 module service tls=()
    module="$(service_module "$name")"
    service_tls "$name" && tls=(--cacert "$PARLEY_TLS_DIR/cert.pem")
    service="$(curl -fsS --max-time 2 "${tls[@]}" "$(service_url "$name")/info" 2>/dev/null |
        jq -r '.instance.service // empty' 2>/dev/null)" || true
    [[ $service == "$module" ]]
}

# Services to start now; the others are already running.
to_start=()

plan_services() {
    local name port pid
    for name in "${PARLEY_SERVICES[@]}"; do
        port="$(service_port "$name")"
        if pid="$(running_pid "$name")"; then
            say "$name" "already running (pid $pid)"
        elif port_open 127.0.0.1 "$port"; then
            foreign_instance_of "$name" ||
                die "$name" "127.0.0.1:$port is taken by another program"
            say "$name" "already running on 127.0.0.1:$port (not started by these scripts)"
        else
            to_start+=("$name")
        fi
    done
}

check_jars() {
    local name missing=()
    for name in "${to_start[@]}"; do
        [[ -f "$(service_jar "$name")" ]] || missing+=("$(rel "$(service_jar "$name")")")
    done
    if ((${#missing[@]} > 0)); then
        warn up "missing service jar(s): $(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')"
        if [[ ${SKIP_BUILD:-0} == 1 ]]; then
            die up "build them with ./mvnw -B -DskipTests package, or run without SKIP_BUILD=1"
        fi
        die up "the build did not produce them: does every service module build <module>.jar?"
    fi
}

start_service() {
    local name=$1 port
    port="$(service_port "$name")"
    # shellcheck disable=SC2046,SC2086 # flag lists
    spawn "$name" "$PARLEY_LOGS/$name.log" java $PARLEY_JAVA_OPTS $(service_props "$name") \
        -Dmicronaut.server.port="$port" -jar "$(service_jar "$name")"
    say "$name" "starting on 127.0.0.1:$port (pid $SPAWNED_PID, log $(rel "$PARLEY_LOGS/$name.log"))"
}

# Waits for every service's readiness under one deadline; all of them, not only those started now.
await_ready() {
    local deadline name pid left failed=()
    deadline=$(($(date +%s) + ready_timeout))
    for name in "${PARLEY_SERVICES[@]}"; do
        pid="$(running_pid "$name")" || pid=""
        left=$((deadline - $(date +%s)))
        ((left > 0)) || left=1
        if wait_for_http "$name" "$(service_url "$name")/health/readiness" "$left" "$pid"; then
            say "$name" "ready"
        else
            failed+=("$name")
        fi
    done
    if ((${#failed[@]} > 0)); then
        for name in "${failed[@]}"; do
            show_log_tail "$PARLEY_LOGS/$name.log" 40
        done
        fail "not ready within $ready_timeout s: ${failed[*]}"
    fi
}

print_table() {
    local name info id started tls
    echo
    printf '%-10s %-23s %-26s %s\n' SERVICE HTTP INSTANCE STARTED
    for name in "${PARLEY_SERVICES[@]}"; do
        tls=()
        service_tls "$name" && tls=(--cacert "$PARLEY_TLS_DIR/cert.pem")
        info="$(curl -fsS --max-time 2 "${tls[@]}" "$(service_url "$name")/info" 2>/dev/null)" ||
            info='{}'
        id="$(jq -r '.instance.id // "?"' <<<"$info" 2>/dev/null)" || id='?'
        started="$(jq -r '.instance.startedAt // "?"' <<<"$info" 2>/dev/null)" || started='?'
        printf '%-10s %-23s %-26s %s\n' "$name" "$(service_url "$name")" "$id" "$started"
    done
    echo
    echo "Web client:  $(service_url gateway-1)  (gw-1)   $(service_url gateway-2)  (gw-2)"
    echo "Logs:        $(rel "$PARLEY_LOGS")/<service>.log"
    if [[ -n $PARLEY_TRACING_PROPS ]]; then
        echo "Traces:      http://127.0.0.1:$ZIPKIN_PORT/zipkin/"
    fi
    echo
}

# Foreground until a signal: report services that exit, and give up when every service this run
# started has exited (down.sh from another terminal, say).
watch_services() {
    local watched=() alive name
    for name in "${PARLEY_STARTED[@]}"; do
        case " ${PARLEY_SERVICES[*]} " in
            *" $name "*) watched+=("$name") ;;
        esac
    done
    say up "running; Ctrl-C stops what this run started (${PARLEY_STARTED[*]})"
    local had_services=${#watched[@]}
    while :; do
        sleep 2 &
        wait $! || true
        alive=()
        for name in "${watched[@]+"${watched[@]}"}"; do
            if running_pid "$name" >/dev/null; then
                alive+=("$name")
            else
                warn "$name" "exited; see $(rel "$PARLEY_LOGS/$name.log")"
            fi
        done
        watched=("${alive[@]+"${alive[@]}"}")
        if ((had_services > 0 && ${#watched[@]} == 0)); then
            warn up "every service this run started has exited; stopping the rest"
            stop_started
            exit 1
        fi
    done
}

# The gateways sign access tokens with JWT_SECRET. Unless the caller set one, each installation
# gets its own random secret, made once and kept in .run/ (never committed, mode 600): the
# development default in application.yml is public, and the gateway refuses it outside dev/test.
ensure_jwt_secret() {
    local file="$PARLEY_RUN/jwt-secret"
    if [[ -n ${JWT_SECRET:-} ]]; then
        say secret "using JWT_SECRET from the environment"
        return
    fi
    if [[ ! -s $file ]]; then
        mkdir -p "$PARLEY_RUN"
        (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n=' >"$file")
        say secret "generated a random JWT secret in $(rel "$file")"
    fi
    JWT_SECRET="$(cat "$file")"
    export JWT_SECRET
}

infra_up
ensure_jwt_secret
if [[ $PARLEY_TLS == 1 ]]; then
    if [[ -s $PARLEY_TLS_DIR/key.pem && -s $PARLEY_TLS_DIR/cert.pem && \
        $PARLEY_TLS_DIR != "$PARLEY_RUN/tls" ]]; then
        say tls "using $PARLEY_TLS_DIR/key.pem and cert.pem"
    else
        ensure_packages openssl
        "$PARLEY_ROOT/infra/scripts/tls-cert.sh" "$PARLEY_TLS_DIR" >/dev/null ||
            die tls "could not make a self-signed pair in $(rel "$PARLEY_TLS_DIR")"
        say tls "self-signed pair in $(rel "$PARLEY_TLS_DIR") (trust cert.pem, or accept it once in the browser)"
    fi
fi
if [[ $tracing == 1 ]]; then
    start_zipkin
fi
ensure_packages jq
ensure_database parley
plan_services
if ((${#to_start[@]} > 0)); then
    build
    check_jars
    for name in "${to_start[@]}"; do
        start_service "$name"
    done
else
    # Rebuilding would replace the jars under the running JVMs.
    say build "skipped: every service is already running"
fi
await_ready
print_table

if [[ $detach == 1 ]]; then
    say up "detached; infra/scripts/down.sh stops services and infrastructure"
    exit 0
fi
if ((${#PARLEY_STARTED[@]} == 0)); then
    say up "everything was already running; infra/scripts/down.sh stops it"
    exit 0
fi
watch_services
