#!/usr/bin/env bash
# Runs the JT/T 808 truck simulator against a running cityops (or any JT/T 808 server).
#   bench/telemetry/simulate.sh --host 127.0.0.1 --port 7808 --trucks 50 --rate 0.2 --duration 600 \
#       --misbehaving 0.1 --v2019 0.5 --first-phone 13800000000
# The app only gives auth codes to terminals its registry knows; for a demo with simulated numbers start it with
#   --cityops.telemetry.jt808.allow-unknown=true
# Every muck alarm type on the demo registry (docs/muck.md):
#   bench/telemetry/simulate.sh --scenario all-alarms --host 127.0.0.1 --port 7808
# The simulator is not in the product jar: its sources (src/sim/java) are compiled with the tests, into
# target/test-classes, and it runs on them plus the product's classes (the JT/T 808 codec) and runtime classpath.
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE=target/telemetry-sim.classpath
if [ ! -f target/test-classes/org/cityops/telemetry/sim/TruckSimulator.class ]; then
  ./mvnw -q -B -DskipTests test-compile
fi
if [ ! -f "$CP_FILE" ] || [ pom.xml -nt "$CP_FILE" ]; then
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime
fi
exec java ${SIM_JAVA_OPTS:--Xmx1g} -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" \
  org.cityops.telemetry.sim.TruckSimulator "$@"
