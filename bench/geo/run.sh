#!/usr/bin/env bash
# Grid lookup benchmark (not a test): JMH over 40,000 generated grid polygons (STRtree+PreparedGeometry vs a
# brute-force scan), then the same lookup as PostgreSQL queries (no PostGIS) against a scratch table.
# Usage: bench/geo/run.sh [jdbc-url] [user]      (default jdbc:postgresql://127.0.0.1:5432/postgres postgres)
# Runs briefly on purpose (one fork, short iterations): the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGURL="${1:-jdbc:postgresql://127.0.0.1:5432/postgres}"
PGUSER="${2:-postgres}"
./mvnw -q -o -B test-compile
./mvnw -q -o -B dependency:build-classpath -Dmdep.outputFile=target/bench-geo.cp -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-geo.cp)"
echo "== machine"; nproc; lscpu | head -n 15; java -version 2>&1 | head -n 1
echo "== JMH (one thread)"
java -cp "$CP" org.openjdk.jmh.Main 'org.cityops.bench.geo.GridLookupBenchmark' -f 1 -t 1 -wi 4 -w 3s -i 4 -r 3s
echo "== PostgreSQL comparison (one thread)"
java -cp "$CP" org.cityops.bench.geo.GridLookupPgBench "$PGURL" "$PGUSER" 5
