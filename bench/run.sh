#!/usr/bin/env bash
# Build benchmark: generates corpora of 10,000 and 100,000 activities and times
# `tsunagu build --quiet` on each, BENCH_RUNS times (default 3), printing the median.
# It writes nothing to bench/RESULTS.md: copy figures there by hand from a real run.
#
#   bash bench/run.sh                 (or: make bench)
#   BENCH_SIZES="10000" BENCH_RUNS=5 bash bench/run.sh
#
# Environment:
#   BENCH_SIZES    activity counts to measure (default "10000 100000")
#   BENCH_RUNS     timed builds per size (default 3)
#   BENCH_SEED     corpus seed (default 1)
#   BENCH_OUT      where corpora live (default bench/out, git-ignored); e.g. /dev/shm/tsunagu-bench
#                  to take the disk out of the measurement
#   BENCH_TIMEOUT  seconds before one build is stopped and reported (default 1800)
#   TSUNAGU_BIN    the binary to measure (default build/tsunagu, built with `make build` first)
set -uo pipefail

cd "$(dirname "$0")/.." || exit 2
SIZES=${BENCH_SIZES:-"10000 100000"}
RUNS=${BENCH_RUNS:-3}
SEED=${BENCH_SEED:-1}
OUT=${BENCH_OUT:-bench/out}
TIMEOUT=${BENCH_TIMEOUT:-1800}

if [ -n "${TSUNAGU_BIN:-}" ]; then
  BIN=$TSUNAGU_BIN
else
  BIN=build/tsunagu
  make build || { echo "bench: make build failed" >&2; exit 1; }
fi
[ -x "$BIN" ] || { echo "bench: $BIN is not an executable" >&2; exit 1; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

TIME_BIN=/usr/bin/time
if [ ! -x "$TIME_BIN" ]; then
  echo "bench: /usr/bin/time is missing (Debian package 'time'); wall time comes from bash, peak memory is not measured" >&2
  TIME_BIN=
fi

# The machine and the state it was in, for bench/RESULTS.md.
echo "== machine"
echo "cpu:      $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //') × $(nproc)"
echo "memory:   $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) before the runs"
echo "commit:   $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- generator themes 2>/dev/null || echo ' (with uncommitted changes)')"
echo "binary:   $BIN ($("$BIN" --version 2>/dev/null))"
echo "corpora:  $OUT"
echo "command:  tsunagu build --source C --out C/site --quiet   ($RUNS runs, output folder removed before each)"

# A corpus is reused when the generator, its municipality table, size and seed are unchanged.
generator_hash() {
  { sha256sum bench/generate_corpus.mjs ../shared/data/localgovjp-utf8.csv | cut -d' ' -f1
    echo "activities=$1 seed=$SEED"; } | sha256sum | cut -c1-16
}

median() { sort -g | awk '{v[NR]=$1} END {if (NR) print (NR % 2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

status=0
mkdir -p "$OUT"
for n in $SIZES; do
  corpus="$OUT/c$n"
  hash=$(generator_hash "$n")
  echo
  echo "== $n activities"
  if [ -f "$corpus/.generator-hash" ] && [ "$(cat "$corpus/.generator-hash")" = "$hash" ]; then
    echo "corpus:   $corpus (reused, generator hash $hash)"
  else
    echo "corpus:   generating $corpus ..."
    node bench/generate_corpus.mjs --activities "$n" --seed "$SEED" --out "$corpus" || { echo "bench: generator failed" >&2; status=1; continue; }
    echo "$hash" > "$corpus/.generator-hash"
  fi

  secs=(); mems=(); failed=0
  for r in $(seq 1 "$RUNS"); do
    rm -rf "$corpus/site"
    log="$OUT/build-$n-run$r.log"
    tfile=$(mktemp)
    if [ -n "$TIME_BIN" ]; then
      timeout "$TIMEOUT" "$TIME_BIN" -f '%e %M %U %S' -o "$tfile" "$BIN" build --source "$corpus" --out "$corpus/site" --quiet >"$log" 2>&1
      rc=$?
      read -r sec kb usr sys < <(tail -n1 "$tfile")
    else
      TIMEFORMAT=%R
      { time timeout "$TIMEOUT" "$BIN" build --source "$corpus" --out "$corpus/site" --quiet >"$log" 2>&1; } 2>"$tfile"
      rc=$?
      sec=$(tail -n1 "$tfile"); kb=; usr=; sys=
    fi
    rm -f "$tfile"
    diags=$(grep -cE ': (error|warning): ' "$log")
    if [ "$rc" -ne 0 ]; then
      if [ "$rc" -eq 124 ]; then echo "run $r:    TIMED OUT after ${TIMEOUT}s (log: $log)"
      else echo "run $r:    FAILED with exit code $rc after ${sec:-?} s, peak ${kb:+$((kb / 1024)) MB} ($diags diagnostics; log: $log)"; fi
      tail -n 5 "$log" | sed 's/^/          /'
      failed=1; status=1
      break
    fi
    secs+=("$sec"); mems+=("${kb:-0}")
    if [ -n "$kb" ]; then mem="peak $((kb / 1024)) MB"; else mem="peak memory not measured"; fi
    cpu=${usr:+, cpu $usr user + $sys sys s}
    echo "run $r:    ${sec} s, $mem$cpu, $diags diagnostics"
  done
  [ "$failed" -eq 0 ] || continue

  files=$(find "$corpus/site" -type f | wc -l)
  size=$(du -sm "$corpus/site" | cut -f1)
  echo "output:   $files files, $size MB"
  med=$(printf '%s\n' "${secs[@]}" | median)
  echo "RESULT build_${n}_seconds $med"
  if [ -n "$TIME_BIN" ]; then
    echo "RESULT build_${n}_peak_mb $(printf '%s\n' "${mems[@]}" | sort -n | tail -n1 | awk '{printf "%d", $1/1024}')"
  else
    echo "RESULT build_${n}_peak_mb unmeasured"
  fi
  echo "RESULT build_${n}_ms_per_activity $(awk -v s="$med" -v n="$n" 'BEGIN {printf "%.3f", s * 1000 / n}')"
done
echo
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) after the runs"
exit $status
