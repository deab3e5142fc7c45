#!/bin/sh
# Board benchmark (see README, "Performance"): cold start of the app to an interactive board on the
# large catalog ÷ cold start of a bare JavaFX window, both in fresh JVMs, side by side in one run;
# and the heap in use once the board is loaded. Generates the large catalog (bench/large-catalog.sh)
# in FOLDER first when FOLDER does not hold one.
# Usage: bench/board-benchmark.sh [--reps N] [FOLDER]   (default FOLDER: $TMPDIR/stageboard-large-catalog)
# Runs under $DISPLAY when set, else headless (Monocle). Targets are reported PASS/MISS; the exit
# code is non-zero only when the benchmark cannot run.
set -eu
cd "$(dirname "$0")/.."

./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt

JAVA=java
[ -n "${JAVA_HOME:-}" ] && JAVA="$JAVA_HOME/bin/java"
exec "$JAVA" -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
    org.stageboard.bench.BoardBenchmark "$@"
