#!/usr/bin/env bash
# Handbook to PDF: times `tsunagu handbook --pdf` on the example site's largest A4 handbook (the
# council report with the city's whole activity list, ~140 A4 pages), both printing passes and
# the libqpdf post-processing included. Prints `RESULT name value` lines.
#   bash bench/handbook_bench.sh            (uses build/tsunagu; TSUNAGU_BIN to override)
#   HANDBOOK_RUNS=5 HANDBOOK=kita-guide bash bench/handbook_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${TSUNAGU_BIN:-build/tsunagu}
RUNS=${HANDBOOK_RUNS:-3}
NAME=${HANDBOOK:-aoba-kyogitai-2025}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/tsunagu-handbook-bench-XXXXXX")
trap 'rm -rf "$OUT"' EXIT
[ -x /usr/bin/chromium ] || { echo "handbook bench: /usr/bin/chromium is missing (make setup)" >&2; exit 1; }
echo "handbook: $NAME, $RUNS runs, load $(cut -d' ' -f1-3 /proc/loadavg)"
times=()
for r in $(seq 1 "$RUNS"); do
  start=$(date +%s.%N)
  "$BIN" handbook --source . --out "$OUT/run$r" --pdf --quiet --today 2026-04-01 "$NAME"
  end=$(date +%s.%N)
  t=$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')
  times+=("$t")
  pages=$(pdfinfo "$OUT/run$r/$NAME/handbook.pdf" | awk '/^Pages:/ {print $2}')
  size=$(pdfinfo "$OUT/run$r/$NAME/handbook.pdf" | awk '/^Page size:/ {print $3 "x" $5}')
  printf 'run %d: %.2f s, %s pages (%s pt)\n' "$r" "$t" "$pages" "$size"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
printf 'RESULT handbook_%s_pages %s\n' "$NAME" "$pages"
printf 'RESULT handbook_%s_pdf_seconds %.2f\n' "$NAME" "$median"
printf 'RESULT handbook_%s_ms_per_page %.1f\n' "$NAME" "$(awk -v m="$median" -v p="$pages" 'BEGIN {print m * 1000 / p}')"
