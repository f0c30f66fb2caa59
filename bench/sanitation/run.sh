#!/usr/bin/env bash
# Coverage engine throughput (issue 16: 20,000 sanitation positions a second), the engine alone, one thread:
# JMH over a 5,000-segment lattice with 500 sweepers (see CoverageEngineBenchmark). Short on purpose (one fork,
# 2 × 3 s warm-up, 3 × 3 s measured): the machine is shared. Positions/s = the score (ops/s) × 1,000.
# Usage: bench/sanitation/run.sh   (the first run may need the network once: dependency:build-classpath)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -o -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-sanitation.cp -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-sanitation.cp)"
echo "== machine"; nproc; uptime; java -version 2>&1 | head -n 1
java -cp "$CP" org.openjdk.jmh.Main 'org.cityops.bench.sanitation.CoverageEngineBenchmark' -f 1 -t 1
uptime
