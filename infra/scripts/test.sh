#!/usr/bin/env bash
# Runs every test: starts the infrastructure the integration tests talk to (MariaDB, Redis, etcd,
# Kafka; not the services, which the tests start themselves), makes sure Chromium is there for
# the browser tests, drops and creates the parley_test database (PARLEY_TEST_DB), then runs
# ./mvnw -B verify with any extra arguments, then the performance gate (loadlab/scripts/gate.sh;
# PARLEY_SKIP_GATE=1 skips it). Exits with Maven's exit code, or the gate's. Non-interactive and
# idempotent. Test namespaces (Kafka topics and groups, Redis keys) that killed runs left on a
# long-lived broker are reaped by the end-to-end harness when it starts (infra/src/test/java/
# io/parley/infra/cluster/StaleNamespaces.java), and service processes they left are killed
# there too (ServiceProcess.reapOrphans).
#
# Infrastructure this run started is stopped at the end when PARLEY_STOP_INFRA=1, which is the
# default under CI=true; otherwise it is left running for the next run (down.sh stops it).
set -euo pipefail

# shellcheck source=infra/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

exec </dev/null

if [[ ${CI:-} == true ]]; then
    stop_infra=${PARLEY_STOP_INFRA:-1}
else
    stop_infra=${PARLEY_STOP_INFRA:-0}
fi

now_ms() {
    date +%s%3N
}

# since START: seconds since START, one decimal.
since() {
    local ms=$(($(now_ms) - $1))
    printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100))
}

phases=()
phase_name=''
phase_started=0
t_start=$(now_ms)

begin_phase() {
    phase_name=$1
    phase_started=$(now_ms)
    say test "== $1"
}

end_phase() {
    phases+=("$(printf '%-14s %8s s' "$phase_name" "$(since "$phase_started")")")
    phase_name=''
}

# shellcheck disable=SC2317 # called by the EXIT trap
report() {
    local rc=$? line
    echo
    if [[ -n $phase_name ]]; then
        end_phase
        phases[-1]+="  (interrupted)"
    fi
    say test "timings"
    for line in "${phases[@]+"${phases[@]}"}"; do
        echo "  $line"
    done
    printf '  %-14s %8s s\n' total "$(since "$t_start")"
    if [[ $stop_infra == 1 ]] && ((${#PARLEY_STARTED[@]} > 0)); then
        say test "stopping the infrastructure this run started: ${PARLEY_STARTED[*]}"
        stop_started
    fi
    exit "$rc"
}
trap report EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

begin_phase infrastructure
infra_up
end_phase

begin_phase tools
ensure_packages chromium openssl
export CHROME_BIN="${CHROME_BIN:-/usr/bin/chromium}"
ensure_kubectl
if command -v npm >/dev/null; then
    say node "node $(node --version 2>/dev/null), npm $(npm --version 2>/dev/null)"
else
    warn node "npm is not on PATH; the web-client build will fail"
fi
end_phase

begin_phase database
# A fresh database every run: migrations of another branch left in a kept one would clash.
test_db=${PARLEY_TEST_DB:-parley_test}
[[ $test_db =~ ^parley_[A-Za-z0-9_]+$ ]] || die mariadb "PARLEY_TEST_DB must be parley_<name>"
ensure_mariadb_root
mariadb_tcp -e "DROP DATABASE IF EXISTS \`$test_db\`" || die mariadb "cannot drop $test_db"
say mariadb "dropped $test_db (if it existed)"
ensure_database "$test_db"
export PARLEY_TEST_DB=$test_db
end_phase

begin_phase maven
say test "./mvnw -B verify $*"
set +e
(cd "$PARLEY_ROOT" && ./mvnw -B verify "$@")
maven_rc=$?
set -e
end_phase

if ((maven_rc == 0)); then
    say test "maven verify passed"
else
    warn test "maven verify failed (exit $maven_rc)"
    exit "$maven_rc"
fi

# The performance gate (loadlab/scripts/gate.sh): an isolated system under a short load, strict on
# correctness, compared with loadlab/gate-baseline.json on speed. PARLEY_SKIP_GATE=1 skips it.
if [[ ${PARLEY_SKIP_GATE:-0} == 1 ]]; then
    say test "performance gate skipped (PARLEY_SKIP_GATE=1)"
    exit 0
fi
begin_phase gate
set +e
"$PARLEY_ROOT/loadlab/scripts/gate.sh"
gate_rc=$?
set -e
end_phase
if ((gate_rc == 0)); then
    say test "performance gate passed"
else
    warn test "performance gate failed (exit $gate_rc); see loadlab/target/runs/"
fi
exit "$gate_rc"
