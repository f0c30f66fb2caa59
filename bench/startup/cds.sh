#!/usr/bin/env bash
# Optional run mode: class-data sharing (CDS) for the packaged jar (docs/benchmarks.md, "Start-up").
# 1. extracts the jar into the layout the JVM can share classes from (Spring Boot's `-Djarmode=tools extract`:
#    the application jar plus lib/, classpath in the manifest),
# 2. runs a training start that stops right after the Spring context has refreshed (-Dspring.context.exit=onRefresh;
#    on an empty scratch database, so Flyway and the beans run but no demo city is made) and writes the archive
#    of every class loaded on the way (-XX:ArchiveClassesAtExit, JDK 13+),
# 3. prints the command to start with it.
# Rebuild the archive after every new jar (the JVM refuses — with a warning, then runs without it — an archive
# made from other jars). Usage: bench/startup/cds.sh [target/cds]
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=$(readlink -f "${1:-target/cds}")
JAR=$(readlink -f "$(ls target/cityops-*.jar | grep -v original | head -1)")
JAVA=${JAVA:-java}
rm -rf "$OUT" && mkdir -p "$OUT"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$OUT/app" >/dev/null
APP="$OUT/app/$(basename "$JAR")"
SCRATCH=$(mktemp -d /tmp/cityops-cds.XXXXXX)
trap 'rm -rf "$SCRATCH"' EXIT
(cd "$SCRATCH" && "$JAVA" -XX:ArchiveClassesAtExit="$OUT/cityops.jsa" -Dspring.context.exit=onRefresh \
    -jar "$APP" --server.port=0 --cityops.telemetry.jt808.port=0 >"$OUT/training.log" 2>&1)
ls -l "$OUT/cityops.jsa" >/dev/null
echo "archive: $OUT/cityops.jsa ($(du -h "$OUT/cityops.jsa" | cut -f1))"
echo "start:   java -XX:SharedArchiveFile=$OUT/cityops.jsa -jar $APP"
