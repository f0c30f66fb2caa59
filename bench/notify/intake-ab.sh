#!/usr/bin/env bash
# Notify: case intake with and without a 10,000-notice burst being delivered (issue 15: "without slowing case intake
# by more than 10 %"). Starts its own app (demo city, notify in live mode, the SMS gateway pointed at a local
# receiver, bench/notify/SmsReceiver.java) on a fresh PostgreSQL database, warms up, then alternates
#   A: intake alone (bench/cases/intake.lua with wrk) for DURATION
#   B: a burst of NOTICES SMS rows (one transaction, as one event burst would queue them) and the same intake for
#      DURATION while the dispatcher delivers them
# ROUNDS times (A B A B …), and prints cases/s and p99 of each run with `uptime`, then the mean slowdown of B.
# DURATION defaults to 10 s because the burst is delivered in about that time: a longer B run would mostly measure
# intake after the burst (B also reports how much of the burst went out inside its window).
#   bench/notify/intake-ab.sh [db]     # PostgreSQL database to create and drop (default h_notify3_ab)
# Options (environment): DURATION (10s), ROUNDS (4), CONNECTIONS (16), NOTICES (10000), WARMUP (60s),
#   PORT (18096, the app), RECEIVER_PORT (18996), KEEP=1 keeps the database, SKIP_BUILD=1 uses target/classes as is.
# Needs wrk, psql, curl, python3 and JAVA_HOME (JDK 17+). Not a test: run it on purpose, on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=${1:-h_notify3_ab}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
DURATION=${DURATION:-10s}; ROUNDS=${ROUNDS:-4}; CONNECTIONS=${CONNECTIONS:-16}; NOTICES=${NOTICES:-10000}
WARMUP=${WARMUP:-60s}; PORT=${PORT:-18096}; RECEIVER_PORT=${RECEIVER_PORT:-18996}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# psql that tries again when the server is out of connections (a shared machine: "too many clients already")
psql() { local i; for i in 1 2 3 4 5 6 7 8 9 10; do command psql "$@" && return 0; sleep 2; done; return 1; }
url="http://127.0.0.1:$PORT"
work=$(mktemp -d)

if [ -z "${SKIP_BUILD:-}" ]; then ./mvnw -B -ntp -q -o compile -Djacoco.skip=true; fi
./mvnw -B -ntp -q -o dependency:build-classpath -Dmdep.outputFile="$work/cp" -Dmdep.includeScope=runtime
psql -d postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"

