#!/usr/bin/env bash
# Puts the records parked on <namespace>.dead-letter back on their source topics, once each
# (io.parley.platform.kafka.DeadLetterReplay), then exits. Run it after fixing what made them
# fail. Arguments: [namespace=im] [bootstrap=127.0.0.1:9092]. Uses the built logic jar.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
jar=logic/target/logic.jar
[[ -f $jar ]] || ./mvnw -B -q -pl logic -am package -DskipTests
exec java -cp "$jar" io.parley.platform.kafka.DeadLetterReplay "${1:-im}" "${2:-127.0.0.1:9092}"
