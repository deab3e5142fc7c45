#!/bin/sh
# Deploy benchmark against a real OpenSSH sshd on 127.0.0.1 (see README, "Performance").
# Usage: bench/deploy-benchmark.sh [--reps N] [--size-mb M] [--keep] [--verbose]
#        bench/deploy-benchmark.sh --rollout [--reps N] [--keep]   (deploys over 1, 4 and 10 hosts: RolloutBenchmark)
# Installs openssh-server when /usr/sbin/sshd is missing (needs root), compiles the test tree,
# then runs org.stageboard.bench.DeployBenchmark, which starts its own sshd (own config, host key,
# authorized key, free high port), measures, prints a table and stops everything it started.
# Targets are reported PASS/MISS; the exit code is non-zero only when the benchmark cannot run.
set -eu
cd "$(dirname "$0")/.."

if [ ! -x /usr/sbin/sshd ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "OpenSSH's sshd is missing: run as root once, or 'sudo apt-get install -y openssh-server'." >&2
        exit 1
    fi
    echo "installing openssh-server (sshd is missing)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y openssh-server >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y openssh-server >/dev/null; }
fi
# sshd refuses to start without its privilege-separation directory.
[ -d /run/sshd ] || mkdir -p /run/sshd 2>/dev/null || true

./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt

JAVA=java
[ -n "${JAVA_HOME:-}" ] && JAVA="$JAVA_HOME/bin/java"
MAIN=org.stageboard.bench.DeployBenchmark
if [ "${1:-}" = "--rollout" ]; then
    MAIN=org.stageboard.bench.RolloutBenchmark
    shift
fi
exec "$JAVA" -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" "$MAIN" "$@"
