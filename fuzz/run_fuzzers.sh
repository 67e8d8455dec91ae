#!/bin/sh
# Runs the libFuzzer targets of build-fuzz/, two at a time (a new one starts as soon as one
# ends), each for SECONDS seconds (default 300) or, with -runs N, until it has run N inputs or
# SECONDS have passed, whichever comes first (SECONDS 0 or absent: no time limit). Every fuzzer
# runs under `nice -n 19`, in a scheduler autogroup of nice 19, so it only takes CPU time nobody
# else wants. Each target starts from the committed seeds in
# fuzz/corpus/<target>/ and grows a working corpus in fuzz/corpus-work/<target>/ (not
# committed). Its log goes to fuzz/corpus-work/<target>.log; libFuzzer's final
# stat::number_of_executed_units there is the execution count recorded in docs/FUZZING.md, and
# is also appended, with the time, the exit status and the coverage, to
# fuzz/corpus-work/runs.txt (exit 0: the run ended by itself; 72: stopped by SIGINT).
# Crashes are written as fuzz/corpus-work/<target>-crash-* (libFuzzer artifacts).
# ASAN_OPTIONS defaults to quarantine_size_mb=16 (ASan's default, 256 MiB, makes every
# allocation touch cold memory: 15-40 % of the time went to page faults and cache misses; a
# parse of an input of at most 16 KiB frees far less than 16 MiB, so a use after free within
# one execution is still caught) and malloc_context_size=5 (5 frames of each allocation's
# stack instead of 30: recording them took about 6 % of the time; replay a crash artifact
# without it for the whole stacks). UBSAN_OPTIONS defaults to halt_on_error=1, so undefined
# behaviour ends the run with a crash artifact instead of a line in the log (the fuzz build
# compiles UBSan recoverable).
# -max_len=16384: every seed fits whole (the largest is 15.7 KiB), room for several records;
# the cost of an execution grows with the input (docs/FUZZING.md).
# Usage: fuzz/run_fuzzers.sh [-runs N] [SECONDS] [TARGET...]
set -u
cd "$(dirname "$0")/.."
if [ "${1:-}" = --one ]; then
  # Internal: one target ($4), for the queue below.
  runs=$2 secs=$3 t=$4
  mkdir -p "fuzz/corpus-work/$t"
  # A session of its own, whose scheduler autogroup gets nice 19 too: with autogroups on
  # (kernel.sched_autogroup_enabled), a process's nice only ranks it inside its own group, and
  # the fuzzer would still take a full share of the CPU from builds in other sessions.
  ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16:malloc_context_size=5} \
  UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
  setsid -w sh -c '(echo 19 > /proc/self/autogroup) 2>/dev/null; exec "$@"' sh \
    nice -n 19 "build-fuzz/fuzz/${t}_fuzz" -runs="$runs" -max_total_time="$secs" -timeout=20 \
    -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
    -artifact_prefix="fuzz/corpus-work/$t-" "fuzz/corpus-work/$t" "fuzz/corpus/$t" \
    > "fuzz/corpus-work/$t.log" 2>&1
  rc=$?
  log=fuzz/corpus-work/$t.log
  # libFuzzer's count of executed inputs: "Done N runs" is only printed when a run ends by
  # itself, the final stats also when it is stopped (SIGINT, exit 72).
  units=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  cov=$(tr '\r' '\n' < "$log" | grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*/[0-9]*[A-Za-z]*' | tail -1)
  # The ledger keeps every run's count, as the log is overwritten by the next run.
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) $t exit $rc executions ${units:-?} $cov" \
    >> fuzz/corpus-work/runs.txt
  echo "$t: exit $rc, ${units:-?} executions"
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
