# shellcheck shell=bash
# Shared functions of up.sh, down.sh and test.sh. Source it; on its own it does nothing.
#
# Every ensure_/start_ function is idempotent and prints one line saying what it did. Processes
# these scripts start get a pid file in .run/pids/<name>.pid; a process without one (MariaDB or
# Redis that were already running, say) is never stopped by them.

if [[ -n "${PARLEY_LIB_LOADED:-}" ]]; then
    return 0
fi
PARLEY_LIB_LOADED=1

PARLEY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PARLEY_RUN="$PARLEY_ROOT/.run"
PARLEY_PIDS="$PARLEY_RUN/pids"
PARLEY_LOGS="$PARLEY_RUN/logs"

# Fixed ports: the services' defaults point at these.
MARIADB_PORT=3306
REDIS_PORT=6379
ETCD_PORT=2379
ETCD_PEER_PORT=2380
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093

# Several JVMs share two cores: small heaps, the serial collector and C1 only start fastest.
PARLEY_JAVA_OPTS="${PARLEY_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
KAFKA_JAVA_OPTS="${KAFKA_JAVA_OPTS:--Xms128m -Xmx512m -XX:+UseSerialGC}"

# Names of the processes this shell started, in start order, so a script can stop exactly those.
PARLEY_STARTED=()
PARLEY_APT_UPDATED=0
SPAWNED_PID=

mkdir -p "$PARLEY_PIDS" "$PARLEY_LOGS"

say() {
    printf '%-10s %s\n' "$1" "$2"
}

warn() {
    printf '%-10s %s\n' "$1" "$2" >&2
}

die() {
    printf '%-10s %s\n' "$1" "$2" >&2
    exit 1
}

# A path relative to the repository root, for messages.
rel() {
    printf '%s' "${1#"$PARLEY_ROOT"/}"
}

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo -n "$@"
    else
        die setup "need root (or password-less sudo) for: $*"
    fi
}

# ---------------------------------------------------------------------------------------------
# Probes and waiting

port_open() {
    # shellcheck disable=SC2016 # expanded by the inner shell
    timeout 1 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}

http_ok() {
    if [[ $1 == https://* && -s $PARLEY_TLS_DIR/cert.pem ]]; then
        curl -fsS -o /dev/null --max-time 2 --cacert "$PARLEY_TLS_DIR/cert.pem" "$1" 2>/dev/null
    else
        curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null
    fi
}

# Alive and not a zombie: a child that exited stays in the table until its parent reaps it.
pid_alive() {
    local state
    kill -0 "$1" 2>/dev/null || return 1
    state="$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)"
    [[ -n $state && $state != Z ]]
}

# wait_until SECONDS PID CMD...: run CMD every half second until it succeeds (0), SECONDS pass (1)
# or, when PID is not empty, that process dies (2).
wait_until() {
    local secs=$1 pid=$2 deadline
    shift 2
    deadline=$(($(date +%s) + secs))
    while :; do
        if "$@"; then
            return 0
        fi
        if [[ -n $pid ]] && ! pid_alive "$pid"; then
            return 2
        fi
        if (($(date +%s) >= deadline)); then
            return 1
        fi
        sleep 0.5
    done
}

# wait_for_port NAME HOST PORT SECONDS [PID]
wait_for_port() {
    local rc=0
    wait_until "$4" "${5:-}" port_open "$2" "$3" || rc=$?
    case $rc in
        0) return 0 ;;
        1) warn "$1" "port $2:$3 still closed after $4 s" ;;
        *) warn "$1" "process ${5:-} exited before $2:$3 opened" ;;
    esac
    return 1
}

# wait_for_http NAME URL SECONDS [PID]
wait_for_http() {
    local rc=0
    wait_until "$3" "${4:-}" http_ok "$2" || rc=$?
    case $rc in
        0) return 0 ;;
        1) warn "$1" "$2 not OK after $3 s" ;;
        *) warn "$1" "process ${4:-} exited before $2 answered OK" ;;
    esac
    return 1
}

