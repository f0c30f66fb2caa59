#!/usr/bin/env bash
# Case-handling benchmarks against a running cityops on PostgreSQL (see docs/benchmarks.md, section cases).
#   bench/cases/run.sh intake   <base-url> <db>   # API intake with wrk, then the pgbench baseline with and without the audit row
#   bench/cases/run.sh reads    <base-url>        # dispatcher queue, Open311 page of 500, map box of open cases
# Needs wrk, pgbench, psql and python3; PGHOST/PGUSER default to 127.0.0.1/postgres.
set -euo pipefail
cd "$(dirname "$0")/../.."
what=${1:?intake|reads}; url=${2:-http://127.0.0.1:8080}; db=${3:-}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
DURATION=${DURATION:-60s}; CONNECTIONS=${CONNECTIONS:-16}

token() {
  curl -fs -XPOST "$url/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"${PASSWORD:-cityops-demo}\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

case "$what" in
  intake)
    : "${db:?the database name is needed for the points file and pgbench}"
    points=$(mktemp)
    # points at the centre of real grids, so every request is a valid intake
    psql -d "$db" -Atc "SELECT ((min_lat+max_lat)/2)::numeric(9,6) || ' ' || ((min_lon+max_lon)/2)::numeric(10,6)
                        FROM geo_grid ORDER BY random() LIMIT 5000" > "$points"
    echo "--- warm-up (30 s, not reported)"
    TOKEN=$(token operator1) POINTS=$points wrk -t2 -c"$CONNECTIONS" -d30s -s bench/cases/intake.lua "$url" | tail -1
    echo "--- API intake: $CONNECTIONS connections, $DURATION"
    TOKEN=$(token operator1) POINTS=$points wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/cases/intake.lua "$url" | tail -1
    echo "--- pgbench: the same case, step and audit inserts, $CONNECTIONS clients, 30 s"
    pgbench -n -f bench/cases/pgbench-intake.sql -c "$CONNECTIONS" -j 2 -T 30 "$db" 2>&1 | grep -E 'tps|latency average'
    echo "--- pgbench: the same without the audit entry, $CONNECTIONS clients, 30 s"
    pgbench -n -f bench/cases/pgbench-intake-noaudit.sql -c "$CONNECTIONS" -j 2 -T 30 "$db" 2>&1 | grep -E 'tps|latency average'
    echo "--- pgbench: every write of the intake's transaction (case, 2 steps, 2 audit entries, 2 log events), $CONNECTIONS clients, 30 s"
    pgbench -n -f bench/cases/pgbench-intake-full.sql -c "$CONNECTIONS" -j 2 -T 30 "$db" 2>&1 | grep -E 'tps|latency average'
    rm -f "$points" ;;
  reads)
    d=$(token dispatcher1)
    for path in '/api/v1/cases/queue?size=50' '/open311/v2/requests.json?page_size=500' \
                '/api/v1/cases/map?bbox=119.91,31.74,119.99,31.82'; do
      echo "--- GET $path"
      TOKEN=$d PATH_UNDER_TEST="$path" wrk -t1 -c4 -d30s -s bench/cases/get.lua "$url" | tail -1
    done ;;
  *) echo "usage: $0 intake|reads <base-url> [db]"; exit 2 ;;
esac
