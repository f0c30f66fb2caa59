#!/usr/bin/env bash
# Start-up to ready, measured (issue 22, goal 4). Starts the packaged jar N times and reports for each run:
#   wall  = seconds from launching `java` to the first 200 from /actuator/health (what CI and e2e wait on),
#   cpu   = CPU seconds the JVM had used at that moment (utime+stime from /proc/<pid>/stat; travels between
#           machines and loads better than wall time on a shared machine),
#   load  = the 1-minute load average when the run started.
# Usage: bench/startup/measure.sh [fresh|restart] [runs] [-- extra java options]
#   fresh   (default) every run on an empty data directory: Flyway + the whole demo city is made;
#   restart one seeding start first (not reported), then every run on that database: the demo is already there.
# The log of the last start is kept in target/last-start.log; THREADS=1 prints the CPU seconds of the busiest
# threads at the moment of "ready" (on stderr).
# Env: JAR (default target/cityops-*.jar), PORT (18095), JT_PORT (18915), JAVA (java).
# Example with class-data sharing: bench/startup/cds.sh first, then
#   bench/startup/measure.sh fresh 3 -- -XX:SharedArchiveFile=target/cds/cityops.jsa   (see docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=${1:-fresh}
RUNS=${2:-3}
shift $(( $# >= 2 ? 2 : $# ))
[[ "${1:-}" == "--" ]] && shift
EXTRA=("$@")
JAR=${JAR:-$(ls target/cityops-*.jar | grep -v original | head -1)}
JAR=$(readlink -f "$JAR")
PORT=${PORT:-18095}
JT_PORT=${JT_PORT:-18915}
JAVA=${JAVA:-java}
TICKS=$(getconf CLK_TCK)
LOGDIR=${LOGDIR:-target}
mkdir -p "$LOGDIR"
WORK=$(mktemp -d /tmp/cityops-startup.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# one start; prints "wall cpu load"; always called in a subshell (its EXIT trap stops the JVM)
start_once() {
  local dir=$1 load t0 wall cpu
  load=$(cut -d' ' -f1 /proc/loadavg)
  if curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; then
    echo "port $PORT answers before the start: another cityops is running there" >&2; exit 1
  fi
  t0=$(date +%s.%N)
  (cd "$dir" && exec "$JAVA" "${EXTRA[@]}" -jar "$JAR" --server.port="$PORT" \
      --cityops.telemetry.jt808.port="$JT_PORT" </dev/null >"$dir/stdout.log" 2>&1) &
  pid=$!  # global: the EXIT trap reads it
  # the subshell execs java, so $! is the JVM itself; it does not outlive this function, whatever happens
  trap 'kill "$pid" 2>/dev/null || true' EXIT
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "cityops died; see $dir/stdout.log" >&2; tail -30 "$dir/stdout.log" >&2; exit 1; fi
    sleep 0.2
  done
  wall=$(echo "$(date +%s.%N) - $t0" | bc)
  cpu=$(awk -v t="$TICKS" '{printf "%.2f", ($14+$15)/t}' "/proc/$pid/stat")
  if [[ -n "${THREADS:-}" ]]; then
    # where the CPU went, by thread (main = context refresh and the seeders; C2/C1 = JIT; GC)
    for t in /proc/"$pid"/task/*; do
      awk -v t="$TICKS" -v n="$(cat "$t/comm" 2>/dev/null)" '{printf "%8.2f %s\n", ($14+$15)/t, n}' "$t/stat" 2>/dev/null || true
    done | sort -rn | head -8 >&2
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  cp "$dir/stdout.log" "$LOGDIR/last-start.log"
  printf '%.2f %s %s\n' "$wall" "$cpu" "$load"
}

mkdir -p "$WORK/db"
if [[ "$MODE" == restart ]]; then
  read -r _ < <(start_once "$WORK/db")
fi
echo "mode=$MODE jar=$(basename "$JAR") java=$("$JAVA" -version 2>&1 | head -1) cores=$(nproc) extra=${EXTRA[*]:-none}"
printf '%-4s %8s %8s %6s\n' run wall_s cpu_s load1
for i in $(seq 1 "$RUNS"); do
  if [[ "$MODE" == fresh ]]; then rm -rf "$WORK/db"; mkdir -p "$WORK/db"; fi
  read -r wall cpu load < <(start_once "$WORK/db")
  printf '%-4s %8s %8s %6s\n' "$i" "$wall" "$cpu" "$load"
done
