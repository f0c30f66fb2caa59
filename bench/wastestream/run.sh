#!/usr/bin/env bash
# Kitchen waste, a month of 1,000,000 pickups on PostgreSQL (issue 17: import ≥ 20,000 rows/s; trip balancing and the
# monthly report < 5 s). See WasteMonthBench and docs/benchmarks.md.
#   bench/wastestream/run.sh [db]    # PostgreSQL database to create and drop (default h_waste_bench)
# Options: PICKUPS (default 1000000), IMPORT=csv (default: one CSV file through BulkCollections) or api (batches
# of 2,000 through Collections.submit), KEEP=1 keeps the database, JAVA_OPTS adds JVM options (e.g. a flight
# recording: JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/waste.jfr,settings=profile).
set -euo pipefail
cd "$(dirname "$0")/../.."
db=${1:-h_waste_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
./mvnw -B -ntp -q -o test-compile -Djacoco.skip=true
cpfile=$(mktemp)
./mvnw -B -ntp -q -o dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test
cp=$(cat "$cpfile"); rm -f "$cpfile"
psql -d postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
export CITYOPS_DB_URL="jdbc:postgresql://$PGHOST:5432/$db?reWriteBatchedInserts=true" CITYOPS_DB_USER=$PGUSER
echo "== machine"; nproc; uptime
java -Xmx1500m ${JAVA_OPTS:-} -Dpickups="${PICKUPS:-1000000}" -Dimport="${IMPORT:-csv}" -Dcityops.telemetry.jt808.port=0 \
  -cp "target/test-classes:target/classes:$cp" org.cityops.bench.wastestream.WasteMonthBench
uptime
if [ -z "${KEEP:-}" ]; then psql -d postgres -qc "DROP DATABASE $db"; fi
