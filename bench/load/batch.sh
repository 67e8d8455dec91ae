#!/usr/bin/env bash
# Batch screening throughput and memory (manual benchmark, not run by ctest).
#   bench/load/batch.sh BUILD_DIR INPUT.csv [BIG_ROWS]
# INPUT is a screening CSV with a header (`name` or `full_name`); the figures in
# docs/PERFORMANCE.md used the 50,000 synthetic non-matching US persons of the yente candidate
# set (negatives_us.csv, MIT), which is not part of this repo. Runs it with 1 worker and with
# all cores, printing rows/s and peak RSS. With BIG_ROWS (e.g. 10000000) it
# also generates a file of that many rows by repeating INPUT and screens it with output to
# /dev/null, to show that memory stays flat.
set -euo pipefail
if [[ $# -lt 2 ]]; then
  echo "usage: bench/load/batch.sh BUILD_DIR INPUT.csv [BIG_ROWS]" >&2
  exit 2
fi
BUILD_DIR="$1"
INPUT="$2"
BIG_ROWS="${3:-0}"
T="$BUILD_DIR/tamiz"
[[ -x "$T" ]] || { echo "$T not found; build a Release tree first" >&2; exit 2; }
[[ -r "$INPUT" ]] || { echo "cannot read $INPUT" >&2; exit 2; }
OUT="$(mktemp)"
trap 'rm -f "$OUT" "${BIG:-}"' EXIT
rows=$(($(wc -l < "$INPUT") - 1))
echo "== batch: $rows rows from $INPUT, $(nproc) cores"
for threads in 1 "$(nproc)"; do
  echo "-- TAMIZ_THREADS=$threads"
  TAMIZ_THREADS=$threads /usr/bin/time -f "   wall %e s, user CPU %U s, system CPU %S s, peak RSS %M KiB" \
    "$T" screen --input "$INPUT" --output "$OUT"
done
echo "-- output: $(wc -l < "$OUT") lines, $(du -h "$OUT" | cut -f1)"
if [[ "$BIG_ROWS" -gt 0 ]]; then
  BIG="$(mktemp --suffix=.csv)"
  head -1 "$INPUT" > "$BIG"
  body_rows=$rows
  reps=$(( (BIG_ROWS + body_rows - 1) / body_rows ))
  for _ in $(seq 1 "$reps"); do tail -n +2 "$INPUT"; done | head -n "$BIG_ROWS" >> "$BIG"
  echo "== big batch: $BIG_ROWS rows ($(du -h "$BIG" | cut -f1)), output to /dev/null"
  /usr/bin/time -f "   wall %e s, user CPU %U s, system CPU %S s, peak RSS %M KiB" "$T" screen --input "$BIG" --output /dev/null
fi
