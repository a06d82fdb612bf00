#!/usr/bin/env bash
# Stops what up.sh and test.sh started: the services, then the infrastructure processes that
# have a pid file in .run/pids/. MariaDB or Redis that were running before these scripts are
# left alone. Data (.run/etcd, .run/kafka/data, the MariaDB databases) stays.
set -euo pipefail

# shellcheck source=infra/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

services_only=0
for arg in "$@"; do
    case $arg in
        --services) services_only=1 ;;
        -h | --help)
            echo "Usage: infra/scripts/down.sh [--services]   (--services: leave the infrastructure up)"
            exit 0
            ;;
        *)
            echo "Usage: infra/scripts/down.sh [--services]" >&2
            exit 2
            ;;
    esac
done

names=(gateway-2 gateway-1 job-2 job session-2 session logic-2 logic)
if ((services_only == 0)); then
    names+=(zipkin kafka etcd redis mariadb)
fi

# Gateways first, so no socket is accepted while what serves it goes away; then the back end;
# the infrastructure last, in the reverse order of its start.
stopped=0
for name in "${names[@]}"; do
    if running_pid "$name" >/dev/null; then
        stop_process "$name" "$(stop_timeout "$name")"
        stopped=$((stopped + 1))
    fi
done

if ((stopped == 0)); then
    say down "nothing started by these scripts is running"
else
    say down "stopped $stopped process(es); data kept in $(rel "$PARLEY_RUN") and MariaDB"
fi
