#!/usr/bin/env bash
# Statistics API under load: month × district × category and year × month, against a running cityops whose
# stats_case_fact was filled by generate.sql and the roll-ups recomputed from it
# (POST /api/v1/stats/rebuild?source=facts; REBUILD=1 does it first).
#   BASE=http://127.0.0.1:18093 MONTH_FROM=2025-03-01 MONTH_TO=2025-03-31 YEAR=2025 bench/stats/run.sh
# Prints wrk's p50/p95/p99 per question (bench/cases/get.lua). Say the machine's load average with the numbers.
set -euo pipefail
BASE=${BASE:-http://127.0.0.1:8080}
MONTH_FROM=${MONTH_FROM:-2025-03-01}
MONTH_TO=${MONTH_TO:-2025-03-31}
YEAR=${YEAR:-2025}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-8}
HERE=$(cd "$(dirname "$0")" && pwd)
token() {
  curl -s -X POST -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"cityops-demo\"}" \
    "$BASE/api/v1/auth/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
if [ "${REBUILD:-0}" = 1 ]; then
  echo "rebuild:"; time curl -s -X POST -H "Authorization: Bearer $(token admin)" "$BASE/api/v1/stats/rebuild?source=facts"; echo
fi
TOKEN=$(token leader1)
export TOKEN
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for q in "groupBy=district,category&from=$MONTH_FROM&to=$MONTH_TO" "groupBy=month&from=$YEAR-01-01&to=$YEAR-12-31"; do
  echo "GET /api/v1/stats/cases?$q"
  PATH_UNDER_TEST="/api/v1/stats/cases?$q" wrk -t"$(( CONNECTIONS < 2 ? 1 : 2 ))" -c"$CONNECTIONS" --timeout 30s -d"$DURATION" -s "$HERE/../cases/get.lua" "$BASE" | tail -1
done
