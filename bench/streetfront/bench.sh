#!/usr/bin/env bash
# Street-front read paths at scale (issue 19): the map's bbox query and the expiring-permit list over 100,000
# facilities. Not a test: run on purpose against a running cityops on PostgreSQL, e.g.
#   bench/streetfront/bench.sh <database> [http://127.0.0.1:8080] [requests]
# It inserts 100,000 synthetic facilities straight into sf_facility of <database> (once; marked synthetic, code
# BENCH-…; a benchmark fixture, not demo data), then times N requests of each endpoint as admin with curl and prints
# p50/p95/max in ms. The machine is shared: report the load average with the numbers.
set -euo pipefail
DB=${1:?database name}
URL=${2:-http://127.0.0.1:8080}
N=${3:-100}
PSQL="psql -h ${PGHOST:-127.0.0.1} -U ${PGUSER:-postgres} -d $DB -qAt"
have=$($PSQL -c "SELECT COUNT(*) FROM sf_facility WHERE code LIKE 'BENCH-%'")
if [ "$have" -lt 100000 ]; then
  # a square of 100,000 points over the demo city's centre (≈ 0.36° × 0.28°), permits ending over two years
  $PSQL -c "
    INSERT INTO sf_facility (code, name, facility_class, kind, owner_name, owner_credit_code, lat, lon, width_m,
      height_m, area_m2, grid_code, street_code, district_code, permit_no, permit_from, permit_to, qr_token,
      next_inspection, synthetic, created_at)
    SELECT 'BENCH-' || g, '压测设施' || g, CASE WHEN g % 5 = 0 THEN 'FREESTANDING' ELSE 'ATTACHED' END, 'SIGNBOARD',
      '压测店' || g, '91320402MA1000001X', 31.56 + (g / 316) * 0.0009, 119.87 + (g % 316) * 0.00114, 4, 1, 4,
      '320402001001001', '320402001', (ARRAY['320402','320404','320411','320412','320491'])[1 + g % 5],
      'B-' || g, CURRENT_DATE - 365, CURRENT_DATE - 30 + (g % 730), 'bench' || g, CURRENT_DATE, TRUE, now()
    FROM generate_series(1, 100000) g"
  $PSQL -c "ANALYZE sf_facility"
fi
TOKEN=$(curl -fs -X POST "$URL/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"cityops-demo"}' | sed -E 's/.*"(access_token|token)":"([^"]+)".*/\2/')
run() { # name, path
  local f; f=$(mktemp)
  for i in $(seq 1 "$N"); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$URL$2" >> "$f"
  done
  sort -n "$f" | awk -v name="$1" '{a[NR]=$1*1000} END {printf "%-28s n=%d p50=%.0f ms p95=%.0f ms max=%.0f ms\n",
    name, NR, a[int(NR*0.5)], a[int(NR*0.95)], a[NR]}'
  rm -f "$f"
}
# a street-sized viewport (≈ 1.1 km × 1 km, ~ 100 facilities) and a district-sized one (capped at 5,000)
run "bbox street (~100 rows)" "/api/v1/streetfront/facilities?bbox=119.98,31.70,119.99,31.709"
run "bbox district (5,000 cap)" "/api/v1/streetfront/facilities?bbox=119.87,31.56,120.0,31.70"
run "expiring list (1,000 cap)" "/api/v1/streetfront/permits/expiring"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
