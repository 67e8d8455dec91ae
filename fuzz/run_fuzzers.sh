#!/bin/sh
# Runs each libFuzzer target of build-fuzz/ for SECONDS seconds (default 300), two at a time,
# starting from the committed seeds in fuzz/corpus/<target>/ and growing a working corpus in
# fuzz/corpus-work/<target>/ (not committed). Each target's log goes to
# fuzz/corpus-work/<target>.log; the "Done N runs" line there is the execution count recorded
# in docs/FUZZING.md. Crashes are written as fuzz/corpus-work/crash-* (libFuzzer artifacts).
# Usage: fuzz/run_fuzzers.sh [SECONDS] [TARGET...]
set -u
cd "$(dirname "$0")/.."
secs=${1:-300}
[ $# -gt 0 ] && shift
targets=${*:-$(ls build-fuzz/fuzz/ | sed -n 's/_fuzz$//p')}
mkdir -p fuzz/corpus-work
run() {
  t=$1
  mkdir -p "fuzz/corpus-work/$t"
  "build-fuzz/fuzz/${t}_fuzz" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="fuzz/corpus-work/$t-" \
    "fuzz/corpus-work/$t" "fuzz/corpus/$t" > "fuzz/corpus-work/$t.log" 2>&1
  echo "$t: exit $? $(grep -o 'Done [0-9]* runs' "fuzz/corpus-work/$t.log")"
}
set -- $targets
while [ $# -gt 0 ]; do
  run "$1" &
  if [ $# -gt 1 ]; then run "$2" & shift; fi
  shift
  wait
done
