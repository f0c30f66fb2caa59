#!/usr/bin/env bash
# Optional run mode on JDK 25+: the AOT cache (JEP 483 class loading and linking, JEP 515 method profiles; made in
# one step with -XX:AOTCacheOutput, JEP 514). Like cds.sh, but the training run is a whole demo start: an empty
# scratch database, Flyway, the demo city made, health UP; then the JVM is stopped and writes the cache of what it
# loaded, linked and profiled on the way. Start with it: java -XX:AOTCache=<out>/cityops.aot -jar <out>/app/….jar
# The cache only fits the same JDK and the same jars: make it again after every build.
# Usage: JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/startup/aot.sh [target/aot]
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=$(readlink -f "${1:-target/aot}")
JAR=$(readlink -f "$(ls target/cityops-*.jar | grep -v original | head -1)")
JAVA=${JAVA:-java}
PORT=${PORT:-18095}
JT_PORT=${JT_PORT:-18915}
"$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q AOTCacheOutput \
  || { echo "$JAVA has no -XX:AOTCacheOutput (JDK 25+ needed)"; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$OUT/app" >/dev/null
APP="$OUT/app/$(basename "$JAR")"
SCRATCH=$(mktemp -d /tmp/cityops-aot.XXXXXX)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$SCRATCH"' EXIT
(cd "$SCRATCH" && exec "$JAVA" -XX:AOTCacheOutput="$OUT/cityops.aot" -jar "$APP" --server.port="$PORT" \
    --cityops.telemetry.jt808.port="$JT_PORT" </dev/null >"$OUT/training.log" 2>&1) &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; do
  kill -0 "$pid" 2>/dev/null || { echo "training start died; see $OUT/training.log"; exit 1; }
  sleep 0.5
done
kill "$pid"; wait "$pid" 2>/dev/null || true
ls -l "$OUT/cityops.aot" >/dev/null
echo "cache: $OUT/cityops.aot ($(du -h "$OUT/cityops.aot" | cut -f1))"
echo "start: $JAVA -XX:AOTCache=$OUT/cityops.aot -jar $APP"
echo "measure: JAVA=$JAVA JAR=$APP bench/startup/measure.sh fresh 3 -- -XX:AOTCache=$OUT/cityops.aot"
