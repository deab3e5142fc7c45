#!/bin/sh
# Generates the large catalog issue 8 sizes the window for (see README, "Performance"): a real git
# repository with 10,000 commits and a Stageboard home whose catalog holds 5,000 builds, 20,000
# releases and 50,000 runs over three environments and four hosts, spread over two years.
# Usage: bench/large-catalog.sh FOLDER [--commits N] [--builds N] [--releases N] [--runs N]
# Then: STAGEBOARD_HOME=FOLDER/home ./mvnw javafx:run
set -eu
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/large-catalog.sh FOLDER [--commits N] [--builds N] [--releases N] [--runs N]" >&2; exit 2; }

./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt

JAVA=java
[ -n "${JAVA_HOME:-}" ] && JAVA="$JAVA_HOME/bin/java"
exec "$JAVA" -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
    org.stageboard.bench.LargeCatalog "$@"