show_log_tail() {
    local log=$1 lines=${2:-40}
    if [[ -s $log ]]; then
        printf -- '----- last %s lines of %s -----\n' "$lines" "$(rel "$log")" >&2
        tail -n "$lines" "$log" >&2
        printf -- '-----\n' >&2
    else
        printf -- '----- %s is empty -----\n' "$(rel "$log")" >&2
    fi
}

# ---------------------------------------------------------------------------------------------
# Processes we own

# What must appear in a process's command line for its pid file to be believed (pids get reused).
proc_marker() {
    case $1 in
        mariadb) echo mariadbd ;;
        redis) echo redis-server ;;
        etcd) echo etcd ;;
        kafka) echo kafka.Kafka ;;
        zipkin) echo zipkin-server ;;
        gateway-1) echo im.gateway.id=gw-1 ;;
        gateway-2) echo im.gateway.id=gw-2 ;;
        *) echo "$1.jar" ;;
    esac
}

pid_gone() {
    ! pid_alive "$1"
}

# Prints the pid of NAME when its pid file names a live process of ours. A pid file whose process
# is gone is removed; one whose pid now belongs to another program is ignored.
running_pid() {
    local file="$PARLEY_PIDS/$1.pid" pid
    [[ -s $file ]] || return 1
    pid="$(<"$file")"
    if ! [[ $pid =~ ^[0-9]+$ ]] || pid_gone "$pid"; then
        rm -f "$file"
        return 1
    fi
    [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" == *"$(proc_marker "$1")"* ]] || return 1
    echo "$pid"
}

# Keeps one previous log: a restart should not bury the last failure under the new start.
rotate_log() {
    if [[ -s $1 ]]; then
        mv -f "$1" "$1.1"
    fi
}

# spawn NAME LOG CMD...: start CMD in a session of its own (a Ctrl-C in the terminal reaches
# only the script, which then stops it in order), output to LOG, pid in .run/pids/NAME.pid and
# in SPAWNED_PID.
spawn() {
    local name=$1 log=$2 pidfile="$PARLEY_PIDS/$1.pid"
    shift 2
    rm -f "$pidfile"
    rotate_log "$log"
    # The inner shell writes its own pid, closes every descriptor it inherited beyond stdio (a
    # lock that flock(1) holds around the caller must not live on in a service), and then becomes
    # CMD, so the file names CMD itself.
    # shellcheck disable=SC2016
    setsid bash -c 'echo $$ >"$0"
        for fd in /proc/$$/fd/*; do fd=${fd##*/}; ((fd > 2)) && eval "exec $fd>&-"; done
        exec "$@"' "$pidfile" "$@" >>"$log" 2>&1 </dev/null &
    wait_until 5 "" test -s "$pidfile" || die "$name" "did not start: $*"
    SPAWNED_PID="$(<"$pidfile")"
    PARLEY_STARTED+=("$name")
}

# stop_process NAME [SECONDS]: SIGTERM, wait, SIGKILL after SECONDS. Silent when NAME is not ours.
stop_process() {
    local name=$1 secs=${2:-30} pid
    pid="$(running_pid "$name")" || return 0
    kill -TERM "$pid" 2>/dev/null || true
    if wait_until "$secs" "" pid_gone "$pid"; then
        say "$name" "stopped (pid $pid)"
    else
        kill -KILL "$pid" 2>/dev/null || true
        wait_until 5 "" pid_gone "$pid" || true
        warn "$name" "killed (pid $pid): still running $secs s after SIGTERM"
    fi
    rm -f "$PARLEY_PIDS/$name.pid"
}

stop_timeout() {
    case $1 in
        mariadb) echo 60 ;;
        kafka) echo 40 ;;
        *) echo 30 ;;
    esac
}

