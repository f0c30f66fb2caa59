#!/usr/bin/env bash
# Two cityops app nodes behind HAProxy on one machine (issue 20, point 1; docs/scale-out.md). Builds nothing: it
# runs target/cityops-*.jar (./mvnw -DskipTests package first). Creates its own PostgreSQL database, starts node 1
# (port 18091), node 2 (18092) with the profiles demo,cluster and HAProxy (18991, bench/scale/haproxy.cfg), then
#   1. signs in through the load balancer and uses the bearer token on each node directly;
#   2. signs in on the login page through the load balancer and opens a page with that session cookie on each node;
#   3. creates cases through the load balancer, moves their warning time into the past and checks that the SLA
#      clock (running on both nodes every 2 s, ShedLock) raised exactly one 预警 per case;
#   4. kills node 1 with SIGKILL while a loop of requests goes through the load balancer, and counts failures;
#   5. checks the survivor still raises the SLA warnings (the lock of a killed node expires) and serves pages.
# Exits non-zero when an assertion breaks. Needs: java, psql (PostgreSQL at 127.0.0.1:5432, user postgres),
# haproxy (apt-get install haproxy), curl, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
JAR=$(ls "$ROOT"/target/cityops-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
[ -n "$JAR" ] || { echo "no target/cityops-*.jar: run ./mvnw -B -ntp -q -DskipTests package first"; exit 2; }
command -v haproxy >/dev/null || { echo "haproxy is not installed (apt-get install haproxy)"; exit 2; }
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PGHOST=127.0.0.1
DB="h_scale1_web_$(date +%s)_$$"
WORK=$(mktemp -d)
LB=http://127.0.0.1:18991
N1=http://127.0.0.1:18091
N2=http://127.0.0.1:18092
T0=$(date +%s)
FAILURES=0
PIDS=()

say() { printf '[%3ds] %s\n' $(( $(date +%s) - T0 )) "$*"; }
fail() { say "FAIL: $*"; FAILURES=$((FAILURES + 1)); }
sql() { # the machine's PostgreSQL may be short of connections for a moment: try again
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    psql -h $PGHOST -U postgres -d "$DB" -Atqc "$1" 2>/dev/null && return 0
    sleep 1
  done
  psql -h $PGHOST -U postgres -d "$DB" -Atqc "$1"
}

cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 1
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  psql -h $PGHOST -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  echo "logs: $WORK"
}
trap cleanup EXIT

psql -h $PGHOST -U postgres -qc "CREATE DATABASE $DB"
# every node: the same database, the same token secret (HS256), the same audit checkpoint key (the demo makes it
# in ./data of the working directory, which both nodes share here)
SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | head -c 48)

start_node() { # name port pool (node 1 seeds the demo city: it needs the default 20)
  (cd "$WORK" && CITYOPS_DB_URL="jdbc:postgresql://$PGHOST:5432/$DB" CITYOPS_DB_USER=postgres \
    CITYOPS_TOKEN_SECRET="$SECRET" CITYOPS_LOG_FILE="$WORK/$1.log" CITYOPS_DB_POOL=$3 \
    exec "$JAVA" -Xmx768m -jar "$JAR" --server.port="$2" --spring.profiles.active=demo,cluster \
      --cityops.telemetry.jt808.port=0 --cityops.cases.sla-interval=PT2S > "$WORK/$1.out" 2>&1) &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
}

await_ready() { # url pid name
  for _ in $(seq 1 1200); do
    curl -fs "$1/actuator/health/readiness" >/dev/null 2>&1 && { say "$3 ready"; return 0; }
    kill -0 "$2" 2>/dev/null || { echo "$3 did not start:"; tail -40 "$WORK/$3.out"; exit 1; }
    sleep 0.5
  done
  echo "$3 not ready"; tail -40 "$WORK/$3.out"; exit 1
}

# node 1 first (it migrates and seeds the demo city), then node 2 on the same database
start_node node1 18091 20
NODE1=$LAST_PID
await_ready $N1 "$NODE1" node1
start_node node2 18092 10
NODE2=$LAST_PID
await_ready $N2 "$NODE2" node2
haproxy -f bench/scale/haproxy.cfg -db > "$WORK/haproxy.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 40); do curl -fs "$LB/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 0.25; done

json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }

