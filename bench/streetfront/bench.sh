#!/usr/bin/env bash
# Street-front read paths at scale (issue 19): the map's bbox queries (signs, 门前三包 zones, parking areas), the
# expiring-permit list and the 门前三包 rates per street/district over 100,000 facilities and 40,000 zones. Not a
# test: run on purpose against a running cityops on PostgreSQL, e.g.
#   bench/streetfront/bench.sh <database> [http://127.0.0.1:8080] [requests]
# It inserts 100,000 synthetic facilities into sf_facility and 40,000 synthetic zones (with 2 inspections each this
# month) into sf_zone / sf_zone_inspection of <database> (once; marked synthetic, codes BENCH-…; a benchmark
# fixture, not demo data), then times N requests of each endpoint as admin (全市) and as a district supervisor with
# curl, one at a time, and prints p50/p95/max in ms. The machine is shared: report the load average with the numbers.
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
zones=$($PSQL -c "SELECT COUNT(*) FROM sf_zone WHERE code LIKE 'BENCH-%'")
if [ "$zones" -lt 40000 ]; then
  # a 200 × 200 lattice over the same square (0.0014° × 0.0018° apart), each zone a strip of ≈ 76 m × 22 m in front of
  # its lattice point; 5 districts × 10 streets; 80 % signed, 60 % posted; two inspections each this month, 85 % 履约
  $PSQL -c "
    INSERT INTO sf_zone (code, name, party_name, party_credit_code, polygon_wkt, min_lat, max_lat, min_lon, max_lon,
      lat, lon, area_m2, grid_code, street_code, street_name, district_code, district_name, signed_at, sign_method,
      signer_name, posted_at, synthetic, created_at)
    SELECT 'BENCH-Z' || g, '压测责任区' || g, '压测商户' || (g % 20000), 'BENCH' || lpad((g % 20000)::text, 13, '0'),
      format('POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))', x, y, x + 0.0008, y, x + 0.0008, y + 0.0002, x,
        y + 0.0002, x, y), y, y + 0.0002, x, x + 0.0008, y + 0.0001, x + 0.0004, 1680,
      d || '001001001', d || '00' || (g % 10), '压测街道' || (g % 10), d, '压测区' || d,
      CASE WHEN g % 5 <> 0 THEN now() - interval '40 days' END, CASE WHEN g % 5 <> 0 THEN 'SCAN' END,
      CASE WHEN g % 5 <> 0 THEN '压测' END, CASE WHEN g % 5 NOT IN (0, 1) THEN now() - interval '30 days' END,
      TRUE, now() - interval '60 days'
    FROM (SELECT g, 119.87 + (g % 200) * 0.0018 AS x, 31.56 + (g / 200) * 0.0014 AS y,
            (ARRAY['320402','320404','320411','320412','320491'])[1 + (g / 8000)] AS d
          FROM generate_series(0, 39999) g) s"
  $PSQL -c "
    INSERT INTO sf_zone_inspection (zone_id, inspector, inspected_at, cityscape, sanitation, street_order, greenery,
      compliant)
    SELECT z.id, 'bench', LEAST(now(), date_trunc('month', now()) + (k * 37 + z.id % 97) * interval '1 hour'),
      'PASS', 'PASS', CASE WHEN (z.id + k) % 7 = 0 THEN 'FAIL' ELSE 'PASS' END, 'NA', (z.id + k) % 7 <> 0
    FROM sf_zone z CROSS JOIN generate_series(0, 1) k WHERE z.code LIKE 'BENCH-Z%'"
  $PSQL -c "ANALYZE sf_zone; ANALYZE sf_zone_inspection"
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
token() {
  curl -fs -X POST "$URL/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"cityops-demo\"}" | sed -E 's/.*"(access_token|token)":"([^"]+)".*/\2/'
}
# a street-sized viewport (≈ 1.1 km × 1 km, ~ 100 facilities) and a district-sized one (capped at 5,000)
run "bbox street (~100 rows)" "/api/v1/streetfront/facilities?bbox=119.98,31.70,119.99,31.709"
run "bbox district (5,000 cap)" "/api/v1/streetfront/facilities?bbox=119.87,31.56,120.0,31.70"
run "expiring list (1,000 cap)" "/api/v1/streetfront/permits/expiring"
run "zones bbox street (~40)" "/api/v1/streetfront/zones/map?bbox=119.98,31.70,119.99,31.709"
run "zones bbox 0.19° (2,000 cap)" "/api/v1/streetfront/zones/map?bbox=119.87,31.56,120.06,31.75"
run "parking bbox street" "/api/v1/parking/areas?bbox=119.98,31.70,119.99,31.709"
run "zone rates, city (per street)" "/api/v1/streetfront/zone-rates"
TOKEN=$(token streetfront-tianning)
run "zone rates, 天宁 scope" "/api/v1/streetfront/zone-rates"
run "zones bbox street, 天宁 scope" "/api/v1/streetfront/zones/map?bbox=119.98,31.70,119.99,31.709"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
