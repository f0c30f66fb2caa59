#!/usr/bin/env bash
# Load benchmark of the telemetry pipeline (decode → durable batch insert → 0x8001 → position observers) on
# PostgreSQL, plus a plain COPY baseline of the same rows. Prints numbers; it is not a test.
#   TRUCKS=10000 RATE=5 DURATION=180 bench/telemetry/load.sh
# The 10,000 trucks are registered in the muck registry (bench/telemetry/fleet.sql), so each position is
# evaluated by the alarm engine; they drive empty (LOADED_SHARE=0) so that permit and unloading rules do not
# turn every truck into an alarm, while no-go and speed zones are checked for every position.
# Mixed fleets: MUCK_TRUCKS (the first trucks in the muck registry, default all), EXTRA_FLEET_SQL (psql file run
# with -v first= -v trucks= for the rest), AFTER_SIM (a command run before the app stops), SKIP_BASELINE=1,
# SKIP_CITYOPS=1 (only jt808-server, with JT808_SERVER_JAR).
# Optional: APP_WORKERS (gateway event loops; 0 = the app's default, one per two cores), SIM_THREADS (simulator
# event loops), APP_TRANSPORT / SIM_TRANSPORT (auto|epoll|nio), APP_JAVA_OPTS, JT808_JAVA_OPTS, SIM_JAVA_OPTS,
# JT808_SERVER_JAR, APP_CPUS / SIM_CPUS (taskset pinning: the server and PostgreSQL on one core, the simulator on the other).
# Needs: PostgreSQL on 127.0.0.1 (user postgres), ulimit -n > TRUCKS + 1000 for both processes.
set -euo pipefail
cd "$(dirname "$0")/../.."
TRUCKS=${TRUCKS:-10000}
RATE=${RATE:-5}
DURATION=${DURATION:-60}
DB=${DB:-cityops_telemetry_bench}
PORT=${PORT:-17808}
HTTP_PORT=${HTTP_PORT:-18106}
WORK=${WORK:-/tmp/telemetry-bench}
PSQL="psql -h 127.0.0.1 -U postgres -X -q"
mkdir -p "$WORK"
# Optional pinning (where each side saturates): APP_CPUS=1 SIM_CPUS=0 puts the server (and, for cityops, the
# database's processes) on one core and the simulator on the other.
APP_PIN=${APP_CPUS:+taskset -c $APP_CPUS}
SIM_PIN=${SIM_CPUS:+taskset -c $SIM_CPUS}
# CPU seconds (user + system) a process has used so far; postgres = every PostgreSQL process of the machine
cpu_of() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat" 2>/dev/null || echo 0; }
cpu_pg() {
  local sum=0 p
  for p in $(pgrep -u postgres postgres); do sum=$(echo "$sum + $(cpu_of "$p")" | bc); done
  echo "$sum"
}
pin_pg() { [ -z "${APP_CPUS:-}" ] || for p in $(pgrep -u postgres postgres); do taskset -pc "$1" "$p" >/dev/null; done; }
# prints CPU seconds per 1,000 acknowledged positions from the simulator's TOTAL line
per_thousand() {
  local acked
  acked=$(grep -o 'acked=[0-9]*' "$1" | tail -1 | cut -d= -f2)
  echo "== $2: acked $acked; CPU s: server $3, database $4, simulator $5; per 1,000 acked: server $(echo "scale=3; 1000 * $3 / $acked" | bc), server+database $(echo "scale=3; 1000 * ($3 + $4) / $acked" | bc)"
}

# the app runs on its own classes; the simulator (src/sim/java, not in the product jar) is compiled with the tests
./mvnw -q -B -DskipTests test-compile
CP_FILE=target/telemetry-sim.classpath
[ "$CP_FILE" -nt pom.xml ] || ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime
CP="target/classes:$(cat "$CP_FILE")"
SIM_CP="target/test-classes:$CP"

$PSQL -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" 2>/dev/null
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg)"

