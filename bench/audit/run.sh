#!/usr/bin/env bash
# Audit chain verification with 1,000,000 entries (see docs/benchmarks.md, section audit).
#   bench/audit/run.sh [db]        # PostgreSQL database to create and drop (default cityops_audit_x)
#   DB=h2 bench/audit/run.sh       # the same on an H2 file database under target/
# Options: ENTRIES (default 1000000), NEW (entries per incremental round, default 1000), KEEP=1 keeps the database.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=${1:-cityops_audit_x}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
./mvnw -B -ntp -q test-compile
cpfile=$(mktemp)
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test
cp=$(cat "$cpfile"); rm -f "$cpfile"
if [ "${DB:-pg}" = h2 ]; then
  rm -rf target/audit-bench
  export CITYOPS_DB_URL="jdbc:h2:file:./target/audit-bench/cityops;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  export CITYOPS_DB_USER=sa
else
  psql -d postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  export CITYOPS_DB_URL="jdbc:postgresql://$PGHOST:5432/$db?reWriteBatchedInserts=true" CITYOPS_DB_USER=$PGUSER
fi
java -Xmx1g -Dentries="${ENTRIES:-1000000}" -Dnew="${NEW:-1000}" \
  -cp "target/test-classes:target/classes:$cp" org.cityops.bench.audit.VerifyBenchmark
if [ "${DB:-pg}" != h2 ] && [ -z "${KEEP:-}" ]; then psql -d postgres -qc "DROP DATABASE $db"; fi
