#!/usr/bin/env bash
# Notify: case intake with and without a 10,000-notice burst being delivered (issue 15: "without slowing case intake
# by more than 10 %"). Starts its own app (demo city, notify in live mode, the SMS gateway pointed at a local
# receiver, bench/notify/SmsReceiver.java) on a fresh PostgreSQL database, warms up, then
#   C: the burst alone (no intake): NOTICES SMS rows queued in one transaction and delivered; prints the CPU the app's
#      JVM and this database's PostgreSQL backends spent per 1,000 delivered notices (utime+stime from /proc, less
#      what the same processes spend idle over the same time) — a figure that travels to a loaded machine;
#   then alternates, ROUNDS times,
#   A: intake alone (bench/cases/intake.lua with wrk) for DURATION
#   B: a burst of NOTICES SMS rows (one transaction, as one event burst would queue them) and the same intake for
#      DURATION while the dispatcher delivers them.
# Every window reports cases/s, p99, CPU per case (JVM + PostgreSQL), how many of the intake's own notices (the
# 核实 task of each new case) were queued and delivered inside it and their longest wait, and for B how many of the
# burst went out inside the window. DURATION (default 45 s) must cover the whole burst (at the bulk lane's default
# 250 a second, 10,000 take 40 s): a B window the burst outlived is INVALID, and its round is left out of the
# slowdown (no slowdown at all is printed when no round is valid).
#   bench/notify/intake-ab.sh [db]     # PostgreSQL database to create and drop (default h_notify4_ab)
# Options (environment): DURATION (45s), ROUNDS (3; 0 = only C), CONNECTIONS (16), NOTICES (10000), WARMUP (60s),
#   PORT (18093, the app), RECEIVER_PORT (18993), APP_ARGS (extra app arguments, e.g.
#   "--cityops.notify.lanes.bulk=0"), PROFILE=file.jfr records a JFR profile (settings=profile) of the app during C,
#   KEEP=1 keeps the database, SKIP_BUILD=1 uses target/classes as is, CLASSES=dir runs the app from another
#   compiled tree (e.g. main's, for a before/after; implies SKIP_BUILD).
# Needs wrk, psql, curl, python3 and JAVA_HOME (JDK 17+). Not a test: run it on purpose, on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=${1:-h_notify4_ab}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
DURATION=${DURATION:-45s}; ROUNDS=${ROUNDS:-3}; CONNECTIONS=${CONNECTIONS:-16}; NOTICES=${NOTICES:-10000}
WARMUP=${WARMUP:-60s}; PORT=${PORT:-18093}; RECEIVER_PORT=${RECEIVER_PORT:-18993}; APP_ARGS=${APP_ARGS:-}
CLASSES=${CLASSES:-}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
TCK=$(getconf CLK_TCK)
# psql that tries again when the server is out of connections (a shared machine: "too many clients already")
psql() { local i; for i in 1 2 3 4 5 6 7 8 9 10; do command psql "$@" && return 0; sleep 2; done; return 1; }
url="http://127.0.0.1:$PORT"
work=$(mktemp -d)