# Stops what this shell started, newest first.
stop_started() {
    local i name
    for ((i = ${#PARLEY_STARTED[@]} - 1; i >= 0; i--)); do
        name=${PARLEY_STARTED[i]}
        stop_process "$name" "$(stop_timeout "$name")"
    done
    PARLEY_STARTED=()
}

# ---------------------------------------------------------------------------------------------
# Packages

package_installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

# ensure_packages PKG...: installs the missing ones; apt-get update only when something is missing.
ensure_packages() {
    local missing=() p log="$PARLEY_LOGS/apt.log"
    for p in "$@"; do
        package_installed "$p" || missing+=("$p")
    done
    if ((${#missing[@]} == 0)); then
        say apt "present: $*"
        return 0
    fi
    if ((PARLEY_APT_UPDATED == 0)); then
        as_root apt-get update -q >>"$log" 2>&1 || {
            show_log_tail "$log" 20
            die apt "apt-get update failed"
        }
        PARLEY_APT_UPDATED=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" \
        >>"$log" 2>&1 || {
        show_log_tail "$log" 20
        die apt "could not install: ${missing[*]}"
    }
    say apt "installed: ${missing[*]}"
}

# kubectl renders infra/k8s (kubectl kustomize) for infra's KubernetesManifestsTest; any kubectl
# on PATH will do, else Debian's kubernetes-client (kubectl 1.20, kustomize v2.0, which the
# manifests are kept within).
ensure_kubectl() {
    if command -v kubectl >/dev/null; then
        say kubectl "present: $(kubectl version --client 2>/dev/null | head -1)"
        return 0
    fi
    ensure_packages kubernetes-client
}

# ---------------------------------------------------------------------------------------------
# MariaDB

# The server answers on TCP. A refused login counts: ensure_mariadb_root deals with that.
mariadb_alive() {
    local out
    out="$(mariadb-admin --protocol=tcp -h127.0.0.1 -P"$MARIADB_PORT" -uroot \
        --connect-timeout=2 ping 2>&1)" && return 0
    [[ $out == *"is not allowed to connect"* || $out == *"Access denied"* ]]
}

start_mariadb() {
    local pid
    if port_open 127.0.0.1 "$MARIADB_PORT"; then
        if pid="$(running_pid mariadb)"; then
            say mariadb "running on 127.0.0.1:$MARIADB_PORT (started by these scripts, pid $pid)"
        else
            say mariadb "already running on 127.0.0.1:$MARIADB_PORT"
        fi
        return 0
    fi
    ensure_packages mariadb-server mariadb-client
    as_root install -d -o mysql -g mysql /run/mysqld
    if [[ ! -d /var/lib/mysql/mysql ]]; then
        as_root mariadb-install-db --user=mysql --datadir=/var/lib/mysql \
            >>"$PARLEY_LOGS/mariadb.log" 2>&1 || die mariadb "mariadb-install-db failed"
    fi
    rotate_log "$PARLEY_LOGS/mariadb.log"
    as_root start-stop-daemon --start --oknodo --background --make-pidfile \
        --pidfile "$PARLEY_PIDS/mariadb.pid" --output "$PARLEY_LOGS/mariadb.log" \
        --exec /usr/sbin/mariadbd -- --user=mysql --bind-address=127.0.0.1 --port="$MARIADB_PORT" ||
        die mariadb "start-stop-daemon could not start /usr/sbin/mariadbd"
    pid="$(cat "$PARLEY_PIDS/mariadb.pid" 2>/dev/null)" || die mariadb "no pid file was written"
    PARLEY_STARTED+=(mariadb)
    wait_until 60 "$pid" mariadb_alive || {
        show_log_tail "$PARLEY_LOGS/mariadb.log"
        die mariadb "not answering on 127.0.0.1:$MARIADB_PORT (see also /var/log/mysql/error.log)"
    }
    say mariadb "started on 127.0.0.1:$MARIADB_PORT (pid $pid)"
}

mariadb_tcp() {
    mariadb --protocol=tcp -h127.0.0.1 -P"$MARIADB_PORT" -uroot --connect-timeout=5 "$@"
}

# The services log in as root with an empty password over TCP. A fresh Debian install lets root
# in through the unix socket only (and with skip-name-resolve, 127.0.0.1 is not "localhost"), so
# on a development box the TCP login is opened the same way, through the socket.
ensure_mariadb_root() {
    if mariadb_tcp -e 'SELECT 1' >/dev/null 2>&1; then
        return 0
    fi
    as_root mariadb -uroot -e "
        ALTER USER 'root'@'localhost'
            IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket;
        CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
        GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;" \
        >>"$PARLEY_LOGS/mariadb-setup.log" 2>&1 ||
        die mariadb "root cannot log in over TCP with an empty password, nor through the socket"
    mariadb_tcp -e 'SELECT 1' >/dev/null 2>&1 ||
        die mariadb "root still cannot log in over TCP; see $(rel "$PARLEY_LOGS/mariadb-setup.log")"
    say mariadb "allowed root with an empty password over TCP (local development)"
}

# ensure_database NAME
ensure_database() {
    local name=$1 exists
    [[ $name =~ ^[A-Za-z0-9_]+$ ]] || die mariadb "bad database name: $name"
    ensure_mariadb_root
    exists="$(mariadb_tcp -N -B -e \
        "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '$name'")" ||
        die mariadb "cannot query 127.0.0.1:$MARIADB_PORT"
    if [[ $exists == 1 ]]; then
        say mariadb "database $name exists"
        return 0
    fi
    mariadb_tcp -e "CREATE DATABASE IF NOT EXISTS \`$name\` \
CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" || die mariadb "cannot create database $name"
    say mariadb "database $name created"
}

# ---------------------------------------------------------------------------------------------
# Redis

start_redis() {
    local pid
    if port_open 127.0.0.1 "$REDIS_PORT"; then
        if pid="$(running_pid redis)"; then
            say redis "running on 127.0.0.1:$REDIS_PORT (started by these scripts, pid $pid)"
        else
            say redis "already running on 127.0.0.1:$REDIS_PORT"
        fi
        return 0
    fi
    ensure_packages redis-server
    mkdir -p "$PARLEY_RUN/redis"
    rotate_log "$PARLEY_LOGS/redis.log"
    # Nothing is persisted: presence and rate limits are rebuilt by the running services.
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" \
        --appendonly no --dir "$PARLEY_RUN/redis" --pidfile "$PARLEY_PIDS/redis.pid" \
        --logfile "$PARLEY_LOGS/redis.log" || die redis "redis-server failed"
    wait_until 10 "" running_pid redis >/dev/null || die redis "no pid file appeared"
    pid="$(running_pid redis)"
    PARLEY_STARTED+=(redis)
    wait_for_port redis 127.0.0.1 "$REDIS_PORT" 20 "$pid" || {
        show_log_tail "$PARLEY_LOGS/redis.log"
        die redis "did not open 127.0.0.1:$REDIS_PORT"
    }
    say redis "started on 127.0.0.1:$REDIS_PORT (pid $pid)"
}

# ---------------------------------------------------------------------------------------------
# etcd

etcd_healthy() {
    [[ "$(curl -fsS --max-time 2 "http://127.0.0.1:$ETCD_PORT/health" 2>/dev/null)" == \
        *'"health":"true"'* ]]
}

start_etcd() {
    local pid
    if etcd_healthy; then
        if pid="$(running_pid etcd)"; then
            say etcd "running on http://127.0.0.1:$ETCD_PORT (started by these scripts, pid $pid)"
        else
            say etcd "already running on http://127.0.0.1:$ETCD_PORT"
        fi
        return 0
    fi
    if port_open 127.0.0.1 "$ETCD_PORT"; then
        # Perhaps still starting; give it a moment before calling the port taken.
        wait_until 15 "" etcd_healthy ||
            die etcd "127.0.0.1:$ETCD_PORT is open but /health is not OK; is it etcd?"
        say etcd "already running on http://127.0.0.1:$ETCD_PORT"
        return 0
    fi
    ensure_packages etcd-server etcd-client
    mkdir -p "$PARLEY_RUN/etcd"
    spawn etcd "$PARLEY_LOGS/etcd.log" etcd --name parley --data-dir "$PARLEY_RUN/etcd" \
        --logger zap \
        --listen-client-urls "http://127.0.0.1:$ETCD_PORT" \
        --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
        --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
        --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
        --initial-cluster "parley=http://127.0.0.1:$ETCD_PEER_PORT"
    pid=$SPAWNED_PID
    wait_until 30 "$pid" etcd_healthy || {
        show_log_tail "$PARLEY_LOGS/etcd.log"
        die etcd "not healthy at http://127.0.0.1:$ETCD_PORT/health"
    }
    say etcd "started on http://127.0.0.1:$ETCD_PORT (pid $pid, data $(rel "$PARLEY_RUN/etcd"))"
}

# ---------------------------------------------------------------------------------------------
# Kafka: one node in KRaft combined mode, run from the jars of infra/kafka/pom.xml

KAFKA_HOME="$PARLEY_RUN/kafka"

# Fetches the broker's jars once; a changed infra/kafka/pom.xml fetches them again.
kafka_fetch() {
    local lib="$KAFKA_HOME/lib" pom="$PARLEY_ROOT/infra/kafka/pom.xml" stamp log
    stamp="$lib/.pom-$(cksum <"$pom" | cut -d' ' -f1)"
    if [[ -f $stamp ]]; then
        say kafka "jars present in $(rel "$lib")"
        return 0
    fi
    log="$PARLEY_LOGS/kafka-fetch.log"
    rm -rf "$lib"
    mkdir -p "$lib"
    (cd "$PARLEY_ROOT" && ./mvnw -B -q -f infra/kafka/pom.xml dependency:copy-dependencies \
        -DoutputDirectory="$lib") >"$log" 2>&1 || {
        show_log_tail "$log" 30
        die kafka "could not fetch the broker jars (./mvnw -f infra/kafka/pom.xml)"
    }
    touch "$stamp"
    say kafka "fetched $(find "$lib" -name '*.jar' | wc -l) jars into $(rel "$lib")"
}

kafka_java() {
    # shellcheck disable=SC2086 # KAFKA_JAVA_OPTS is a list of flags
    java $KAFKA_JAVA_OPTS -Dlog4j2.configurationFile="$PARLEY_ROOT/infra/kafka/log4j2.properties" \
        -cp "$KAFKA_HOME/lib/*" "$@"
}

# Writes the effective server.properties and formats the storage the first time only.
kafka_prepare() {
    local props="$KAFKA_HOME/server.properties" data="$KAFKA_HOME/data" id
    {
        cat "$PARLEY_ROOT/infra/kafka/server.properties"
        printf '\n# written by infra/scripts/lib.sh\nlog.dirs=%s\n' "$data"
    } >"$props"
    if [[ -f $data/meta.properties ]]; then
        return 0
    fi
    mkdir -p "$data"
    # The tool logs to stdout as well; the id is the line of 22 base64url characters.
    id="$(kafka_java kafka.tools.StorageTool random-uuid 2>>"$PARLEY_LOGS/kafka-format.log" |
        grep -E '^[A-Za-z0-9_-]{22}$' | tail -n 1)" || true
    [[ -n $id ]] || die kafka "StorageTool random-uuid printed no cluster id"
    kafka_java kafka.tools.StorageTool format -t "$id" -c "$props" \
        >>"$PARLEY_LOGS/kafka-format.log" 2>&1 || {
        show_log_tail "$PARLEY_LOGS/kafka-format.log" 20
        die kafka "StorageTool format failed"
    }
    say kafka "formatted $(rel "$data") (cluster $id)"
}

start_kafka() {
    local pid
    if port_open 127.0.0.1 "$KAFKA_PORT"; then
        if pid="$(running_pid kafka)"; then
            say kafka "running on 127.0.0.1:$KAFKA_PORT (started by these scripts, pid $pid)"
        else
            say kafka "already running on 127.0.0.1:$KAFKA_PORT"
        fi
        return 0
    fi
    if port_open 127.0.0.1 "$KAFKA_CONTROLLER_PORT"; then
        die kafka "127.0.0.1:$KAFKA_CONTROLLER_PORT (controller) is taken by another program"
    fi
    kafka_fetch
    kafka_prepare
    # shellcheck disable=SC2086 # KAFKA_JAVA_OPTS is a list of flags
    spawn kafka "$PARLEY_LOGS/kafka.log" java $KAFKA_JAVA_OPTS \
        -Dlog4j2.configurationFile="$PARLEY_ROOT/infra/kafka/log4j2.properties" \
        -cp "$KAFKA_HOME/lib/*" kafka.Kafka "$KAFKA_HOME/server.properties"
    pid=$SPAWNED_PID
    wait_for_port kafka 127.0.0.1 "$KAFKA_PORT" 90 "$pid" || {
        show_log_tail "$PARLEY_LOGS/kafka.log"
        die kafka "did not open 127.0.0.1:$KAFKA_PORT"
    }
    say kafka "started on 127.0.0.1:$KAFKA_PORT (pid $pid, data $(rel "$KAFKA_HOME/data"))"
}

# ---------------------------------------------------------------------------------------------
# Everything the services and the integration tests need

infra_up() {
    ensure_packages curl ca-certificates
    start_mariadb
    start_redis
    start_etcd
    start_kafka
}

# ---------------------------------------------------------------------------------------------
# The services

# shellcheck disable=SC2034 # read by up.sh
PARLEY_SERVICES=(logic session job gateway-1 gateway-2)
# up.sh --double (PARLEY_DOUBLE=1): a second logic, session and job beside the two gateways, all
# found through etcd and balanced by the callers. down.sh stops them whether or not it is given.
PARLEY_DOUBLES=(logic-2 session-2 job-2)
if [[ ${PARLEY_DOUBLE:-0} == 1 ]]; then
    PARLEY_SERVICES+=("${PARLEY_DOUBLES[@]}")
fi

service_module() {
    case $1 in
        gateway-*) echo gateway ;;
        *-2) echo "${1%-2}" ;;
        *) echo "$1" ;;
    esac
}

# up.sh --tls (PARLEY_TLS=1): the gateways serve HTTPS/WSS only, on 8443 and 8444, with the
# self-signed pair of infra/scripts/tls-cert.sh in .run/tls (or PARLEY_TLS_DIR's key.pem and
# cert.pem, e.g. a real certificate).
PARLEY_TLS=${PARLEY_TLS:-0}
PARLEY_TLS_DIR=${PARLEY_TLS_DIR:-$PARLEY_RUN/tls}

service_tls() {
    [[ $PARLEY_TLS == 1 && $1 == gateway-* ]]
}

# The base URL of a service's HTTP port: https for the gateways under --tls.
service_url() {
    if service_tls "$1"; then
        echo "https://127.0.0.1:$(service_port "$1")"
    else
        echo "http://127.0.0.1:$(service_port "$1")"
    fi
}

service_port() {
    if service_tls "$1"; then
        case $1 in
            gateway-1) echo 8443 && return ;;
            gateway-2) echo 8444 && return ;;
        esac
    fi
    case $1 in
        logic) echo 8090 ;;
        session) echo 8091 ;;
        job) echo 8092 ;;
        gateway-1) echo 8080 ;;
        gateway-2) echo 8081 ;;
        logic-2) echo 8093 ;;
        session-2) echo 8094 ;;
        job-2) echo 8095 ;;
        *) die "$1" "unknown service" ;;
    esac
}

