#!/bin/sh
# Writes the app image's class data sharing archive (AppCDS): the classes a start of the window
# loads, already parsed and verified, which the JVM maps instead of reading them from the jars.
# Called by packaging/app-image.sh; IMAGE is the app image (target/dist/Stageboard).
#
# 1. A training start lists the classes: the image's own runtime and jars open the window
#    headless (Monocle, from the build's test classpath) on a small generated catalog, show its
#    board and exit (-Dstageboard.readyProbe=exit).
# 2. The image's runtime dumps those classes into IMAGE/lib/app/stageboard.jsa, with the image's
#    class path in the launcher's order (the archive is only used with that same class path).
#
# Lambda proxies are left out of the list: JDK 17's dump crashes on them
# (SIGSEGV in SystemDictionaryShared::adjust_lambda_proxy_class_dictionary).
set -eu
cd "$(dirname "$0")/.."
IMAGE=${1:-target/dist/Stageboard}
APP="$IMAGE/lib/app"
JAVA="$IMAGE/lib/runtime/bin/java"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# The launcher's class path, in its order ($APPDIR is the app folder).
CLASSPATH=$(sed -n 's/^app.classpath=\$APPDIR\///p' "$APP/Stageboard.cfg" | sed "s#^#$(cd "$APP" && pwd)/#" | paste -sd: -)
OPTIONS=$(grep -v '^#' packaging/jvm.options | paste -sd' ' -)

./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/test-classpath.txt"
MONOCLE=$(tr ':' '\n' < "$WORK/test-classpath.txt" | grep openjfx-monocle)
java -cp "target/classes:target/test-classes:$(cat "$WORK/test-classpath.txt")" org.stageboard.bench.LargeCatalog "$WORK/catalog" \
    --commits 300 --builds 100 --releases 300 --runs 600 > "$WORK/catalog.log"

# shellcheck disable=SC2086 # OPTIONS is split on purpose.
STAGEBOARD_HOME="$WORK/catalog/home" "$JAVA" $OPTIONS -XX:DumpLoadedClassList="$WORK/classes.txt" \
    -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k -Dstageboard.readyProbe=exit \
    -cp "$CLASSPATH:$MONOCLE" org.stageboard.app.Launcher > "$WORK/training.log" 2>&1 || { cat "$WORK/training.log"; exit 1; }
grep -q stageboard-ready "$WORK/training.log" || { echo "the training start did not reach its board:"; cat "$WORK/training.log"; exit 1; }
grep -v '^@lambda-proxy' "$WORK/classes.txt" > "$WORK/classes-no-lambdas.txt"

rm -f "$APP/stageboard.jsa"
"$JAVA" -Xshare:dump -XX:SharedClassListFile="$WORK/classes-no-lambdas.txt" -XX:SharedArchiveFile="$APP/stageboard.jsa" \
    -cp "$CLASSPATH" > "$WORK/dump.log" 2>&1 || { tail -20 "$WORK/dump.log"; exit 1; }
echo "class archive: $APP/stageboard.jsa ($(wc -l < "$WORK/classes-no-lambdas.txt") classes listed, $(du -h "$APP/stageboard.jsa" | cut -f1))"