cleanup() {
  [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null || true
  [ -n "${RECEIVER:-}" ] && kill "$RECEIVER" 2>/dev/null || true
  wait 2>/dev/null || true
  if [ -z "${KEEP:-}" ]; then psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$JAVA" bench/notify/SmsReceiver.java "$RECEIVER_PORT" > "$work/receiver.log" 2>&1 &
RECEIVER=$!
CITYOPS_DB_URL="jdbc:postgresql://$PGHOST:5432/$db?reWriteBatchedInserts=true" CITYOPS_DB_USER=$PGUSER \
CITYOPS_NOTIFY_MODE=live CITYOPS_NOTIFY_SMS_URL="http://127.0.0.1:$RECEIVER_PORT/sms" \
CITYOPS_LOG_FILE="$work/cityops.log" CITYOPS_AUDIT_CHECKPOINT_KEY_FILE="$work/audit.key" \
  "$JAVA" -Xmx2g -cp "target/classes:$(cat "$work/cp")" org.cityops.CityopsApplication \
  --spring.profiles.active=demo --server.port="$PORT" --cityops.telemetry.jt808.port=0 \
  > "$work/app.log" 2>&1 &
APP=$!
echo "== starting the app on $url (demo city on $db; this seeds it, minutes on a loaded machine)"
for _ in $(seq 1 900); do
  curl -fs "$url/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$APP" 2>/dev/null || { echo "the app did not start:"; tail -40 "$work/app.log"; exit 1; }
  sleep 1
done
curl -fs "$url/actuator/health" >/dev/null || { echo "the app is not healthy"; tail -40 "$work/app.log"; exit 1; }

token=$(curl -fs -XPOST "$url/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"operator1","password":"cityops-demo"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
psql -d "$db" -Atc "SELECT ((min_lat+max_lat)/2)::numeric(9,6) || ' ' || ((min_lon+max_lon)/2)::numeric(10,6)
                    FROM geo_grid ORDER BY random() LIMIT 5000" > "$work/points"
intake() { TOKEN=$token POINTS=$work/points wrk -t2 -c"$CONNECTIONS" -d"$1" -s bench/cases/intake.lua "$url" | tail -1; }
sent() { psql -d "$db" -Atc "SELECT COUNT(*) FROM notify_outbox WHERE event_id LIKE '$1:%' AND status = 'SENT'"; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }

echo "== machine"; nproc; uptime
echo "== warm-up: intake $WARMUP (not reported)"; intake "$WARMUP"
results=()
for r in $(seq 1 "$ROUNDS"); do
  for run in A B; do
    tag="ab-burst-$(date +%s%N)"
    if [ "$run" = B ]; then
      t0=$(date +%s.%N)
      # One transaction, as the outbox writes of one event burst: N SMS notices due now (phones synthetic, 139…).
      psql -d "$db" -qc "INSERT INTO notify_outbox (event_id, kind, urgent, recipient_key, recipient, channel, address,
          text, status, attempts, next_attempt_at, ref_module, ref_id, queued_at)
        SELECT '$tag:' || i, 'CASE_WARNING', FALSE, 'tel:139' || lpad(i::text, 8, '0'),
          '139****' || lpad((i % 10000)::text, 4, '0'), 'SMS', '139' || lpad(i::text, 8, '0'),
          '【城管】案件B-' || i || '（道路破损）处置将于12-08 17:00到期，请及时处理。', 'PENDING', 0, now(), 'cases', 'B-' || i, now()
        FROM generate_series(1, $NOTICES) i"
    fi
    line=$(intake "$DURATION")
    load=$(uptime | sed 's/.*load average: //')
    extra=""
    if [ "$run" = B ]; then
      during=$(sent "$tag")
      for _ in $(seq 1 240); do [ "$(sent "$tag")" -ge "$NOTICES" ] && break; sleep 0.5; done
      last=$(psql -d "$db" -Atc "SELECT EXTRACT(EPOCH FROM MAX(sent_at)) FROM notify_outbox WHERE event_id LIKE '$tag:%'")
      total=$(sent "$tag")
      secs=$(python3 -c "print(f'{${last:-0} - $t0:.1f}')")
      extra="burst: $during of $NOTICES sent during the run, $total by $secs s after queueing"
    fi
    rps=$(field rps "$line"); p99=$(field p99 "$line")
    results+=("$run $rps $p99")
    printf '%s%d: %s cases/s, p99 %s ms, errors %s | load %s %s\n' "$run" "$r" "$rps" "$p99" \
      "$(sed -n 's/.*errors(status)=\([0-9]*\).*/\1/p' <<<"$line")" "$load" "${extra:+| $extra}"
  done
done
printf '%s\n' "${results[@]}" | python3 -c '
import sys
rows = [l.split() for l in sys.stdin if l.strip()]
a = [float(r[1]) for r in rows if r[0] == "A"]; b = [float(r[1]) for r in rows if r[0] == "B"]
pa = [float(r[2]) for r in rows if r[0] == "A"]; pb = [float(r[2]) for r in rows if r[0] == "B"]
ma, mb = sum(a) / len(a), sum(b) / len(b)
print(f"mean A {ma:.0f} cases/s (p99 max {max(pa):.1f} ms), mean B {mb:.0f} cases/s (p99 max {max(pb):.1f} ms): "
      f"B is {100 * (ma - mb) / ma:+.1f} % slower (target <= 10 %)")'
uptime
