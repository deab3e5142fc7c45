#!/bin/sh
# Builds a self-contained app image (its own trimmed Java runtime) with jpackage from JDK 17+.
# Run after './mvnw -q package -DskipTests'. Output: target/dist/Stageboard/bin/Stageboard
set -eu
cd "$(dirname "$0")/.."

JAR=$(ls target/stageboard-*.jar | grep -v -e sources -e javadoc | head -n 1)
rm -rf target/package-input target/runtime target/dist
mkdir -p target/package-input
cp target/lib/*.jar target/package-input/
cp "$JAR" target/package-input/

# The modules the app needs, plus the ones loaded by name at runtime (crypto for SSH, charsets, zip).
MODULES=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps --class-path 'target/lib/*' "$JAR")
jlink --strip-debug --no-header-files --no-man-pages --compress=2 \
      --add-modules "$MODULES,jdk.crypto.ec,jdk.charsets,jdk.zipfs,jdk.localedata" \
      --output target/runtime

jpackage --type app-image --name Stageboard --app-version 0.1.0 \
         --input target/package-input --main-jar "$(basename "$JAR")" \
         --main-class org.stageboard.app.Launcher \
         --runtime-image target/runtime \
         --icon packaging/stageboard.png \
         --dest target/dist
echo "app image: target/dist/Stageboard (run target/dist/Stageboard/bin/Stageboard)"
