#!/bin/sh
# Build benchmark (see README, "Performance"): cached rebuild ÷ cold build of the same commit, and
# exporting a 5,000-file commit ÷ `git archive | tar -x` of it, measured side by side in one run.
# Usage: bench/build-benchmark.sh [--reps N] [--keep]
# Needs git, javac and jar on PATH. Targets are reported PASS/MISS; the exit code is non-zero only
# when the benchmark cannot run.
set -eu
cd "$(dirname "$0")/.."

./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt

JAVA=java
[ -n "${JAVA_HOME:-}" ] && JAVA="$JAVA_HOME/bin/java"
exec "$JAVA" -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
    org.stageboard.bench.BuildBenchmark "$@"
