#!/usr/bin/env sh
# Starts the packaged FireSync (or, with `sandbox ...`, the standalone sandbox) as README.md documents it: the jar
# the build extracted to firesync-app/target/firesync/, with the JDK AOT cache its training run wrote there
# (docs/benchmarks.md#memory). Arguments go to FireSync; JVM options go in JAVA_OPTS (e.g. JAVA_OPTS=-Xmx256m). The JDK
# is $JAVA_HOME/bin/java, else the `java` on the PATH (21 or later).
#
# Fallbacks, so that start-up never fails because of the cache: a JDK older than 24 (no AOT cache) or a missing cache
# runs the extracted jar without it; a JDK 24+ that cannot use this cache (another JDK build made it) says so in one
# warning and starts without it; without an extracted jar (a build with -Daot.skip=true) the fat jar runs. Not
# covered: JAVA_OPTS leaving the old generation no room at start (-Xmn as large as -Xms) stops the JDK ("Unable to use
# AOT cache"); give -Xms more. An -Xmx below 96m needs an -Xms (and -Xmn) of its own.
#
# Memory defaults for a small self-hosted process (docs/benchmarks.md#memory), each dropped when JAVA_OPTS or the
# environment chooses otherwise: the serial collector (no concurrent GC threads nor G1's remembered sets, which cost
# about 40 MB; pauses stay in milliseconds at a heap of a few hundred MB), a small initial heap that grows as needed
# with a young generation large enough for a sync's short-lived data,
# glibc malloc limited to two arenas, and (JDK 22+) idle native memory given back every few seconds.
set -eu
opts="${JAVA_OPTS:-}"
case " $opts " in
*" -XX:+Use"*"GC "*) ;;
*) opts="-XX:+UseSerialGC $opts" ;;
esac
# the serial collector's young generation fixed at 64 MB, two thirds of it survivor space kept up to 90% full: with less,
# a backfill's pages, alive for a second or two, are promoted, and the old generation grows to the maximum with them
# before its first full collection (docs/benchmarks.md, 2026-12-02 late morning)
case " $opts " in
*" -Xms"* | *" -XX:InitialHeapSize="* | *" -Xmn"* | *" -XX:NewSize="* | *" -XX:MaxNewSize="* | *" -XX:NewRatio="* | \
    *" -XX:SurvivorRatio="* | *" -XX:TargetSurvivorRatio="*) ;;
*" -XX:+UseSerialGC "*) opts="-Xms96m -Xmn64m -XX:SurvivorRatio=1 -XX:TargetSurvivorRatio=90 $opts" ;;
*) opts="-Xms32m $opts" ;;
esac
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
target="$(cd "$(dirname "$0")/.." && pwd)/firesync-app/target"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ ! -f "$target/firesync/firesync.jar" ]; then
    # shellcheck disable=SC2086 # several options
    exec "$java" $opts -jar "$target/firesync.jar" "$@"
fi
aot=""
# the JDK's release file names its version, read without starting a JVM
home="$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")"
major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null || true)"
if [ -f "$target/firesync/firesync.aot" ] && [ "${major:-0}" -ge 24 ]; then
    aot="-XX:AOTCache=$target/firesync/firesync.aot"
fi
case " $opts " in
*" -XX:TrimNativeHeapInterval="*) ;;
*) [ "${major:-0}" -ge 22 ] && opts="-XX:TrimNativeHeapInterval=5000 $opts" ;;
esac
# shellcheck disable=SC2086
exec "$java" $aot $opts -jar "$target/firesync/firesync.jar" "$@"
