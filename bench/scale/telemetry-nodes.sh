#!/usr/bin/env bash
# Telemetry on two nodes through NATS JetStream (cityops.telemetry.log=jetstream, docs/scale-out-telemetry.md).
#   TRUCKS=1000 RATE=5 DURATION=30 bench/scale/telemetry-nodes.sh
# Run 1: one app node, the simulated fleet on its gateway. Run 2: two app nodes on one database, half of the fleet
# on each gateway (same offered rate). Run 3 (KILL_RUN=1, default): as run 2, and node 2 is killed (kill -9)
# half-way; its trucks are not reconnected by the simulator, so run 3's rate is not a throughput figure. Each run asserts that every acknowledged position is
# stored exactly once (rows >= acked, no (terminal, time) twice: each report of the simulator has its own time)
# and that no muck alarm is doubled (no two alarms of one vehicle, type and start; no two OPEN of one vehicle and
# type); it prints acked positions/s and CPU seconds per 1,000 acked positions (apps + PostgreSQL + nats-server,
# as bench/telemetry/load.sh counts). The numbers of one machine: report them with the load average beside them.
# Needs: PostgreSQL at 127.0.0.1 (user postgres), nats-server -js at 127.0.0.1:4222. Own names: database
# h_scale2_nodes, streams H_SCALE2_NODES_1/_2/_3, ports 18093/18094 (http) and 18993/18994 (JT/T 808).
set -euo pipefail
cd "$(dirname "$0")/../.."
TRUCKS=${TRUCKS:-1000}
RATE=${RATE:-5}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-0}
DB=${DB:-h_scale2_nodes}
NATS=${NATS:-nats://127.0.0.1:4222}
HTTP=(18093 18094)
JT=(18993 18994)
WORK=${WORK:-/tmp/h_scale2_nodes}
PSQL="psql -h 127.0.0.1 -U postgres -X -q"
mkdir -p "$WORK"
SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | head -c 48)
cpu_of() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat" 2>/dev/null || echo 0; }
cpu_pg() {
  local sum=0 p
  for p in $(pgrep -u postgres postgres); do sum=$(echo "$sum + $(cpu_of "$p")" | bc); done
  echo "$sum"
}
NATS_PID=$(pgrep -n -x nats-server || echo 0)

