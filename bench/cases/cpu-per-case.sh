#!/usr/bin/env bash
# CPU per case intake of one packaged jar (issue 22 goal 2; docs/benchmarks.md, "Intake: CPU per case").
# usage: bench/cases/cpu-per-case.sh <jar> <label> <warm secs> <measured secs> [conns] [extra java opts...]
# Env: TEMPLATE (a database with the demo city seeded once by the base version, default h_intake1_tpl),
#      DB (scratch database, copied from TEMPLATE for each run), PORT (default 18099), POOL (Hikari, default 6),
#      POINTS (file of "lat lon" lines; written from geo_grid when missing), JAVA (default temurin 25).
# A/B: alternate the two jars, e.g. for i in 1 2 3; do for j in new base; do ...cpu-per-case.sh $j.jar $j-$i 60 120 8; done; done
# CPU per intake: the app's utime+stime (and the sum over postgres processes) across the measured wrk run, divided
# by the cases written; the app's idle CPU rate (measured right after, no load) times the run's wall time is
# subtracted in the "net" figure; "through idle" counts everything up to the end of the 20 s idle window (work the
# app does after the load stops — a consumer catching up — belongs to the cases too). PostgreSQL: the backends of
# the scratch database only (not the WAL writer or checkpointer).
set -uo pipefail
jar=$1; label=$2; warm=$3; n=$4; conns=${5:-8}; shift 5 || true
export PGHOST=127.0.0.1 PGUSER=postgres
db=${DB:-h_intake1_run}; port=${PORT:-18099}; url=http://127.0.0.1:$port
q() { for i in $(seq 1 30); do out=$(psql "$@" 2>/dev/null) && { echo "$out"; return 0; }; sleep 1; done; return 1; }
q -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
q -qc "CREATE DATABASE $db TEMPLATE ${TEMPLATE:-h_intake1_tpl}" >/dev/null || { echo "$label: no database"; exit 1; }
out=${OUT:-/tmp/cpu-per-case}; mkdir -p $out; log=$out/app-$label.log
CITYOPS_DB_POOL=${POOL:-6} CITYOPS_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db CITYOPS_DB_USER=postgres CITYOPS_LOG_FILE=$out/app-$label.file.log \
  ${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java} -Xmx1g "$@" -jar $jar --server.port=$port > $log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for i in $(seq 1 300); do curl -fs $url/actuator/health >/dev/null 2>&1 && break; sleep 1; done
tok=$(curl -fs -XPOST $url/api/v1/auth/token -H 'Content-Type: application/json' -d '{"username":"operator1","password":"cityops-demo"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
points=${POINTS:-$out/points.txt}
[ -s $points ] || q -d $db -Atc "SELECT ((min_lat+max_lat)/2)::numeric(9,6) || ' ' || ((min_lon+max_lon)/2)::numeric(10,6) FROM geo_grid ORDER BY random() LIMIT 5000" > $points
cpu() { awk '{print $14+$15}' /proc/$1/stat; }
pgcpu() { local s=0; for p in $(q -d $db -Atc "select pid from pg_stat_activity where datname = '$db'"); do v=$(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null || echo 0); s=$((s+v)); done; echo $s; }
count() { q -d $db -Atc "select count(*) from city_case"; }
TOKEN=$tok POINTS=$points wrk -t2 -c$conns -d${warm}s -s "$(dirname "$0")/intake.lua" $url | tail -1 | sed "s/^/$label warm: /"
sleep 5
c0=$(count); j0=$(cpu $pid); p0=$(pgcpu); l0=$(cut -d' ' -f1 /proc/loadavg); t0=$(date +%s.%N)
TOKEN=$tok POINTS=$points wrk -t2 -c$conns -d${n}s -s "$(dirname "$0")/intake.lua" $url | tail -1 | sed "s/^/$label measured: /"
sleep 5
c1=$(count); j1=$(cpu $pid); p1=$(pgcpu); l1=$(cut -d' ' -f1 /proc/loadavg); t1=$(date +%s.%N)
sleep 20
j2=$(cpu $pid); t2=$(date +%s.%N)
tck=$(getconf CLK_TCK)
python3 - <<PY
c=$c1-$c0; j=($j1-$j0)/$tck*1000; p=($p1-$p0)/$tck*1000
idle=($j2-$j1)/$tck*1000/($t2-$t1); wall=$t1-$t0
print(f"RESULT $label $(date -u +%H:%M:%S) cases={c} jvm_ms_per_case={j/c:.3f} jvm_net_ms_per_case={(j-idle*wall)/c:.3f} jvm_through_idle_ms_per_case={($j2-$j0)/$tck*1000/c:.3f} pg_ms_per_case={p/c:.3f} idle_jvm_ms_per_s={idle:.1f} wall={wall:.1f}s load={'$l0'}->{'$l1'}")
PY
