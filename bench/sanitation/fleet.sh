#!/usr/bin/env bash
# Issue 16: the coverage engine keeps up with >= 20,000 sanitation positions/s alongside the muck alarm engine, through
# the real JT/T 808 gateway into a running app on PostgreSQL. Reuses bench/telemetry/load.sh (same simulator, same
# CPU accounting): the first MUCK trucks are in the muck registry (alarm engine), the next SAN are sanitation vehicles
# (bench/sanitation/fleet.sql: work bit always on, an all-day plan over every segment). Reports acknowledged
# positions/s and CPU-seconds per 1,000 positions (load.sh's lines), then the coverage engine's meters: sanitation
# positions received and processed (dropped = received - processed once drained; a full queue makes the gateway's
# thread do the work, so nothing is dropped by design), the longest a batch waited for the engine (lag), and the time
# the engine needed after the last report to catch up.
#   SAN=4000 MUCK=2000 RATE=5 DURATION=120 bench/sanitation/fleet.sh      (20,000 sanitation + 10,000 muck positions/s)
#   SAN=200 MUCK=100 RATE=5 DURATION=20 bench/sanitation/fleet.sh         (the short proof run)
# Needs what load.sh needs (PostgreSQL on 127.0.0.1, user postgres; ulimit -n > SAN + MUCK + 1000).
set -euo pipefail
cd "$(dirname "$0")/../.."
SAN=${SAN:-4000}
MUCK=${MUCK:-2000}
RATE=${RATE:-5}
echo "== mixed fleet: $MUCK muck trucks + $SAN sanitation vehicles, $RATE reports/s each:" \
  "$((SAN * RATE)) sanitation + $((MUCK * RATE)) muck positions/s offered; load $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2016
AFTER_SIM='
  URL=http://127.0.0.1:$HTTP_PORT
  TOKEN=$(curl -sf "$URL/api/v1/auth/token" -H "Content-Type: application/json" \
    -d "{\"username\":\"admin\",\"password\":\"${ADMIN_PASSWORD:-cityops-demo}\"}" \
    | python3 -c "import json,sys; print(json.load(sys.stdin)[\"access_token\"])")
  metric() { curl -sf -H "Authorization: Bearer $TOKEN" "$URL/actuator/metrics/cityops.sanitation.coverage.$1" \
    | python3 -c "import json,sys; print(int(json.load(sys.stdin)[\"measurements\"][0][\"value\"]))"; }
  T0=$(date +%s.%N)
  for _ in $(seq 1 600); do
    R=$(metric received); P=$(metric processed)
    [ "$R" = "$P" ] && break
    sleep 0.1
  done
  T1=$(date +%s.%N)
  echo "== coverage engine: sanitation positions received $R, processed $P, dropped $((R - P));" \
    "longest wait of a batch $(metric max-wait) ms; caught up $(echo "$T1 - $T0" | bc) s after the report above"
  echo "== passes stored: $(psql -h 127.0.0.1 -U postgres -X -Atc "SELECT count(*) FROM san_pass" "$DB")"
'
TRUCKS=$((SAN + MUCK)) MUCK_TRUCKS=$MUCK RATE=$RATE EXTRA_FLEET_SQL=bench/sanitation/fleet.sql \
  AFTER_SIM="$AFTER_SIM" SKIP_BASELINE=1 DB=${DB:-h_san4_fleet} PORT=${PORT:-18994} HTTP_PORT=${HTTP_PORT:-18094} \
  WORK=${WORK:-/tmp/sanitation-fleet-bench} bench/telemetry/load.sh