./mvnw -q -B -DskipTests test-compile
CP_FILE=target/telemetry-sim.classpath
[ "$CP_FILE" -nt pom.xml ] || ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime
# the nodes and the simulator run on a copy of the classes, so a build meanwhile does not pull them away
rm -rf "$WORK/classes" "$WORK/test-classes"; cp -r target/classes target/test-classes "$WORK/"
CP="$WORK/classes:$(cat "$CP_FILE")"
SIM_CP="$WORK/test-classes:$CP"
APPS=()
cleanup() {
  for p in "${APPS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  java -cp "$CP" bench/scale/DeleteStream.java "$NATS" H_SCALE2_NODES_1 H_SCALE2_NODES_2 H_SCALE2_NODES_3 >/dev/null 2>&1 || true
  $PSQL -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# start_node INDEX STREAM: an app node in log mode (returns its pid in NODE)
start_node() {
  local i=$1
  # every run in cluster mode (profile cluster: scheduled jobs once across the nodes, sessions in the database), so
  # one node and two nodes run the same configuration
  CITYOPS_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB CITYOPS_DB_USER=postgres CITYOPS_LOG_FILE=$WORK/app$i.log \
    CITYOPS_TOKEN_SECRET="$SECRET" \
    java ${APP_JAVA_OPTS:--Xmx1g} -cp "$CP" org.cityops.CityopsApplication --server.port=${HTTP[$i]} \
    --spring.profiles.active=demo,cluster \
    --cityops.telemetry.jt808.port=${JT[$i]} --cityops.telemetry.jt808.allow-unknown=true \
    --cityops.telemetry.jt808.max-connections=$((TRUCKS + 1000)) --logging.level.root=WARN \
    --logging.level.org.cityops.telemetry=INFO \
    --cityops.telemetry.jt808.max-connections-per-address=$((TRUCKS + 1000)) \
    --cityops.telemetry.jt808.auth-timeout-seconds=300 ${HIGH_WATER:+--cityops.telemetry.log.high-water=$HIGH_WATER} \
    --cityops.telemetry.log=jetstream --cityops.telemetry.log.stream="$2" \
    --cityops.telemetry.log.subject-prefix="$(echo "$2" | tr 'A-Z' 'a-z')" --cityops.telemetry.log.lease-interval=1s \
    >> "$WORK/app$i.out" 2>&1 &
  NODE=$!
  APPS+=("$NODE")
}
wait_up() {
  for _ in $(seq 1 600); do
    (exec 3<>/dev/tcp/127.0.0.1/${JT[$1]}) 2>/dev/null && curl -fs "http://127.0.0.1:${HTTP[$1]}/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { echo "node $1 died"; tail -20 "$WORK/app$1.out"; exit 1; }
    sleep 1
  done
  echo "node $1 did not come up"; exit 1
}
sim() { # sim PORTS FIRST_PHONE TRUCKS OUT (PORTS: one port, or a,b for one process feeding both gateways)
  local secs=$DURATION plates=苏D; [ "$4" = "$WORK/warm.out" ] && secs=$WARMUP plates=苏E
  java -Xmx700m -XX:+UseParallelGC -Dio.netty.leakDetection.level=disabled -cp "$SIM_CP" \
    org.cityops.telemetry.sim.TruckSimulator --ports "$1" --trucks "$3" --rate $RATE --duration $secs --plate-prefix "$plates" \
    --misbehaving 0 --v2019 0.5 --loaded-share 0 --connect-rate 2000 --first-phone "$2" > "$4" 2>&1
}
# sample CPU seconds of the given pids, postgres and nats-server every second into $1 until $2 exists
sample() {
  while [ ! -e "$2" ]; do
    for p in $APP_PIDS $(pgrep -u postgres postgres) $NATS_PID; do
      c=$(cpu_of "$p"); [ "$c" = 0 ] || echo "$p $c $(cat /proc/$p/comm 2>/dev/null)"
    done >> "$1"
    echo "--" >> "$1"
    sleep 1
  done
}
# CPU used during the sampling per kind (apps = java, postgres, nats-server): per pid, last sample minus first
# sample if it was there at the start (0 for pids born later); pids that died keep their last sample
cpu_used() {
  awk -v kind="$2" 'BEGIN { round = 0 }
    $1 == "--" { round++; next }
    { if (!($1 in last) && round > 0) first[$1] = 0; else if (!($1 in last)) first[$1] = $2;
      last[$1] = $2; comm[$1] = $3 }
    END { s = 0; for (p in last) if ((kind == "java" && comm[p] == "java") || comm[p] == kind) s += last[p] - first[p];
      printf "%.2f", s }' "$1"
}
# the number of stored positions once it stops growing (what was logged has been written)
drained_rows() {
  local n prev=-1
  for _ in $(seq 1 120); do
    n=$($PSQL -Atc "SELECT count(*) FROM telemetry_position" $DB)
    [ "$n" = "$prev" ] && break
    prev=$n; sleep 2
  done
  echo "$n"
}
acked_in() { grep -o 'acked=[0-9]*' "$1" | tail -1 | cut -d= -f2 || echo 0; }

# run NODES STREAM KILL
run() {
  local nodes=$1 stream=$2 kill=${3:-0} i
  APPS=()
  cleanup
  $PSQL -c "CREATE DATABASE $DB"
  rm -f "$WORK"/app*.out "$WORK"/sim*.out
  # the schema, the demo city, then the fleet in the muck registry (so the alarm engine sees every truck)
  start_node 0 "$stream"; wait_up 0 "$NODE"; kill "$NODE"; wait "$NODE" 2>/dev/null || true
  $PSQL -v first=13800000000 -v trucks=$TRUCKS -f bench/telemetry/fleet.sql $DB >/dev/null
  local pids=()
  for i in $(seq 0 $((nodes - 1))); do start_node "$i" "$stream"; pids+=("$NODE"); done
  for i in $(seq 0 $((nodes - 1))); do wait_up "$i" "${pids[$i]}"; done
  local ports; ports=$(IFS=,; echo "${JT[*]:0:$nodes}")
  local rows0=0
  if [ "$WARMUP" -gt 0 ]; then
    # the JIT compiles the gateway's path while traffic flows: a cold minute measures two JVMs compiling on two
    # cores, not what a node running for days does. Another fleet (phones 139…) warms every node, then drains.
    sim "$ports" 13900000000 "$TRUCKS" "$WORK/warm.out"
    rows0=$(drained_rows)
    echo "== warmed up for ${WARMUP}s: $(acked_in "$WORK/warm.out") acked, $rows0 rows"
  fi
  echo "== $nodes node(s) up ($(uptime | sed 's/.*load/load/')); $TRUCKS trucks x $RATE/s for ${DURATION}s"
  local s_pids=()
  APP_PIDS="${pids[*]}"; rm -f "$WORK/cpu.samples" "$WORK/stop"
  sample "$WORK/cpu.samples" "$WORK/stop" & local sampler=$!
  local t0; t0=$(date +%s.%N)
  local per=$((TRUCKS / nodes)) sims=$nodes
  if [ "${ONE_SIM:-1}" = 1 ]; then
    # one simulator process for the whole fleet, truck i on gateway i mod nodes: the load generator is the same
    # process in every run, so a second node is not measured against a second simulator's CPU
    sims=1
    sim "$ports" 13800000000 "$TRUCKS" "$WORK/sim0.out" & s_pids+=($!)
  else
    for i in $(seq 0 $((nodes - 1))); do
      sim "${JT[$i]}" $((13800000000 + i * per)) "$per" "$WORK/sim$i.out" & s_pids+=($!)
    done
  fi
  if [ "$kill" = 1 ]; then
    sleep $((DURATION / 2 + 5)); kill -9 "${pids[1]}"; echo "== node 2 killed (kill -9) at about half-time"
  fi
  for p in "${s_pids[@]}"; do wait "$p" || true; done
  local t1; t1=$(date +%s.%N)
  # the survivor drains what was logged (its own partitions and the dead node's)
  local rows; rows=$(($(drained_rows) - rows0))
  touch "$WORK/stop"; wait $sampler || true
  local ca cp cn
  ca=$(cpu_used "$WORK/cpu.samples" java); cp=$(cpu_used "$WORK/cpu.samples" postgres)
  cn=$(cpu_used "$WORK/cpu.samples" nats-server)
  local acked=0
  for i in $(seq 0 $((sims - 1))); do acked=$((acked + $(acked_in "$WORK/sim$i.out"))); done
  local distinct doubled
  distinct=$(($($PSQL -Atc "SELECT count(*) FROM (SELECT DISTINCT terminal, reported_at FROM telemetry_position) d" $DB) - rows0))
  doubled=$($PSQL -Atc "SELECT (SELECT count(*) FROM (SELECT 1 FROM muck_alarm GROUP BY terminal_phone, type, started_at HAVING count(*) > 1) a) + (SELECT count(*) FROM (SELECT 1 FROM muck_alarm WHERE status = 'OPEN' GROUP BY terminal_phone, type HAVING count(*) > 1) b)" $DB)
  local alarms; alarms=$($PSQL -Atc "SELECT count(*) FROM muck_alarm" $DB)
  local secs; secs=$(echo "$t1 - $t0" | bc)
  local cpu; cpu=$(echo "$ca + $cp + $cn" | bc)
  echo "== $nodes node(s): acked $acked in ${secs}s = $(echo "$acked / $secs" | bc) acked/s; rows $rows (distinct $distinct); alarms $alarms, doubled $doubled"
  grep -h "STEADY\|ACK-LATENCY\|AUTHENTICATED" "$WORK"/sim*.out | sed "s/^/== $nodes node(s): /"
  echo "== $nodes node(s): CPU s apps $ca, PostgreSQL $cp, nats-server $cn (until drained); per 1,000 acked: $(echo "scale=3; 1000 * $cpu / $acked" | bc); $(uptime | sed 's/.*load/load/')"
  [ "$rows" -ge "$acked" ] || { echo "FAIL: $((acked - rows)) acknowledged positions not stored"; exit 1; }
  [ "$rows" = "$distinct" ] || { echo "FAIL: positions stored twice"; exit 1; }
  [ "$doubled" = 0 ] || { echo "FAIL: doubled alarms"; exit 1; }
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
}

# RUNS="2": only the two-node run (for profiling; APP_JAVA_OPTS may add a JFR recording with %p in its name)
for r in ${RUNS:-1 2}; do run "$r" H_SCALE2_NODES_$r; done
[ "${KILL_RUN:-1}" = 1 ] && run 2 H_SCALE2_NODES_3 1
echo "== OK: every acknowledged position stored exactly once, no alarm doubled (one node, two nodes, two with one killed)"
