#!/usr/bin/env bash
# Times scoring an .xlsx answer sheet against excelize's own streaming read
# of the same workbook (the bare read every .xlsx reader pays), with peak
# memory from /usr/bin/time -v. Default 100,000 candidates × 100 questions.
#
#   bash .ci/bench-xlsx.sh
#   N=20000 bash .ci/bench-xlsx.sh   # a quicker run
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-100000}"; K="${K:-100}"
dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT
go build -o "$dir/asnskill" ./cmd/asnskill
go build -o "$dir/gensheet" ./internal/tools/gensheet
go build -o "$dir/csv2xlsx" ./internal/tools/csv2xlsx
go build -o "$dir/xlsxread" ./internal/tools/xlsxread
"$dir/gensheet" -n "$N" -k "$K" -o "$dir/sheet.csv" -bank "$dir/bank.yaml"
"$dir/csv2xlsx" "$dir/sheet.csv" "$dir/sheet.xlsx"
echo "workbook: $(du -h "$dir/sheet.xlsx" | cut -f1), $N candidates × $K questions; $(nproc) cores; $(go version)"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "install GNU time (apt-get install time) for peak memory"; exit 1; }
measure() { # name command...
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  "$TIME" -v "$@" 2>"$dir/$name.time" >/dev/null
  end=$(date +%s.%N)
  peak=$(awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}' "$dir/$name.time")
  secs=$(echo "$end - $start" | bc -l)
  printf '%-8s %8.2f s  peak %6.1f MiB\n' "$name" "$secs" "$(echo "$peak / 1024" | bc -l)"
  eval "${name}_secs=$secs; ${name}_peak=$peak"
}
measure xlsxread "$dir/xlsxread" "$dir/sheet.xlsx"
measure score "$dir/asnskill" score --bank "$dir/bank.yaml" "$dir/sheet.xlsx" -o jsonl
echo "score from .xlsx: $(echo "$score_secs / $xlsxread_secs" | bc -l | cut -c1-4)× the bare read (goal ≤ 2×), $(echo "$score_peak / 1024" | bc) MiB (goal < 200)"