if [ -z "${SKIP_BUILD:-}" ] && [ -z "$CLASSES" ]; then ./mvnw -B -ntp -q -o compile -Djacoco.skip=true; fi
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
# shellcheck disable=SC2086 # APP_ARGS is a list of arguments
CITYOPS_DB_URL="jdbc:postgresql://$PGHOST:5432/$db?reWriteBatchedInserts=true" CITYOPS_DB_USER=$PGUSER \
CITYOPS_NOTIFY_MODE=live CITYOPS_NOTIFY_SMS_URL="http://127.0.0.1:$RECEIVER_PORT/sms" \
CITYOPS_LOG_FILE="$work/cityops.log" CITYOPS_AUDIT_CHECKPOINT_KEY_FILE="$work/audit.key" \
  "$JAVA" -Xmx2g -cp "${CLASSES:-target/classes}:$(cat "$work/cp")" org.cityops.CityopsApplication \
  --spring.profiles.active=demo --server.port="$PORT" --cityops.telemetry.jt808.port=0 $APP_ARGS \
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
now() { date +%s.%N; }
calc() { python3 -c "print($1)"; }
# CPU (clock ticks, utime + stime) of the app's JVM and of the app's PostgreSQL backends (its pool's connections:
# client backends of this database named by the JDBC driver; autovacuum workers and the asking psql left out, as
# they come and go between two readings and would take their ticks with them). The pool keeps its connections.
cpu_ticks() { # prints "<JVM ticks> <PostgreSQL ticks>"
  local pids p f jvm=0 pg=0
  pids=$(command psql -d "$db" -Atc "SELECT pid FROM pg_stat_activity WHERE datname = current_database()
           AND backend_type = 'client backend' AND application_name = 'PostgreSQL JDBC Driver'" 2>/dev/null || true)
  for p in $APP $pids; do
    f=$(cat "/proc/$p/stat" 2>/dev/null) || continue
    # shellcheck disable=SC2086 # split the fields after "(comm)": state is then $1, utime $12, stime $13
    set -- ${f##*) }
    if [ "$p" = "$APP" ]; then jvm=$((${12} + ${13})); else pg=$((pg + ${12} + ${13})); fi
  done
  echo "$jvm $pg"
}
# The bench's rows carry the lane column when the schema has one (main before the lanes had none).
lane_col=""; lane_val=""
if [ "$(psql -d "$db" -Atc "SELECT COUNT(*) FROM information_schema.columns
                             WHERE table_name = 'notify_outbox' AND column_name = 'lane'")" = 1 ]; then
  lane_col=", lane"; lane_val=", 'bulk'"
fi
burst() { # One transaction, as the outbox writes of one event burst: N SMS warnings due now (phones synthetic, 139…).
  psql -d "$db" -qc "INSERT INTO notify_outbox (event_id, kind, urgent, recipient_key, recipient, channel, address,
      text, status, attempts, next_attempt_at, ref_module, ref_id, queued_at$lane_col)
    SELECT '$1:' || i, 'CASE_WARNING', FALSE, 'tel:139' || lpad(i::text, 8, '0'),
      '139****' || lpad((i % 10000)::text, 4, '0'), 'SMS', '139' || lpad(i::text, 8, '0'),
      '【城管】案件B-' || i || '（道路破损）处置将于12-08 17:00到期，请及时处理。', 'PENDING', 0, now(), 'cases', 'B-' || i,
      now()$lane_val
    FROM generate_series(1, $NOTICES) i"
}
# The intake's own notices (everything but the bench's bursts) queued in [t0, t1): how many, how many SENT by t1,
# and the longest wait of those sent (s).
own() {
  psql -d "$db" -AtF' ' -c "SELECT COUNT(*),
      COUNT(*) FILTER (WHERE status = 'SENT' AND sent_at < to_timestamp($2)),
      COALESCE(round(EXTRACT(EPOCH FROM MAX(sent_at - queued_at) FILTER (WHERE sent_at < to_timestamp($2)))::numeric, 1), 0)
    FROM notify_outbox WHERE event_id NOT LIKE 'ab-burst-%' AND channel <> 'LOG'
      AND queued_at >= to_timestamp($1) AND queued_at < to_timestamp($2)"
}

echo "== machine"; nproc; uptime
echo "== warm-up: intake $WARMUP (not reported)"; intake "$WARMUP"
sleep 5 # the warm-up's own notices go out

echo "== C: the burst alone (no intake): CPU per 1,000 delivered notices"
read -r j0 g0 <<<"$(cpu_ticks)"; s0=$(now); sleep 10; read -r j1 g1 <<<"$(cpu_ticks)"; s1=$(now)
idle_j=$(calc "($j1 - $j0) / $TCK / ($s1 - $s0)"); idle_g=$(calc "($g1 - $g0) / $TCK / ($s1 - $s0)")
tag="ab-burst-$(date +%s%N)"
burst "$tag"
[ -n "${PROFILE:-}" ] && "$JCMD" "$APP" JFR.start name=notify4 settings=profile filename="$(realpath -m "$PROFILE")" >/dev/null
read -r j0 g0 <<<"$(cpu_ticks)"; s0=$(now)
for _ in $(seq 1 1200); do [ "$(sent "$tag")" -ge "$NOTICES" ] && break; sleep 0.5; done
read -r j1 g1 <<<"$(cpu_ticks)"; s1=$(now)
[ -n "${PROFILE:-}" ] && "$JCMD" "$APP" JFR.stop name=notify4 >/dev/null && echo "profile: $PROFILE"
last=$(psql -d "$db" -Atc "SELECT EXTRACT(EPOCH FROM MAX(sent_at)) FROM notify_outbox WHERE event_id LIKE '$tag:%'")
total=$(sent "$tag")
per_k() { calc "round((($2 - $1) / $TCK - $3 * ($s1 - $s0)) * 1000 / max(1, $total), 3)"; } # ticks0 ticks1 idle/s
cj=$(per_k "$j0" "$j1" "$idle_j"); cg=$(per_k "$g0" "$g1" "$idle_g")
printf 'C: %s of %s delivered, the last %.1f s after queueing; CPU-s per 1,000 notices (less idle): JVM %s + PostgreSQL %s = %s | load %s\n' \
  "$total" "$NOTICES" "$(calc "${last:-0} - $s0")" "$cj" "$cg" "$(calc "round($cj + $cg, 3)")" \
  "$(uptime | sed 's/.*load average: //')"

results=()
for r in $(seq 1 "$ROUNDS"); do
  for run in A B; do
    tag="ab-burst-$(date +%s%N)"
    [ "$run" = B ] && burst "$tag"
    t0=$(now); read -r j0 g0 <<<"$(cpu_ticks)"
    line=$(intake "$DURATION")
    t1=$(now); read -r j1 g1 <<<"$(cpu_ticks)"
    load=$(uptime | sed 's/.*load average: //')
    cases=$(field requests "$line"); rps=$(field rps "$line"); p99=$(field p99 "$line")
    cpu_case=$(calc "round(($j1 - $j0 + $g1 - $g0) / $TCK * 1000 / max(1, $cases), 2)")
    read -r own_q own_s own_wait <<<"$(own "$t0" "$t1")"
    valid=1; extra=""
    if [ "$run" = B ]; then
      inside=$(psql -d "$db" -Atc "SELECT COUNT(*) FROM notify_outbox WHERE event_id LIKE '$tag:%'
                                    AND status = 'SENT' AND sent_at <= to_timestamp($t1)")
      for _ in $(seq 1 240); do [ "$(sent "$tag")" -ge "$NOTICES" ] && break; sleep 0.5; done
      last=$(psql -d "$db" -Atc "SELECT EXTRACT(EPOCH FROM MAX(sent_at)) FROM notify_outbox WHERE event_id LIKE '$tag:%'")
      extra="burst: $inside of $NOTICES inside the window, all by $(calc "round(${last:-0} - $t0, 1)") s"
      if [ "$inside" -lt "$NOTICES" ]; then valid=0; extra="$extra — INVALID (the burst outlived the window)"; fi
    fi
    results+=("$r $run $rps $p99 $cpu_case $valid")
    printf '%s%d: %s cases/s, p99 %s ms, errors %s, %s CPU-ms/case | own notices %s queued, %s sent inside, longest wait %s s | load %s %s\n' \
      "$run" "$r" "$rps" "$p99" "$(sed -n 's/.*errors(status)=\([0-9]*\).*/\1/p' <<<"$line")" "$cpu_case" \
      "$own_q" "$own_s" "$own_wait" "$load" "${extra:+| $extra}"
  done
done
if [ "$ROUNDS" -gt 0 ]; then
  printf '%s\n' "${results[@]}" | python3 -c '
import sys
rows = [l.split() for l in sys.stdin if l.strip()]
valid = {r[0] for r in rows if r[1] == "B" and r[5] == "1"}
print(f"rounds with the whole burst inside B: {len(valid)} of {len({r[0] for r in rows})}")
if not valid:
    print("no valid round: no slowdown reported")
    sys.exit(0)
kept = [r for r in rows if r[0] in valid]
def mean(run, col):
    v = [float(r[col]) for r in kept if r[1] == run]
    return sum(v) / len(v)
ma, mb = mean("A", 2), mean("B", 2)
ca, cb = mean("A", 4), mean("B", 4)
pa = max(float(r[3]) for r in kept if r[1] == "A"); pb = max(float(r[3]) for r in kept if r[1] == "B")
print(f"valid rounds: mean A {ma:.0f} cases/s (p99 max {pa:.1f} ms), mean B {mb:.0f} cases/s (p99 max {pb:.1f} ms): "
      f"B is {100 * (ma - mb) / ma:+.1f} % slower (target <= 10 %); CPU per case A {ca:.2f} ms, B {cb:.2f} ms "
      f"({100 * (cb - ca) / ca:+.1f} %)")'
fi
uptime
