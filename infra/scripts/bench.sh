#!/usr/bin/env bash
# The chat latency benchmark (infra/src/main/java/io/parley/infra/bench/ChatBench.java) against
# a system started with infra/scripts/up.sh. Arguments: [users=200] [seconds=30]
# [ratePerUser=1] [gatewayA=http://127.0.0.1:8080] [gatewayB=http://127.0.0.1:8081].
# It signs in and befriends its users from one address: start the system with relaxed
# register/login limits, e.g. PARLEY_JAVA_OPTS="-Xmx256m -XX:+UseSerialGC
# -Dim.gateway.http-rate.auth-per-second=200 -Dim.gateway.http-rate.auth-burst=1000".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
./mvnw -B -q -pl infra -am -DskipTests install
./mvnw -B -q -f infra/pom.xml exec:java -Dexec.mainClass=io.parley.infra.bench.ChatBench \
    -Dexec.args="$*"
