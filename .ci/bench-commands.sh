#!/usr/bin/env bash
# Times whole commands against the budgets in README (Measured) on a synthetic
# national try-out: N candidates × K questions (default 1,000,000 × 100,
# about 200 MB of CSV), compared with a plain encoding/csv read of the same
# file in the same run; peak memory from /usr/bin/time -v.
#
#   bash .ci/bench-commands.sh            # 1,000,000 × 100
#   N=100000 bash .ci/bench-commands.sh   # a quicker run
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-1000000}"; K="${K:-100}"
dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT
go build -o "$dir/asnskill" ./cmd/asnskill
go build -o "$dir/gensheet" ./internal/tools/gensheet
go build -o "$dir/csvread" ./internal/tools/csvread
"$dir/gensheet" -n "$N" -k "$K" -o "$dir/sheet.csv" -bank "$dir/bank.yaml"
echo "sheet: $(du -h "$dir/sheet.csv" | cut -f1), $N candidates × $K questions; $(nproc) cores; $(go version)"

TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "install GNU time (apt-get install time) for peak memory"; TIME=""; }
measure() { # name command...
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  if [ -n "$TIME" ]; then
    "$TIME" -v "$@" 2>"$dir/$name.time" >/dev/null
    peak=$(awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}' "$dir/$name.time")
  else
    "$@" >/dev/null 2>&1; peak=0
  fi
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc -l)
  printf '%-8s %8.2f s  peak %6.1f MiB\n' "$name" "$secs" "$(echo "$peak / 1024" | bc -l)"
  eval "${name}_secs=$secs; ${name}_peak=$peak"
}
measure csvread "$dir/csvread" "$dir/sheet.csv"
measure score "$dir/asnskill" score --bank "$dir/bank.yaml" "$dir/sheet.csv" -o jsonl
measure scorecsv "$dir/asnskill" score --bank "$dir/bank.yaml" "$dir/sheet.csv" -o csv
measure stats "$dir/asnskill" stats --bank "$dir/bank.yaml" "$dir/sheet.csv" -o json
echo "score: $(echo "$score_secs / $csvread_secs" | bc -l | cut -c1-4)× the plain read (budget 2×), $(echo "$score_peak / 1024" | bc) MiB (budget 64)"
echo "score -o csv: $(echo "$scorecsv_secs / $csvread_secs" | bc -l | cut -c1-4)× the plain read, $(echo "$scorecsv_peak / 1024" | bc) MiB"
echo "stats: $(echo "$stats_secs / $csvread_secs" | bc -l | cut -c1-4)× the plain read (budget 3×), $(echo "$stats_peak / 1024" | bc) MiB (budget 64)"