start_app() {
  CITYOPS_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB CITYOPS_DB_USER=postgres CITYOPS_LOG_FILE=$WORK/app.log \
    $APP_PIN java ${APP_JAVA_OPTS:--Xmx2g} -cp "$CP" org.cityops.CityopsApplication --server.port=$HTTP_PORT \
    --cityops.telemetry.jt808.port=$PORT --cityops.telemetry.jt808.allow-unknown=true \
    --cityops.telemetry.jt808.max-connections=$((TRUCKS + 1000)) --logging.level.root=WARN \
    --cityops.telemetry.jt808.max-connections-per-address=$((TRUCKS + 1000)) \
    --cityops.telemetry.jt808.auth-timeout-seconds=300 --cityops.telemetry.jt808.transport=${APP_TRANSPORT:-auto} \
    --cityops.telemetry.jt808.worker-threads=${APP_WORKERS:-0} \
    >> "$WORK/app.out" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true' EXIT
  # wait for the gateway's port and for health (the demo city is seeded before health is UP; the gateway refuses
  # positions until the platform is ready)
  for _ in $(seq 1 600); do
    (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" >/dev/null 2>&1 && break
    kill -0 $APP 2>/dev/null || { echo "app died"; tail -20 "$WORK/app.out"; exit 1; }
    sleep 1
  done
}
# SKIP_CITYOPS=1 runs only jt808-server (with JT808_SERVER_JAR)
if [ "${SKIP_CITYOPS:-0}" != 1 ]; then
# first start: the schema and the demo city (sites, disposal sites, zones, permits); then the fleet is
# registered (FLEET=0 leaves the trucks unknown to the registry: the alarm engine then skips them) and the app
# restarted so the alarm engine's world holds the 10,000 trucks
start_app
if [ "${FLEET:-1}" = 1 ]; then
  kill $APP; wait $APP 2>/dev/null || true
  $PSQL -v first=13800000000 -v trucks=${MUCK_TRUCKS:-$TRUCKS} -f bench/telemetry/fleet.sql $DB
  # a mixed fleet (bench/sanitation/fleet.sh): the trucks after the first MUCK_TRUCKS registered by another script
  [ -z "${EXTRA_FLEET_SQL:-}" ] || $PSQL -v first=$((13800000000 + ${MUCK_TRUCKS:-$TRUCKS})) \
    -v trucks=$((TRUCKS - ${MUCK_TRUCKS:-$TRUCKS})) -f "$EXTRA_FLEET_SQL" $DB
  start_app
fi
echo "== app up; simulating $TRUCKS trucks x $RATE/s for ${DURATION}s"

pin_pg "${APP_CPUS:-}"
A0=$(cpu_of $APP); P0=$(cpu_pg)
$SIM_PIN java ${SIM_JAVA_OPTS:--Xmx1500m -XX:+UseParallelGC -Dio.netty.leakDetection.level=disabled} -cp "$SIM_CP" org.cityops.telemetry.sim.TruckSimulator --port $PORT \
  --trucks $TRUCKS --rate $RATE --duration $DURATION --misbehaving ${MISBEHAVING:-0} --v2019 0.5 \
  --loaded-share ${LOADED_SHARE:-0} --connect-rate ${CONNECT_RATE:-2000} --threads ${SIM_THREADS:-1} --transport ${SIM_TRANSPORT:-auto} | tee "$WORK/sim.out" &
SIMPID=$!
sleep 1; SIMJ=$(pgrep -n -f 'telemetry.sim.TruckSimulator' || echo 0)
while kill -0 $SIMPID 2>/dev/null; do S1=$(cpu_of "$SIMJ"); sleep 1; done
wait $SIMPID || true
A1=$(cpu_of $APP); P1=$(cpu_pg)
pin_pg "0-$(($(nproc) - 1))"
per_thousand "$WORK/sim.out" cityops "$(echo "$A1 - $A0" | bc)" "$(echo "$P1 - $P0" | bc)" "${S1:-0}"
sleep 2
ROWS=$($PSQL -Atc "SELECT count(*) FROM telemetry_position" $DB)
echo "== rows stored: $ROWS"
# a caller's extra report while the app still runs (bench/sanitation/fleet.sh: the coverage engine's meters)
[ -z "${AFTER_SIM:-}" ] || HTTP_PORT=$HTTP_PORT DB=$DB WORK=$WORK bash -c "$AFTER_SIM"
kill $APP; wait $APP 2>/dev/null || true
trap - EXIT
fi

if [ "${SKIP_BASELINE:-0}" != 1 ] && [ "${SKIP_CITYOPS:-0}" != 1 ]; then
echo "== baseline: plain COPY of the same rows into a plain table with the same primary key"
$PSQL -c "\copy (SELECT * FROM telemetry_position) TO '$WORK/rows.tsv'" $DB
$PSQL -c "CREATE TABLE copy_baseline (LIKE telemetry_position INCLUDING ALL)" $DB 2>/dev/null || \
  $PSQL -c "CREATE TABLE copy_baseline (terminal VARCHAR(20), reported_at TIMESTAMPTZ, lat FLOAT8, lon FLOAT8,
    speed_kmh REAL, direction SMALLINT, alarm_bits BIGINT, status_bits BIGINT, mileage_km FLOAT8, altitude_m INT,
    received_at TIMESTAMPTZ, PRIMARY KEY (terminal, reported_at))" $DB