# The -D properties that make one instance differ from its defaults.
# Set by up.sh --tracing: every service exports its spans to the local Zipkin.
PARLEY_TRACING_PROPS=""

service_props() {
    echo "$PARLEY_TRACING_PROPS"
    case $1 in
        logic) echo "-Dim.grpc.port=9090" ;;
        session) echo "-Dim.grpc.port=9091" ;;
        logic-2) echo "-Dim.grpc.port=9190" ;;
        session-2) echo "-Dim.grpc.port=9191" ;;
        gateway-1) echo "-Dim.gateway.id=gw-1" ;;
        gateway-2) echo "-Dim.gateway.id=gw-2" ;;
    esac
    if service_tls "$1"; then
        echo "-Dmicronaut.server.ssl.enabled=true -Dmicronaut.server.ssl.port=$(service_port "$1")"
        echo "-Dmicronaut.server.ssl.key-store.key-path=file:$PARLEY_TLS_DIR/key.pem"
        echo "-Dmicronaut.server.ssl.key-store.certificate-path=file:$PARLEY_TLS_DIR/cert.pem"
    fi
}

service_jar() {
    local module
    module="$(service_module "$1")"
    echo "$PARLEY_ROOT/$module/target/$module.jar"
}

# ---------------------------------------------------------------------------------------------
# Zipkin (up.sh --tracing): the tracing server, one jar from Maven Central, spans kept in memory

