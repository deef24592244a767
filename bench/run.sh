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
#   BENCH_SEARCH   1 (default): after each size's builds, index the built site with Pagefind
#                  (timed) and run bench/search_bench.mjs (tsunagu's search against Pagefind in
#                  headless Chromium); 0: builds only
#   BENCH_PAGEFIND_SIZES  the sizes at which Pagefind is indexed and compared (default: all of
#                  BENCH_SIZES); at the others the search benchmark measures tsunagu alone
#   BENCH_PAGEFIND_MEM_MB  address-space limit for Pagefind (default 8192): it needs ~2.6 GB at
#                  10,000 activities and grows with the site; past the limit it fails and is
#                  reported, instead of pushing a shared machine into the OOM killer
set -uo pipefail

cd "$(dirname "$0")/.." || exit 2
SIZES=${BENCH_SIZES:-"10000 100000"}
RUNS=${BENCH_RUNS:-3}
SEED=${BENCH_SEED:-1}
OUT=${BENCH_OUT:-bench/out}
TIMEOUT=${BENCH_TIMEOUT:-1800}
SEARCH=${BENCH_SEARCH:-1}
PAGEFIND_MEM_MB=${BENCH_PAGEFIND_MEM_MB:-8192}
PAGEFIND_SIZES=${BENCH_PAGEFIND_SIZES:-$SIZES}
# The binary npm installed (the "extended" build, which segments Japanese), run directly so that
# its memory limit applies to it alone and not to a Node wrapper.
PAGEFIND=$(ls node_modules/@pagefind/*/bin/pagefind_extended 2>/dev/null | head -n1)
PAGEFIND=${PAGEFIND:-node_modules/.bin/pagefind}
# Pagefind indexes the record pages only, as tsunagu's search does: activities/, organizations/
# and consultation/ without their index*.html listings (bench/README.md says why).
PAGEFIND_GLOB='{activities,organizations,consultation}/{[!i]*,i[!n]*,in[!d]*,ind[!e]*,inde[!x]*}.html'
if [ "$SEARCH" != 0 ]; then
  [ -x "$PAGEFIND" ] && [ -d node_modules/playwright-core ] || { echo "bench: pagefind or playwright-core is missing: run 'npm ci' (make setup), or BENCH_SEARCH=0" >&2; exit 1; }
fi

if [ -n "${TSUNAGU_BIN:-}" ]; then
  BIN=$TSUNAGU_BIN
else
  BIN=build/tsunagu
  make build || { echo "bench: make build failed" >&2; exit 1; }
fi
[ -x "$BIN" ] || { echo "bench: $BIN is not an executable" >&2; exit 1; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

# A corpus has no node_modules of its own: builds take Leaflet (map view) from this checkout's,
# as a deployed site would have it, instead of warning render.no_leaflet on every build.
if [ -z "${TSUNAGU_LEAFLET_DIR:-}" ] && [ -f node_modules/leaflet/dist/leaflet.js ]; then
  export TSUNAGU_LEAFLET_DIR=$PWD/node_modules/leaflet/dist
fi

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
if [ "$SEARCH" != 0 ]; then
  echo "search:   pagefind $("$PAGEFIND" --version 2>/dev/null | sed 's/^pagefind[_a-z]* //') --site C/site --output-path C/pagefind --root-selector main --glob '$PAGEFIND_GLOB'"
  echo "          (address space limited to $PAGEFIND_MEM_MB MB)"
  echo "          node bench/search_bench.mjs (Chromium $(/usr/bin/chromium --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n1))"
fi

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

  [ "$SEARCH" != 0 ] || continue
  # Pagefind indexes the same built site (the last build's output), timed like the builds.
  rm -rf "$corpus/pagefind"
  tools=tsunagu,pagefind
  if ! printf '%s\n' $PAGEFIND_SIZES | grep -qx "$n"; then
    echo "pagefind: not at this size (BENCH_PAGEFIND_SIZES=\"$PAGEFIND_SIZES\"); tsunagu alone"
    tools=tsunagu
  else
    log="$OUT/pagefind-$n.log"
    tfile=$(mktemp)
    if [ -n "$TIME_BIN" ]; then
      timeout "$TIMEOUT" "$TIME_BIN" -f '%e %M %U %S' -o "$tfile" prlimit --as=$((PAGEFIND_MEM_MB * 1048576)) "$PAGEFIND" --site "$corpus/site" --output-path "$corpus/pagefind" \
        --root-selector main --glob "$PAGEFIND_GLOB" >"$log" 2>&1
      rc=$?
      read -r sec kb usr sys < <(tail -n1 "$tfile")
    else
      TIMEFORMAT=%R
      { time timeout "$TIMEOUT" prlimit --as=$((PAGEFIND_MEM_MB * 1048576)) "$PAGEFIND" --site "$corpus/site" --output-path "$corpus/pagefind" --root-selector main --glob "$PAGEFIND_GLOB" >"$log" 2>&1; } 2>"$tfile"
      rc=$?
      sec=$(tail -n1 "$tfile"); kb=; usr=; sys=
    fi
    rm -f "$tfile"
    if [ "$rc" -ne 0 ]; then
      # The comparison tool failing (out of memory at 100,000) is a finding, not a failed benchmark.
      echo "pagefind: FAILED with exit code $rc after ${sec:-?} s${kb:+, peak $((kb / 1024)) MB} (limit $PAGEFIND_MEM_MB MB; log: $log)"
      tail -n 5 "$log" | sed 's/^/          /'
      echo "RESULT search_${n}_pagefind_index_seconds failed"
      rm -rf "$corpus/pagefind"
    else
      pages=$(grep -oE 'Indexed [0-9]+ pages' "$log" | grep -oE '[0-9]+')
      echo "pagefind: ${sec} s, ${kb:+peak $((kb / 1024)) MB, }${usr:+cpu $usr user + $sys sys s, }${pages:-?} pages indexed (log: $log)"
      echo "RESULT search_${n}_pagefind_index_seconds $sec"
      [ -n "$kb" ] && echo "RESULT search_${n}_pagefind_index_peak_mb $((kb / 1024))"
    fi
  fi
  echo "search:   load $(cut -d' ' -f1-3 /proc/loadavg) before; per-query log: $OUT/search-$n.log"
  node bench/search_bench.mjs --site "$corpus/site" --pagefind "$corpus/pagefind" --answers "$corpus/bench-answers.json" \
    --label "$n" --tools "$tools" --log "$OUT/search-$n.log" --json "$OUT/search-$n.json" || status=1
done
# Printed handbooks: the example site's largest A4 handbook to PDF (issue 7's target: ≤ 10 s).
if [ "${BENCH_HANDBOOK:-1}" = 1 ]; then
  echo
  echo "== handbook"
  TSUNAGU_BIN="$BIN" bash bench/handbook_bench.sh || status=1
fi
echo
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) after the runs"
exit $status
