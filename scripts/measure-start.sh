#!/usr/bin/env bash
# Time from `npm start` to the first successful GET /healthz, the CPU time the start used until then
# (all its processes; what a busy machine does not change), and the console lines printed before the
# banner: a first start on an empty data dir, then a restart on the same data dir.
#
#   scripts/measure-start.sh [--clean] [--tty] [checkout]
#
# --clean  removes the checkout's build output first (what a fresh clone has after `npm ci`)
# --tty    runs `npm start` on a pseudo-terminal (as in a shell) instead of a pipe
# MEASURE_PORT (default 3917) is the port; MEASURE_LOGS=<prefix> keeps both consoles' output.
# For fresh-clone figures: git clone <repo> /tmp/x && cd /tmp/x && npm ci && scripts/measure-start.sh
set -euo pipefail

clean=false
tty=false
while [[ $# -gt 0 && $1 == --* ]]; do
  case $1 in
    --clean) clean=true ;;
    --tty) tty=true ;;
    *) echo "unknown option $1" >&2 && exit 2 ;;
  esac
  shift
done
checkout=$(cd "${1:-$(dirname "$0")/..}" && pwd)
port=${MEASURE_PORT:-3917}
data=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$data" "$log"' EXIT

if curl -s -o /dev/null "http://127.0.0.1:$port/healthz"; then
  echo "port $port is in use: set MEASURE_PORT" >&2
  exit 1
fi
if $clean; then rm -rf "$checkout/dist"; fi

# The process ids under $1, deepest first.
descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1"); do descendants "$child"; done
  echo "$1"
}

# CPU seconds used by the processes under $1 and the children they have waited for.
cpu_seconds() {
  local pid
  for pid in $(descendants "$1"); do
    sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null || true
  done | awk -v hz="$(getconf CLK_TCK)" '{ ticks += $12 + $13 + $14 + $15 } END { printf "%.1f", ticks / hz }'
}

# Runs one start; prints "<seconds to first /healthz 200> <CPU seconds until then> <lines before the banner>".
measure() {
  local started now cpu pid lines
  started=$(date +%s%N)
  if $tty; then
    (cd "$checkout" && PORT=$port TRAILPLANE_DATA_DIR=$data exec script -qfec 'npm start' /dev/null) >"$log" 2>&1 &
  else
    (cd "$checkout" && PORT=$port TRAILPLANE_DATA_DIR=$data exec npm start) >"$log" 2>&1 &
  fi
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      cat "$log" >&2
      echo "npm start exited before answering" >&2
      exit 1
    fi
    sleep 0.05
  done
  now=$(date +%s%N)
  cpu=$(cpu_seconds "$pid")
  for _ in $(seq 1 100); do grep -q 'Trailplane is listening' "$log" && break || sleep 0.05; done
  # Not counted: the log lines of this script's own /healthz probes.
  lines=$(awk '/Trailplane is listening/ { print NR - 1 - probes; found = 1; exit }
    /"url":"\/healthz"/ { probes++ }
    END { if (!found) print "?" }' "$log")
  # The server is the deepest process; SIGINT starts its graceful shutdown.
  kill -INT "$(descendants "$pid" | head -n 1)"
  wait "$pid" || true
  awk -v ms=$(((now - started) / 1000000)) -v cpu="$cpu" -v lines="$lines" \
    'BEGIN { printf "%.1f %s %s\n", ms / 1000, cpu, lines }'
}

first=$(measure)
if [[ -n ${MEASURE_LOGS:-} ]]; then cp "$log" "$MEASURE_LOGS.first-start"; fi
restart=$(measure)
if [[ -n ${MEASURE_LOGS:-} ]]; then cp "$log" "$MEASURE_LOGS.restart"; fi
printf '%-12s %19s %9s %20s\n' 'start' 'first /healthz (s)' 'CPU (s)' 'lines before banner'
printf '%-12s %19s %9s %20s\n' 'first start' $first
printf '%-12s %19s %9s %20s\n' 'restart' $restart
