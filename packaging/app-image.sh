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
# --generate-cds-archive: the trimmed runtime keeps a class data sharing archive of its own classes
# (without it every start would load and verify the JDK's classes from scratch).
jlink --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
      --add-modules "$MODULES,jdk.crypto.ec,jdk.charsets,jdk.zipfs,jdk.localedata" \
      --output target/runtime

# The JVM options of packaging/jvm.options (one per line, no spaces in an option).
JAVA_OPTIONS=""
for option in $(grep -v '^#' packaging/jvm.options); do
    JAVA_OPTIONS="$JAVA_OPTIONS --java-options $option"
done

# shellcheck disable=SC2086 # JAVA_OPTIONS is split on purpose.
jpackage --type app-image --name Stageboard --app-version 0.1.0 $JAVA_OPTIONS \
         --input target/package-input --main-jar "$(basename "$JAR")" \
         --main-class org.stageboard.app.Launcher \
         --runtime-image target/runtime \
         --icon packaging/stageboard.png \
         --dest target/dist
echo "app image: target/dist/Stageboard (run target/dist/Stageboard/bin/Stageboard)"
