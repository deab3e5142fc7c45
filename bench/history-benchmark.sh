#!/bin/sh
# A history filter through the engine against the same SQL on raw H2 (issue 8: ratio <= 1.5), on a
# home's catalog, e.g. the large one from bench/large-catalog.sh.
# Usage: bench/history-benchmark.sh HOME [ROUNDS]
set -eu
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/history-benchmark.sh HOME [ROUNDS]" >&2; exit 2; }

./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt

JAVA=java
[ -n "${JAVA_HOME:-}" ] && JAVA="$JAVA_HOME/bin/java"
exec "$JAVA" -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
    org.stageboard.bench.HistoryBenchmark "$@"
