#!/usr/bin/env bash
# The multi-node run of issue 20 (point 3): two cityops app nodes (web + JT/T 808 gateway, profile cluster,
# cityops.telemetry.log=jetstream) on one PostgreSQL database and one JetStream stream of its own, behind HAProxy;
# a simulated fleet split across both gateways whose trucks raise alarms (the emergency bit 紧急报警 on and off
# every EMERGENCY_SECONDS); web requests through HAProxy the whole run (sign-in, a case intake, a read); cases made
# due so the SLA clock fires during the run; node 2 killed with SIGKILL at KILL_AT seconds, its trucks reconnecting
# to node 1's gateway. Then it asserts, each printed as PASS or FAIL (exit 1 on any FAIL):
#   1. every acknowledged position is stored exactly once (the simulators' acked count <= rows; no (terminal,
#      time) twice; every report has its own time);
#   2. no alarm lost or doubled: per truck, the TERMINAL_EMERGENCY alarms equal the rising edges of the emergency
#      bit in its stored positions (what one node computes from them); no two alarms of one vehicle, type and
#      start, no two open ones of one vehicle and type, for every type; every stored position confirmed observed;
#   3. the SLA clock fired once per case: one 预警 per due case, both before and after the kill;
#   4. web requests kept working: at most MAX_WEB_FAILURES failed (the requests in flight on the killed node;
#      HAProxy resends the rest: retry-on conn-failure, redispatch, bench/scale/haproxy.cfg).
# Defaults are the full-size run; CI runs a reduced form (.ci/run):
#   TRUCKS=200 RATE=2 DURATION=40 KILL_AT=20 bench/scale/cluster-check.sh
# Runs target/cityops-*.jar (./mvnw -DskipTests package first) and the truck simulator from target/test-classes.
# Needs: java, psql (PostgreSQL at 127.0.0.1:5432, user postgres), nats-server -js at 127.0.0.1:4222, haproxy, curl.
# Own names: database h_scale3_cluster_*, stream scale3_cluster_*, ports 18094/18095 (http), 18097 (HAProxy),
# 18994/18995 (JT/T 808); all removed at the end, also on failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
TRUCKS=${TRUCKS:-1000}
RATE=${RATE:-5}
DURATION=${DURATION:-90}
KILL_AT=${KILL_AT:-45}
EMERGENCY_SECONDS=${EMERGENCY_SECONDS:-5}
SLA_CASES=${SLA_CASES:-10}
MAX_WEB_FAILURES=${MAX_WEB_FAILURES:-3}
HTTP=(${HTTP1:-18094} ${HTTP2:-18095})
JT=(${JT1:-18994} ${JT2:-18995})
LB_PORT=${LB_PORT:-18097}
NATS=${NATS:-nats://127.0.0.1:4222}
FIRST_PHONE=13800000000
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PGHOST=127.0.0.1
TAG="$(date +%s)_$$"
DB="h_scale3_cluster_$TAG"
STREAM="scale3_cluster_$TAG"
WORK=$(mktemp -d /tmp/h_scale3_cluster.XXXXXX)
LB=http://127.0.0.1:$LB_PORT
T0=$(date +%s)
FAILURES=0
PIDS=()

say() { printf '[%3ds] %s\n' $(($(date +%s) - T0)) "$*"; }
pass() { say "PASS: $*"; }
fail() { say "FAIL: $*"; FAILURES=$((FAILURES + 1)); }
sql() { # the machine's PostgreSQL may be short of connections for a moment: try again
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    psql -h $PGHOST -U postgres -d "$DB" -X -Atqc "$1" 2>/dev/null && return 0
    sleep 1
  done
  psql -h $PGHOST -U postgres -d "$DB" -X -Atqc "$1"
}

JAR=$(ls "$ROOT"/target/cityops-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
[ -n "$JAR" ] || { echo "no target/cityops-*.jar: run ./mvnw -B -ntp -q -DskipTests package first"; exit 2; }
[ -d target/test-classes/org/cityops/telemetry/sim ] || { echo "no simulator in target/test-classes: ./mvnw test-compile"; exit 2; }
command -v haproxy >/dev/null || { echo "haproxy is not installed (apt-get install haproxy)"; exit 2; }
(exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null || { echo "NATS JetStream is not running at 127.0.0.1:4222"; exit 2; }
CP_FILE=target/telemetry-sim.classpath
if [ ! "$CP_FILE" -nt pom.xml ]; then
  ./mvnw -q -B -ntp -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >/dev/null \
    || ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >/dev/null
fi
# the simulator runs on a copy of the classes, so a build meanwhile does not pull them away
cp -r target/classes target/test-classes "$WORK/"
SIM_CP="$WORK/test-classes:$WORK/classes:$(cat "$CP_FILE")"

cleanup() {
  touch "$WORK/stop-web"
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 1
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  "$JAVA" -cp "$SIM_CP" bench/scale/DeleteStream.java "$NATS" "$STREAM" >/dev/null 2>&1 || true
  psql -h $PGHOST -U postgres -X -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  echo "logs: $WORK"
}
trap cleanup EXIT

psql -h $PGHOST -U postgres -X -qc "CREATE DATABASE $DB"
SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | head -c 48)
start_node() { # index pool
  local i=$1
  (cd "$WORK" && CITYOPS_DB_URL="jdbc:postgresql://$PGHOST:5432/$DB" CITYOPS_DB_USER=postgres \
    CITYOPS_TOKEN_SECRET="$SECRET" CITYOPS_LOG_FILE="$WORK/node$i.log" CITYOPS_DB_POOL=$2 \
    exec "$JAVA" ${APP_JAVA_OPTS:--Xmx768m} -jar "$JAR" --server.port=${HTTP[$i]} --spring.profiles.active=demo,cluster \
      --cityops.cases.sla-interval=PT2S --cityops.muck.alarm.tick=PT5S \
      --cityops.telemetry.jt808.port=${JT[$i]} --cityops.telemetry.jt808.allow-unknown=true \
      --cityops.telemetry.jt808.max-connections=$((TRUCKS + 1000)) \
      --cityops.telemetry.jt808.max-connections-per-address=$((TRUCKS + 1000)) \
      --cityops.telemetry.jt808.auth-timeout-seconds=300 \
      --cityops.telemetry.log=jetstream --cityops.telemetry.log.nats-url="$NATS" \
      --cityops.telemetry.log.stream="$STREAM" --cityops.telemetry.log.subject-prefix="$STREAM" \
      --cityops.telemetry.log.lease-interval=1s >> "$WORK/node$i.out" 2>&1) &
  NODE_PID=$!
  PIDS+=("$NODE_PID")
}
await_ready() { # index pid
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:${HTTP[$1]}/actuator/health/readiness" >/dev/null 2>&1 \
      && (exec 3<>/dev/tcp/127.0.0.1/${JT[$1]}) 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "node $1 did not start:"; tail -40 "$WORK/node$1.out"; exit 1; }
    sleep 0.5
  done
  echo "node $1 not ready"; tail -40 "$WORK/node$1.out"; exit 1
}

# node 1 makes the schema and the demo city (sign-in, case categories); then the fleet goes into the muck registry
# and one vehicle more through node 1's API, so its alarm engine reloads its world with every truck (node 2 loads
# it at its start); node 2 starts after node 1's seeding (the demo seeders are not made to run twice at once)
say "database $DB, stream $STREAM; $(uptime | sed 's/.*load/load/')"
start_node 0 20
NODE1=$NODE_PID
await_ready 0 "$NODE1"
psql -h $PGHOST -U postgres -X -q -v first=$FIRST_PHONE -v trucks="$TRUCKS" -f bench/telemetry/fleet.sql "$DB" >/dev/null
MUCK_TOKEN=$(curl -s -m 20 -X POST "http://127.0.0.1:${HTTP[0]}/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"muck1","password":"cityops-demo"}' | grep -o '"access_token":"[^"]*"' | cut -d'"' -f4)
code=$(curl -s -m 20 -o "$WORK/vehicle.json" -w '%{http_code}' -X POST "http://127.0.0.1:${HTTP[0]}/api/v1/muck/vehicles" \
  -H "Authorization: Bearer $MUCK_TOKEN" -H 'Content-Type: application/json' \
  -d '{"plate":"苏D·X9999","plateColor":2,"terminalPhone":"13899999999","districtCode":"320411"}')
[ "$code" = 201 ] || { echo "registering a vehicle on node 1 answered $code: $(cat "$WORK/vehicle.json")"; exit 1; }
start_node 1 20
NODE2=$NODE_PID
await_ready 1 "$NODE2"
sed -e "s/127.0.0.1:18991/127.0.0.1:$LB_PORT/" -e "s/127.0.0.1:18091/127.0.0.1:${HTTP[0]}/" \
  -e "s/127.0.0.1:18092/127.0.0.1:${HTTP[1]}/" bench/scale/haproxy.cfg > "$WORK/haproxy.cfg"
haproxy -f "$WORK/haproxy.cfg" -db > "$WORK/haproxy.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 40); do curl -fs "$LB/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 0.25; done
say "both nodes and HAProxy up; $(uptime | sed 's/.*load/load/')"

token() {
  curl -s -m 10 -X POST "$LB/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"operator1","password":"cityops-demo"}' | grep -o '"access_token":"[^"]*"' | cut -d'"' -f4
}
CASE_JSON='{"channel":"HOTLINE","categoryCode":"E09006","description":"集群测试 %s","lat":31.78,"lon":119.95,"address":"测试路1号","urgency":"NORMAL","reporter":{"name":"测试","phone":"13800000001"}}'
new_case() { # token label
  curl -s -m 10 -X POST "$LB/api/v1/cases" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    -d "$(printf "$CASE_JSON" "$2")" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2
}
# the cases the SLA clock must warn about: one set made due before the kill, one after
TOKEN=$(token)
[ -n "$TOKEN" ] || { fail "no token through the load balancer"; exit 1; }
SLA_BEFORE=(); SLA_AFTER=()
for i in $(seq 1 "$SLA_CASES"); do SLA_BEFORE+=("$(new_case "$TOKEN" "sla-before-$i")"); done
for i in $(seq 1 "$SLA_CASES"); do SLA_AFTER+=("$(new_case "$TOKEN" "sla-after-$i")"); done
BEFORE_IDS=$(IFS=,; echo "${SLA_BEFORE[*]}")
AFTER_IDS=$(IFS=,; echo "${SLA_AFTER[*]}")
[[ "$BEFORE_IDS,$AFTER_IDS" =~ ^[0-9]+(,[0-9]+)*$ ]] || { fail "SLA cases not created ($BEFORE_IDS / $AFTER_IDS)"; exit 1; }

# web requests through HAProxy for the whole run: sign in, a case intake, a read; each answer's code per line
web_loop() {
  local code tok id
  while [ ! -e "$WORK/stop-web" ]; do
    tok=$(curl -s -m 10 -o "$WORK/tok.json" -w '%{http_code}' -X POST "$LB/api/v1/auth/token" \
      -H 'Content-Type: application/json' -d '{"username":"operator1","password":"cityops-demo"}' || true)
    echo "$(date +%s.%N) login $tok"
    if [ "$tok" != 200 ]; then sleep 0.2; continue; fi
    tok=$(grep -o '"access_token":"[^"]*"' "$WORK/tok.json" | cut -d'"' -f4)
    code=$(curl -s -m 10 -o "$WORK/case.json" -w '%{http_code}' -X POST "$LB/api/v1/cases" \
      -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
      -d "$(printf "$CASE_JSON" web)" || true)
    echo "$(date +%s.%N) intake $code"
    id=$(grep -o '"id":[0-9]*' "$WORK/case.json" | head -1 | cut -d: -f2 || true)
    if [ -n "$id" ]; then
      code=$(curl -s -m 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tok" "$LB/api/v1/cases/$id" || true)
      echo "$(date +%s.%N) read $code"
    fi
    sleep 0.1
  done
}
web_loop > "$WORK/web.txt" 2>/dev/null &
WEB_PID=$!
PIDS+=("$WEB_PID")

sim() { # index trucks first-phone
  "$JAVA" -Xmx512m -XX:+UseParallelGC -Dio.netty.leakDetection.level=disabled -cp "$SIM_CP" \
    org.cityops.telemetry.sim.TruckSimulator --port ${JT[$1]} --failover-port ${JT[$((1 - $1))]} --trucks "$2" \
    --rate "$RATE" --duration "$DURATION" --misbehaving 0 --v2019 0.5 --loaded-share 0 --connect-rate 2000 \
    --emergency-every $((EMERGENCY_SECONDS * RATE < 1 ? 1 : EMERGENCY_SECONDS * RATE)) --first-phone "$3" \
    > "$WORK/sim$1.out" 2>&1
}
HALF=$((TRUCKS / 2))
say "fleet: $TRUCKS trucks x $RATE/s for ${DURATION}s, half on each gateway; node 2 is killed at ${KILL_AT}s"
RUN0=$(date +%s)
sim 0 "$HALF" $FIRST_PHONE & SIM0=$!
sim 1 $((TRUCKS - HALF)) $((FIRST_PHONE + HALF)) & SIM1=$!
PIDS+=("$SIM0" "$SIM1")
at() { local s=$(($1 - ($(date +%s) - RUN0))); [ "$s" -le 0 ] || sleep "$s"; }

at $((KILL_AT > 8 ? KILL_AT - 8 : 0))
sql "UPDATE city_case SET warn_at = now() - interval '1 minute' WHERE id IN ($BEFORE_IDS)" >/dev/null
say "SLA: $SLA_CASES cases made due (before the kill)"
at "$KILL_AT"
kill -9 "$NODE2"
KILLED_AT=$(date +%s.%N)
say "node 2 killed (SIGKILL); $(uptime | sed 's/.*load/load/')"
at $((KILL_AT + 3))
sql "UPDATE city_case SET warn_at = now() - interval '1 minute' WHERE id IN ($AFTER_IDS)" >/dev/null
say "SLA: $SLA_CASES cases made due (after the kill)"
wait "$SIM0" || true
wait "$SIM1" || true
say "fleet done: $(grep -h '^TOTAL' "$WORK"/sim*.out | tr '\n' ' ')"

# node 1 drains the log (its partitions and node 2's) and its alarm engine confirms what it evaluated
FLEET="terminal LIKE '1380%'"
prev=-1
for _ in $(seq 1 90); do
  rows=$(sql "SELECT count(*) FROM telemetry_position WHERE $FLEET")
  behind=$(sql "SELECT count(*) FROM tel_partition_offset WHERE stream = '$STREAM' AND observed_seq < last_seq")
  [ "$rows" = "$prev" ] && [ "$behind" = 0 ] && break
  prev=$rows
  sleep 2
done
# the SLA warnings (the lock of a killed node expires after at most a minute)
for _ in $(seq 1 80); do
  warned=$(sql "SELECT COUNT(DISTINCT case_id) FROM case_alert WHERE kind = 'WARNING' AND case_id IN ($BEFORE_IDS,$AFTER_IDS)")
  [ "$warned" = $((2 * SLA_CASES)) ] && break
  sleep 1
done
sleep 4 # more SLA ticks: none may warn again
touch "$WORK/stop-web"
wait "$WEB_PID" 2>/dev/null || true
say "checks; $(uptime | sed 's/.*load/load/')"

# 1. acknowledged positions stored exactly once
acked=0
for f in "$WORK"/sim*.out; do acked=$((acked + $(grep -o ' acked=[0-9]*' "$f" | tail -1 | cut -d= -f2 || echo 0))); done
rows=$(sql "SELECT count(*) FROM telemetry_position WHERE $FLEET")
distinct=$(sql "SELECT count(*) FROM (SELECT DISTINCT terminal, reported_at FROM telemetry_position WHERE $FLEET) d")
reconnected=$(grep -ho ' reconnected=[0-9]*' "$WORK"/sim*.out | awk -F= '{ s += $2 } END { print s + 0 }')
disconnected=$(grep -ho 'disconnected=[0-9]*' "$WORK"/sim*.out | awk -F= '{ s += $2 } END { print s + 0 }')
say "positions: acked $acked, stored $rows, distinct $distinct; trucks cut off $disconnected, reconnected $reconnected"
if [ "$acked" -gt 0 ] && [ "$rows" -ge "$acked" ] && [ "$rows" = "$distinct" ]; then
  pass "every acknowledged position stored exactly once ($acked acked, $rows stored, none twice)"
else
  fail "positions: acked $acked, stored $rows, distinct $distinct"
fi
[ "$disconnected" -gt 0 ] && [ "$reconnected" = "$disconnected" ] \
  && pass "the $disconnected trucks of the killed gateway reconnected to the survivor" \
  || fail "trucks cut off $disconnected, reconnected $reconnected"

# 2. alarms: per truck, as many TERMINAL_EMERGENCY alarms as rising edges of the bit in its stored positions
read -r lost extra expected actual < <(sql "WITH p AS (
    SELECT terminal, alarm_bits & 1 AS bit,
           lag(alarm_bits & 1) OVER (PARTITION BY terminal ORDER BY reported_at) AS prev
    FROM telemetry_position WHERE $FLEET),
  e AS (SELECT terminal, count(*) FILTER (WHERE bit = 1 AND coalesce(prev, 0) = 0) AS n FROM p GROUP BY terminal),
  a AS (SELECT terminal_phone AS terminal, count(*) AS n FROM muck_alarm
        WHERE type = 'TERMINAL_EMERGENCY' AND terminal_phone LIKE '1380%' GROUP BY terminal_phone)
  SELECT coalesce(sum(greatest(coalesce(e.n, 0) - coalesce(a.n, 0), 0)), 0),
         coalesce(sum(greatest(coalesce(a.n, 0) - coalesce(e.n, 0), 0)), 0),
         coalesce(sum(e.n), 0), coalesce(sum(a.n), 0)
  FROM e FULL JOIN a USING (terminal)" | tr '|' ' ')
doubled=$(sql "SELECT (SELECT count(*) FROM (SELECT 1 FROM muck_alarm GROUP BY terminal_phone, type, started_at HAVING count(*) > 1) a)
  + (SELECT count(*) FROM (SELECT 1 FROM muck_alarm WHERE status = 'OPEN' GROUP BY terminal_phone, type HAVING count(*) > 1) b)")
behind=$(sql "SELECT count(*) FROM tel_partition_offset WHERE stream = '$STREAM' AND observed_seq < last_seq")
replayed=$(grep -ho 'telemetry log: partition [0-9]* of [^:]*: [0-9]* positions' "$WORK/node0.log" "$WORK/node0.out" 2>/dev/null \
  | awk '{ s += $(NF - 1) } END { print s + 0 }')
say "alarms: TERMINAL_EMERGENCY expected from the stored positions $expected, raised $actual (missing $lost, extra $extra); $replayed positions handed again to node 1's engine at the takeover"
if [ "$expected" -gt 0 ] && [ "$lost" = 0 ] && [ "$extra" = 0 ]; then
  pass "no alarm lost or doubled ($actual emergency alarms = the rising edges of the bit in the stored track)"
else
  fail "emergency alarms: expected $expected, raised $actual, missing $lost, extra $extra"
fi
[ "$doubled" = 0 ] && pass "no alarm of any type doubled (vehicle, type, start) nor open twice" \
  || fail "$doubled alarms doubled"
[ "$behind" = 0 ] && pass "every stored position confirmed evaluated (observed offset = stored offset, 16 partitions)" \
  || fail "$behind partitions with stored positions not confirmed evaluated"

# 3. the SLA clock: one warning per due case
for set in before after; do
  ids=$BEFORE_IDS; [ $set = after ] && ids=$AFTER_IDS
  warned=$(sql "SELECT COUNT(DISTINCT case_id) FROM case_alert WHERE kind = 'WARNING' AND case_id IN ($ids)")
  alerts=$(sql "SELECT COUNT(*) FROM case_alert WHERE kind = 'WARNING' AND case_id IN ($ids)")
  if [ "$warned" = "$SLA_CASES" ] && [ "$alerts" = "$SLA_CASES" ]; then
    pass "SLA clock fired once per case made due $set the kill ($alerts warnings for $SLA_CASES cases)"
  else
    fail "SLA $set the kill: $warned of $SLA_CASES cases warned, $alerts warnings"
  fi
done

# 4. web requests through HAProxy
total=$(wc -l < "$WORK/web.txt")
failed=$(awk '$3 !~ /^2/' "$WORK/web.txt" | wc -l)
late=$(awk -v k="$KILLED_AT" '$3 !~ /^2/ && $1 > k + 5' "$WORK/web.txt" | wc -l)
say "web: $total requests through HAProxy ($(awk '{print $2}' "$WORK/web.txt" | sort | uniq -c | tr '\n' ' ')), $failed failed: $(awk '$3 !~ /^2/ {printf "%s %s at %+.1fs; ", $2, $3, $1 - k}' k="$KILLED_AT" "$WORK/web.txt")"
if [ "$total" -gt 0 ] && [ "$failed" -le "$MAX_WEB_FAILURES" ] && [ "$late" = 0 ]; then
  pass "web requests kept working ($failed of $total failed, all within 5 s of the kill; at most $MAX_WEB_FAILURES allowed)"
else
  fail "web: $failed of $total failed ($late more than 5 s after the kill)"
fi

say "$(uptime | sed 's/.*load/load/')"
if [ "$FAILURES" -gt 0 ]; then say "$FAILURES check(s) failed"; exit 1; fi
say "all checks passed"
