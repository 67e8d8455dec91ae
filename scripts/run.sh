#!/usr/bin/env bash
# `make run`: start the HTTP API on the bundled lists (127.0.0.1, port $2, default 8080) after
# printing two example requests. Ctrl-C stops the server gracefully.
set -euo pipefail
BUILD_DIR="${1:-build}"
PORT="${2:-8080}"
T="$BUILD_DIR/tamiz"
if [[ ! -x "$T" ]]; then
  echo "run.sh: $T not found; build first (make build)" >&2
  exit 2
fi
BASE="http://127.0.0.1:$PORT"
cat <<MSG
tamiz API on $BASE (docs/API.md; OpenAPI at $BASE/openapi.json)

Try, once /readyz answers 200:

  curl -s '$BASE/search/default?q=Diosdado+Cabello&limit=3'

  curl -s -X POST '$BASE/match/default' -H 'Content-Type: application/json' \\
    -d '{"queries":{"q1":{"schema":"Person","properties":{"name":["Tarek El Aissami"],"birthDate":["1974-11-12"]}}}}'

MSG
exec "$T" serve --bind 127.0.0.1 --port "$PORT"