ZIPKIN_VERSION=3.5.1
ZIPKIN_PORT=9411
ZIPKIN_HOME="$PARLEY_RUN/zipkin"

zipkin_fetch() {
    local jar="$ZIPKIN_HOME/zipkin-server-$ZIPKIN_VERSION-exec.jar" log="$PARLEY_LOGS/zipkin-fetch.log"
    if [[ -f $jar ]]; then
        return 0
    fi
    mkdir -p "$ZIPKIN_HOME"
    (cd "$PARLEY_ROOT" && ./mvnw -B -q dependency:copy \
        -Dartifact="io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" \
        -DoutputDirectory="$ZIPKIN_HOME") >"$log" 2>&1 || {
        show_log_tail "$log" 30
        die zipkin "could not fetch io.zipkin:zipkin-server:$ZIPKIN_VERSION:exec"
    }
    say zipkin "fetched $(rel "$jar")"
}

start_zipkin() {
    local pid
    if pid="$(running_pid zipkin)"; then
        say zipkin "already running (pid $pid)"
    elif http_ok "http://127.0.0.1:$ZIPKIN_PORT/health"; then
        say zipkin "already running on 127.0.0.1:$ZIPKIN_PORT (not started by these scripts)"
    else
        zipkin_fetch
        # shellcheck disable=SC2086 # PARLEY_JAVA_OPTS is a list of flags
        spawn zipkin "$PARLEY_LOGS/zipkin.log" env STORAGE_TYPE=mem QUERY_PORT="$ZIPKIN_PORT" \
            java -Xmx256m -XX:+UseSerialGC -jar "$ZIPKIN_HOME/zipkin-server-$ZIPKIN_VERSION-exec.jar"
        wait_for_http zipkin "http://127.0.0.1:$ZIPKIN_PORT/health" 90 "$SPAWNED_PID" ||
            die zipkin "not healthy within 90 s; see $(rel "$PARLEY_LOGS/zipkin.log")"
        say zipkin "ready: http://127.0.0.1:$ZIPKIN_PORT/zipkin/"
    fi
    PARLEY_TRACING_PROPS="-Dim.tracing.zipkin-url=http://127.0.0.1:$ZIPKIN_PORT/api/v2/spans"
}
