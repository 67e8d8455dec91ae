#!/usr/bin/env bash
# Load test of `tamiz serve` on loopback with wrk (Debian package), all runs bounded in time:
#   1. /search at a sustainable concurrency (connections = server workers)
#   2. /match (yente-compatible POST)
#   3. /search at twice the sustainable concurrency and at 32x with a small queue: 503s
#      (shedding) or queueing are expected, timeouts and crashes are not
#   4. /search while the lists are reloaded in a loop (POST /admin/reload): 0 non-2xx expected
# Usage: bench/load/run.sh [BUILD_DIR (default build-rel)] [SECONDS per run (default 15)]
# Prints wrk's reports and the server's RSS before and after; figures go to
# docs/PERFORMANCE.md ("Service").
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
BUILD_DIR="${1:-build-rel}"
DUR="${2:-15}"
T="$BUILD_DIR/tamiz"
PORT="${TAMIZ_BENCH_PORT:-18090}"
THREADS="${TAMIZ_BENCH_THREADS:-8}"
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk not installed (apt-get install wrk)" >&2; exit 2; }
[[ -x "$T" ]] || { echo "$T not found; build a Release tree first" >&2; exit 2; }

WORK="$(mktemp -d)"
export TAMIZ_KEY="bench-$$-$RANDOM"
echo "$TAMIZ_KEY" > "$WORK/keys"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

start_server() {  # $1: extra serve flags
  # shellcheck disable=SC2086
  "$T" serve --port "$PORT" --threads "$THREADS" --api-key-file "$WORK/keys" $1 2>"$WORK/serve.log" &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    if curl -sf "$BASE/readyz" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "server did not become ready" >&2; cat "$WORK/serve.log" >&2; exit 1
}
stop_server() {
  kill -TERM "$SERVER_PID"; wait "$SERVER_PID" || true; SERVER_PID=""
}
rss() { ps -o rss= -p "$SERVER_PID" | awk '{printf "%.1f MiB", $1/1024}'; }

echo "== tamiz load test: $(nproc) cores, $THREADS server workers, ${DUR}s per run"
start_server ""
echo "-- lists: $(curl -s -H "Authorization: Bearer $TAMIZ_KEY" "$BASE/lists" | grep -o '"entity_count":[0-9]*' | paste -sd' ')"
echo "-- RSS after load: $(rss)"

echo; echo "== 1. GET /search, $THREADS connections"
wrk -t2 -c"$THREADS" -d"${DUR}s" --latency -s "$HERE/search.lua" "$BASE"

echo; echo "== 2. POST /match, $THREADS connections"
wrk -t2 -c"$THREADS" -d"${DUR}s" --latency -s "$HERE/match.lua" "$BASE"

echo; echo "== 3a. GET /search, $((THREADS * 2)) connections (twice the sustainable concurrency)"
wrk -t2 -c"$((THREADS * 2))" -d"${DUR}s" --latency -s "$HERE/search.lua" "$BASE"
echo "-- RSS: $(rss)"
stop_server

echo; echo "== 3b. GET /search, $((THREADS * 32)) connections, --max-queue $THREADS (shedding)"
start_server "--max-queue $THREADS"
wrk -t2 -c"$((THREADS * 32))" -d"${DUR}s" --latency --timeout 5s -s "$HERE/search.lua" "$BASE"
echo "-- RSS: $(rss)"
echo "-- shed: $(curl -s -H "Authorization: Bearer $TAMIZ_KEY" "$BASE/metrics" | grep '^tamiz_http_requests_shed_total')"
stop_server

echo; echo "== 4. GET /search while reloading the lists in a loop"
start_server ""
wrk -t2 -c"$THREADS" -d"${DUR}s" --latency -s "$HERE/search.lua" "$BASE" > "$WORK/wrk_reload.txt" &
WRK_PID=$!
reloads=0; reload_fail=0
while kill -0 "$WRK_PID" 2>/dev/null; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TAMIZ_KEY" "$BASE/admin/reload")
  if [[ "$code" == 200 ]]; then reloads=$((reloads + 1)); elif kill -0 "$WRK_PID" 2>/dev/null; then reload_fail=$((reload_fail + 1)); fi
done
wait "$WRK_PID" || true
cat "$WORK/wrk_reload.txt"
echo "-- reloads completed during the run: $reloads (failed: $reload_fail)"
if grep -q "Non-2xx" "$WORK/wrk_reload.txt"; then
  echo "-- non-2xx during reloads: $(grep 'Non-2xx' "$WORK/wrk_reload.txt")"
else
  echo "-- non-2xx during reloads: 0"
fi
echo "-- RSS: $(rss)"
stop_server
