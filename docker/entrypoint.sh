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
exec java -XX:+UseSerialGC -Xmx128m -jar "$JAR" serve
