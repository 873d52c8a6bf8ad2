#!/bin/sh
# First start: initialize the data volume (MADANI_HANDLE names the organization); then serve.
set -e
JAR=/opt/madani/madani-node.jar
if [ ! -f "$MADANI_DATA_DIR/node.json" ]; then
  java -jar "$JAR" init --handle "${MADANI_HANDLE:?set MADANI_HANDLE for the first start}" \
    ${MADANI_NAME_AR:+--name-ar "$MADANI_NAME_AR"} ${MADANI_NAME_EN:+--name-en "$MADANI_NAME_EN"}
fi
# Optional (docker/compose.yaml): an admin API token for scripts, issued while the node is stopped.
if [ -n "$MADANI_ADMIN_TOKEN_FILE" ] && [ ! -s "$MADANI_ADMIN_TOKEN_FILE" ]; then
  java -jar "$JAR" token --label compose > "$MADANI_ADMIN_TOKEN_FILE.tmp" && mv "$MADANI_ADMIN_TOKEN_FILE.tmp" "$MADANI_ADMIN_TOKEN_FILE"
fi
# JVM settings as in ./madani (README "Memory and start-up"): serial GC, capped heap, code cache
# and metaspace, native memory the JIT freed handed back every 5 s, and a class-data-sharing archive
# the JVM writes into the data volume on the first start and maps on later ones (an archive, not
# JDK 25's AOT cache: it is written within docker stop's grace period). MADANI_HEAP and JAVA_OPTS
# override. Out of heap, the JVM exits and the restart policy starts the node again (README).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" # bounds glibc's per-thread arenas
# shellcheck disable=SC2086
exec java -XX:+UseSerialGC -Xms16m -Xmx"${MADANI_HEAP:-160m}" -XX:MaxDirectMemorySize=64m -Xss512k -XX:ReservedCodeCacheSize=48m \
  -XX:MaxMetaspaceSize=128m -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError -XX:-DontCompileHugeMethods -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$MADANI_DATA_DIR/.madani-cds.jsa" \
  -Xlog:cds=off -Xlog:cds+dynamic=off ${JAVA_OPTS:-} -jar "$JAR" serve
