#!/bin/sh
# Runs the libFuzzer targets of build-fuzz/, two at a time (a new one starts as soon as one
# ends), each for SECONDS seconds (default 300) or, with -runs N, until it has run N inputs or
# SECONDS have passed, whichever comes first (SECONDS 0 or absent: no time limit). Every fuzzer runs under `nice -n 19`, so it only
# takes CPU time nobody else wants. Each target starts from the committed seeds in
# fuzz/corpus/<target>/ and grows a working corpus in fuzz/corpus-work/<target>/ (not
# committed). Its log goes to fuzz/corpus-work/<target>.log; the "Done N runs" line there is
# the execution count recorded in docs/FUZZING.md. Crashes are written as
# fuzz/corpus-work/<target>-crash-* (libFuzzer artifacts).
# -max_len=16384: every seed fits whole (the largest is 15.7 KiB), room for several records;
# the cost of an execution grows with the input (docs/FUZZING.md).
# Usage: fuzz/run_fuzzers.sh [-runs N] [SECONDS] [TARGET...]
set -u
cd "$(dirname "$0")/.."
if [ "${1:-}" = --one ]; then
  # Internal: one target ($4), for the queue below.
  runs=$2 secs=$3 t=$4
  mkdir -p "fuzz/corpus-work/$t"
  nice -n 19 "build-fuzz/fuzz/${t}_fuzz" -runs="$runs" -max_total_time="$secs" -timeout=20 \
    -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
    -artifact_prefix="fuzz/corpus-work/$t-" "fuzz/corpus-work/$t" "fuzz/corpus/$t" \
    > "fuzz/corpus-work/$t.log" 2>&1
  echo "$t: exit $? $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "fuzz/corpus-work/$t.log")"
  exit 0
fi
runs=-1  # libFuzzer: no limit
secs=300
if [ "${1:-}" = -runs ]; then
  runs=$2
  secs=0
  shift 2
fi
case ${1:-} in
  '' | *[!0-9]*) ;;  # no SECONDS, the first argument is a target
  *) secs=$1 && shift ;;
esac
targets=${*:-$(ls build-fuzz/fuzz/ | sed -n 's/_fuzz$//p')}
mkdir -p fuzz/corpus-work
printf '%s\n' $targets | xargs -P 2 -I '{}' fuzz/run_fuzzers.sh --one "$runs" "$secs" '{}'