T0=$(date +%s.%N)
$PSQL -c "\copy copy_baseline FROM '$WORK/rows.tsv'" $DB
T1=$(date +%s.%N)
echo "COPY $ROWS rows in $(echo "$T1 - $T0" | bc) s = $(echo "$ROWS / ($T1 - $T0)" | bc) rows/s"
fi

# Optional: the same simulator against yezhihao/jt808-server (built beside the project, never committed):
#   JT808_SERVER_JAR=/tmp/jt808-server/jtt808-server/target/jtt808-server-1.0.0-SNAPSHOT.jar bench/telemetry/load.sh
if [ -n "${JT808_SERVER_JAR:-}" ]; then
  echo "== yezhihao/jt808-server, logging at WARN, same simulator parameters"
  $APP_PIN java ${JT808_JAVA_OPTS:--Xmx2g} -jar "$JT808_SERVER_JAR" --server.address=127.0.0.1 --server.port=$HTTP_PORT \
    --jt-server.jt808.tcp-port=$PORT --jt-server.jt808.udp-port=$PORT --jt-server.jt808.t9208.enabled=false \
    --logging.level.root=WARN --logging.level.io.github.yezhihao.netmc=WARN --logging.level.org.yzh=WARN \
    > "$WORK/jt808-server.out" 2>&1 &
  YZH=$!
  trap 'kill $YZH 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 1; done
  A0=$(cpu_of $YZH); P0=$(cpu_pg)
  $SIM_PIN java ${SIM_JAVA_OPTS:--Xmx1500m -XX:+UseParallelGC -Dio.netty.leakDetection.level=disabled} -cp "$SIM_CP" org.cityops.telemetry.sim.TruckSimulator --port $PORT \
    --trucks $TRUCKS --rate $RATE --duration $DURATION --misbehaving 0 --v2019 0.5 \
    --connect-rate ${CONNECT_RATE:-2000} --threads ${SIM_THREADS:-1} --transport ${SIM_TRANSPORT:-auto} | tee "$WORK/sim-jt808-server.out" &
  SIMPID=$!
  sleep 1; SIMJ=$(pgrep -n -f 'telemetry.sim.TruckSimulator' || echo 0)
  while kill -0 $SIMPID 2>/dev/null; do S1=$(cpu_of "$SIMJ"); sleep 1; done
  wait $SIMPID || true
  A1=$(cpu_of $YZH); P1=$(cpu_pg)
  per_thousand "$WORK/sim-jt808-server.out" jt808-server "$(echo "$A1 - $A0" | bc)" "$(echo "$P1 - $P0" | bc)" "${S1:-0}"
  kill $YZH; wait $YZH 2>/dev/null || true
fi
