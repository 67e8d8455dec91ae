#!/usr/bin/env bash
# `make run`: show the bundled lists and a few screenings. (The server issue turns this into
# `tamiz serve`.)
set -euo pipefail
BUILD_DIR="${1:-build}"
PORT="${2:-8080}"
T="$BUILD_DIR/tamiz"
"$T" lists || true
for q in "Diosdado Cabello" "Tarek El Aissami" "Nicolás Maduro"; do
  echo
  echo "\$ tamiz screen \"$q\" --limit 3"
  "$T" screen "$q" --limit 3
done
