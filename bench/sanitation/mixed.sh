#!/usr/bin/env bash
# Issue 16: the coverage engine alongside the muck alarm engine, a mixed fleet fed on one thread, reporting
# sanitation positions per second of wall time and per CPU-second of the feeding thread, with the GCs per iteration
# (MixedFleetHarness). Usage: bench/sanitation/mixed.sh [warmups=3] [iterations=8] [seconds=5] [muckPerBatch=50]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -o -B test-compile -Dspotless.skip=true
CP="target/test-classes:target/classes:$(find ~/.m2/repository/org/locationtech/jts/jts-core -name 'jts-core-*.jar' | grep -v sources | sort | tail -n 1)"
echo "== machine"; nproc; uptime; java -version 2>&1 | head -n 1
java -Xms512m -Xmx512m -cp "$CP" org.cityops.bench.sanitation.MixedFleetHarness "$@"
uptime
