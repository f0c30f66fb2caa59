#!/usr/bin/env bash
# Issue 16's second number: a day's coverage report for 5,000 segments in under 1 s, on PostgreSQL.
# Against a running demo app (CITYOPS_URL) on PostgreSQL database DB (psql on 127.0.0.1, user postgres):
#  1. imports 5,000 synthetic 80 m segments (two per demo grid cell along the first block row of the five central
#     districts, codes BENCH-…) through POST /api/v1/sanitation/segments/import (GeoJSON, all or nothing),
#  2. puts them in one plan (1 pass a day) through POST /plans,
#  3. writes a day of passes for them into san_pass (sanitation's own table; the engine would write the same rows):
#     60 % swept fully twice, 20 % half once, 20 % nothing — 7,000 passes,
#  4. times GET /api/v1/sanitation/coverage?day= (the whole city: 5,050 segments) N times after 3 warm-ups and
#     prints p50 / p95 / max, with the load average before and after.
# Usage: CITYOPS_URL=http://127.0.0.1:18091 DB=h_san3_bench bench/sanitation/report.sh [N=30]
set -euo pipefail
URL=${CITYOPS_URL:?set CITYOPS_URL}
DB=${DB:?set DB}
N=${1:-30}
DAY=${DAY:-2026-11-16}
TMP=$(mktemp -d)
TOKEN=$(curl -sf "$URL/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"sanitation1","password":"cityops-demo"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
H="Authorization: Bearer $TOKEN"
if [ "$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "SELECT COUNT(*) FROM san_segment WHERE code LIKE 'BENCH-%'")" -lt 5000 ]; then
  python3 - "$TMP/bench.geojson" <<'PY'
import json, sys
CELL_DLON, CELL_DLAT, NORTH, WEST = 0.00106, 0.0009, 31.84, 119.87
# (district, first col, first row, cols): the first block row (18 cell rows) of each central district's patch
patches = [("320402", 64, 36, 64), ("320404", 0, 36, 64), ("320411", 16, 0, 48), ("320491", 128, 36, 32), ("320412", 40, 72, 48)]
features = []
for d, col0, row0, cols in patches:
    for r in range(18):
        for c in range(cols):
            for k, f in enumerate((0.3, 0.7)):
                if len(features) >= 5000:
                    break
                lat = NORTH - (row0 + r + f) * CELL_DLAT
                lon1 = WEST + (col0 + c + 0.1) * CELL_DLON
                lon2 = WEST + (col0 + c + 0.9) * CELL_DLON
                features.append({"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[lon1, lat], [lon2, lat]]},
                                 "properties": {"code": f"BENCH-{d}-{r}-{c}-{k}", "name": f"基准路段{d}-{r}-{c}-{k}",
                                                "grade": "GRADE_3", "widthM": 8, "oneWay": False,
                                                "section": f"{d}基准标段", "company": "基准作业单位"}})
assert len(features) == 5000, len(features)
json.dump({"type": "FeatureCollection", "features": features}, open(sys.argv[1], "w"))
PY
  echo "== import 5,000 segments"
  time curl -sf -H "$H" -F "file=@$TMP/bench.geojson;filename=bench.geojson" "$URL/api/v1/sanitation/segments/import" | head -c 200; echo
fi
if [ "$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "SELECT COUNT(*) FROM san_plan WHERE name = '基准计划'")" -eq 0 ]; then
  IDS=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "SELECT string_agg(id::text, ',') FROM san_segment WHERE code LIKE 'BENCH-%'")
  curl -sf -H "$H" -H 'Content-Type: application/json' "$URL/api/v1/sanitation/plans" \
    -d "{\"name\":\"基准计划\",\"passesPerDay\":1,\"windows\":\"05:00-11:00\",\"minSpeedKmh\":3,\"maxSpeedKmh\":15,\"segmentIds\":[$IDS]}" >/dev/null
fi
echo "== passes of $DAY"
psql -h 127.0.0.1 -U postgres -d "$DB" -q <<SQL
DELETE FROM san_pass WHERE pass_key LIKE 'bench|%';
INSERT INTO san_pass (pass_key, segment_id, terminal_phone, plate, work_day, started_at, ended_at, intervals, covered_m, coverage, closed)
SELECT 'bench|' || s.id || '|' || k, s.id, '13951240001', '苏D·H4001', DATE '$DAY',
       TIMESTAMP WITH TIME ZONE '$DAY 06:00:00+08' + k * INTERVAL '1 hour', TIMESTAMP WITH TIME ZONE '$DAY 06:10:00+08' + k * INTERVAL '1 hour',
       CASE WHEN s.id % 5 < 3 THEN '0.0-' || to_char(s.length_m, 'FM99990.0') ELSE '0.0-' || to_char(s.length_m / 2, 'FM99990.0') END,
       CASE WHEN s.id % 5 < 3 THEN s.length_m ELSE s.length_m / 2 END,
       CASE WHEN s.id % 5 < 3 THEN 1 ELSE 0.5 END, TRUE
FROM san_segment s CROSS JOIN (VALUES (0), (1)) AS p(k)
WHERE s.code LIKE 'BENCH-%' AND (s.id % 5 < 3 OR (s.id % 5 = 3 AND k = 0));
ANALYZE san_pass;
SQL
psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "SELECT COUNT(*) || ' passes' FROM san_pass WHERE work_day = DATE '$DAY'"
echo "== machine"; nproc; uptime
for i in 1 2 3; do curl -sf -o /dev/null -H "$H" "$URL/api/v1/sanitation/coverage?day=$DAY"; done
: > "$TMP/times"
for i in $(seq "$N"); do
  curl -sf -o "$TMP/body" -w '%{time_total}\n' -H "$H" "$URL/api/v1/sanitation/coverage?day=$DAY" >> "$TMP/times"
done
python3 - "$TMP/times" "$TMP/body" <<'PY'
import json, sys
t = sorted(float(x) * 1000 for x in open(sys.argv[1]))
body = json.load(open(sys.argv[2]))
rows = body if isinstance(body, list) else body.get("segments", body)
def pct(p): return t[min(len(t) - 1, int(round(p / 100 * (len(t) - 1))))]
print(f"{len(rows) if isinstance(rows, list) else '?'} segments in the answer; {len(t)} requests: "
      f"p50 {pct(50):.0f} ms, p95 {pct(95):.0f} ms, max {t[-1]:.0f} ms")
PY
uptime
rm -rf "$TMP"
