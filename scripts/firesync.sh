#!/usr/bin/env sh
# Starts the packaged FireSync (or, with `sandbox ...`, the standalone sandbox) as README.md documents it: the jar
# the build extracted to firesync-app/target/firesync/, with the JDK AOT cache its training run wrote there
# (docs/benchmarks.md#memory). Arguments go to FireSync; JVM options go in JAVA_OPTS (e.g. JAVA_OPTS=-Xmx256m). The JDK
# is $JAVA_HOME/bin/java, else the `java` on the PATH (21 or later).
#
# Fallbacks, so that start-up never fails because of the cache: a JDK older than 24 (no AOT cache) or a missing cache
# runs the extracted jar without it; a JDK 24+ that cannot use this cache (another JDK build made it) says so in one
# warning and starts without it; without an extracted jar (a build with -Daot.skip=true) the fat jar runs.
set -eu
target="$(cd "$(dirname "$0")/.." && pwd)/firesync-app/target"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ ! -f "$target/firesync/firesync.jar" ]; then
    # shellcheck disable=SC2086 # JAVA_OPTS holds several options
    exec "$java" ${JAVA_OPTS:-} -jar "$target/firesync.jar" "$@"
fi
aot=""
# the JDK's release file names its version, read without starting a JVM
home="$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")"
major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null || true)"
if [ -f "$target/firesync/firesync.aot" ] && [ "${major:-0}" -ge 24 ]; then
    aot="-XX:AOTCache=$target/firesync/firesync.aot"
fi
# shellcheck disable=SC2086
exec "$java" $aot ${JAVA_OPTS:-} -jar "$target/firesync/firesync.jar" "$@"