# 1. bearer token from the load balancer, used on each node
TOKEN=$(curl -fsS -X POST "$LB/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"operator1","password":"cityops-demo"}' | json '["access_token"]')
new_case() {
  curl -fsS -X POST "$LB/api/v1/cases" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"channel":"HOTLINE","categoryCode":"E09006","description":"双节点测试 '"$1"'","lat":31.78,"lon":119.95,"address":"测试路1号","urgency":"NORMAL","reporter":{"name":"测试","phone":"13800000001"}}' \
    | json '["id"]'
}
CASE=$(new_case token)
for node in $N1 $N2 $N1 $N2; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$node/api/v1/cases/$CASE")
  [ "$code" = 200 ] || fail "token from the load balancer refused by $node ($code)"
done
say "1. token issued through the load balancer accepted by node 1 and node 2"

# 2. page session: sign in on the form through the load balancer, open /cases on each node with the cookie
JARFILE="$WORK/cookies"
CSRF=$(curl -fsS -c "$JARFILE" -b "$JARFILE" "$LB/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
  | sed 's/.*value="//; s/"$//')
where=$(curl -sS -c "$JARFILE" -b "$JARFILE" -o /dev/null -w '%{redirect_url}' -X POST "$LB/login" \
  --data-urlencode username=operator1 --data-urlencode password=cityops-demo --data-urlencode "_csrf=$CSRF")
case "$where" in *login*) fail "form sign-in through the load balancer refused ($where)";; esac
for node in $N1 $N2 $N1 $N2; do
  code=$(curl -s -b "$JARFILE" -o /dev/null -w '%{http_code}' "$node/cases")
  [ "$code" = 200 ] || fail "page session refused by $node (/cases answered $code)"
done
say "2. page session made through the load balancer served by node 1 and node 2"

# 3. the SLA clock runs on both nodes every 2 s: one 预警 per case, never two
sla_once() { # label count
  local ids=()
  for i in $(seq 1 "$2"); do ids+=("$(new_case "sla-$1-$i")"); done
  local list; list=$(IFS=,; echo "${ids[*]}")
  sql "UPDATE city_case SET warn_at = now() - interval '1 minute' WHERE id IN ($list)" >/dev/null
  local warned=0
  for _ in $(seq 1 150); do
    warned=$(sql "SELECT COUNT(DISTINCT case_id) FROM case_alert WHERE kind = 'WARNING' AND case_id IN ($list)")
    [ "$warned" = "$2" ] && break
    sleep 0.5
  done
  [ "$warned" = "$2" ] || fail "$1: only $warned of $2 cases got their SLA warning"
  sleep 5 # more ticks on both nodes: none may warn again
  local alerts; alerts=$(sql "SELECT COUNT(*) FROM case_alert WHERE kind = 'WARNING' AND case_id IN ($list)")
  [ "$alerts" = "$2" ] || fail "$1: $alerts SLA warnings for $2 cases (must be one per case)"
  say "3. $1: $2 cases, $alerts SLA warnings (lock cases.sla-clock last taken by $(sql "SELECT locked_by FROM shedlock WHERE name = 'cases.sla-clock'"))"
}
sla_once "two nodes" 8

# 4. kill -9 node 1 while requests go through the load balancer
LOOP="$WORK/loop.txt"
: > "$LOOP"
(for _ in $(seq 1 400); do
   curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $TOKEN" "$LB/api/v1/cases/$CASE" >> "$LOOP"
 done) &
LOOP_PID=$!
while [ "$(wc -l < "$LOOP")" -lt 100 ]; do sleep 0.05; done
kill -9 "$NODE1"
say "4. node 1 killed (SIGKILL) after $(wc -l < "$LOOP") requests of the loop"
wait $LOOP_PID
TOTAL=$(wc -l < "$LOOP")
FAILED=$(grep -vc '^200$' "$LOOP" || true)
say "4. requests through the load balancer: $TOTAL, failed: $FAILED"
[ "$FAILED" = 0 ] || fail "$FAILED of $TOTAL requests failed while node 1 died"

# 5. the survivor carries on: SLA clock (the killed node's lock expires) and the page session
sla_once "node 2 alone" 3
code=$(curl -s -b "$JARFILE" -o /dev/null -w '%{http_code}' "$LB/cases")
[ "$code" = 200 ] || fail "page session through the load balancer after node 1 died: $code"
say "5. page session through the load balancer after node 1 died: $code"

say "uptime: $(uptime)"
if [ "$FAILURES" -gt 0 ]; then say "$FAILURES assertion(s) broke"; exit 1; fi
say "all assertions hold"
