#!/usr/bin/env bash
# Notify: 10,000 notices queued by one burst delivered to a local SMS receiver within 60 s (issue 15). See
# NotifyBurstBench and docs/benchmarks.md.
#   bench/notify/run.sh [db]    # PostgreSQL database to create and drop (default h_notify_bench); H2=1: in-memory H2
# Options: NOTICES (default 10000), KEEP=1 keeps the database.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=${1:-h_notify_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
./mvnw -B -ntp -q -o test-compile -Djacoco.skip=true
cpfile=$(mktemp)
./mvnw -B -ntp -q -o dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test
cp=$(cat "$cpfile"); rm -f "$cpfile"
if [ -z "${H2:-}" ]; then
  psql -d postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  export CITYOPS_DB_URL="jdbc:postgresql://$PGHOST:5432/$db?reWriteBatchedInserts=true" CITYOPS_DB_USER=$PGUSER
fi
echo "== machine"; nproc; uptime
java -Xmx1g -Dnotices="${NOTICES:-10000}" -Dcityops.telemetry.jt808.port=0 \
  -cp "target/test-classes:target/classes:$cp" org.cityops.bench.notify.NotifyBurstBench
uptime
if [ -z "${H2:-}" ] && [ -z "${KEEP:-}" ]; then psql -d postgres -qc "DROP DATABASE $db"; fi
