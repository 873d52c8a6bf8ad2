#!/bin/sh
# One-shot job of docker/compose.yaml: once every node is healthy, alpha, beta and gamma follow
# each other and the hub follows all three. Tokens come from each node's volume (read-only here),
# written by entrypoint.sh on the node's first start. Safe to run again: already following is fine.
set -e
JAR=/opt/madani/madani-node.jar
follow() { # follow <follower node> <followed node>
  java -XX:+UseSerialGC -Xmx64m -jar "$JAR" follow --url "http://$1:8080" \
    --token-file "/peers/$1/admin-token" --handle "$1" --actor "http://$2:8080/orgs/$2"
}
for a in alpha beta gamma; do
  for b in alpha beta gamma; do
    [ "$a" = "$b" ] || follow "$a" "$b"
  done
  follow hub "$a"
done
