#!/bin/sh
# screenshots.sh remakes the pictures in docs/img from the real program:
#   result-80x24.png  the quiz's result screen, 80×24, driven in tmux
#   report-html.png   the HTML report (asnskill report -o html) in headless Chromium
#   stats-html.png    the class page (asnskill stats -o html) of a drawn class
# Needs tmux and chromium-headless-shell (Debian packages).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'tmux -S "$tmp/sock" kill-server >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
bin="$tmp/asnskill"
(cd "$root" && go build -o "$bin" ./cmd/asnskill)
T() { tmux -S "$tmp/sock" "$@"; }
wait_for() {
	i=0
	while [ $i -lt 200 ]; do
		T capture-pane -p -t shot | grep -qF -- "$1" && return 0
		i=$((i + 1)); sleep 0.05
	done
	echo "screenshots: never saw: $1" >&2; T capture-pane -p -t shot >&2; exit 1
}
# An exam of the standard length, answered with a pattern, submitted.
T new-session -d -s shot -x 80 -y 24 \
	"ASNSKILL_LANG=id '$bin' --db '$tmp/h.db' quiz cyber-security --mode exam --seed 7 --save '$tmp/r.json'; sleep 30"
wait_for "Tekan enter untuk mulai."
T send-keys -t shot Enter
wait_for "Soal 1/35"
n=1
for a in a b c d b a c a b b d a c c a b d a a b c a d b a b c a b d a c a b c; do
	T send-keys -t shot "$a" Enter
	n=$((n + 1))
done
T send-keys -t shot s
wait_for "tinjau"
T send-keys -t shot s
wait_for "Ringkasan"
T send-keys -t shot s
sleep 0.3
T capture-pane -p -t shot > "$tmp/screen.txt"
# The captured text as a page, so the browser draws the terminal.
{
	printf '<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0;background:#1d2433}'
	printf 'pre{margin:0;padding:10px 12px;color:#e8ecf3;font:15px/1.3 "DejaVu Sans Mono",monospace;white-space:pre}</style></head><body><pre>'
	sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' "$tmp/screen.txt"
	printf '</pre></body></html>'
} > "$tmp/screen.html"
shot() { chromium-headless-shell --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$tmp/chrome" --window-size="$1" --screenshot="$2" "file://$3" >/dev/null 2>&1; }
shot 760,505 "$root/docs/img/result-80x24.png" "$tmp/screen.html"
"$bin" --lang id report "$tmp/r.json" -o html --out "$tmp/r.html" 2>/dev/null
shot 900,1500 "$root/docs/img/report-html.png" "$tmp/r.html"
# A class of 600 drawn by the bank's model (internal/tools/classsheet), its
# item analysis as the page a trainer shows.
(cd "$root" && go run ./internal/tools/classsheet -bank quizzes/cyber-security.yaml -n 600 -k 20) > "$tmp/kelas.csv"
"$bin" --lang id stats --bank "$root/quizzes/cyber-security.yaml" "$tmp/kelas.csv" --group region --focal Papua -o html --out "$tmp/kelas.html" 2>/dev/null
shot 900,1500 "$root/docs/img/stats-html.png" "$tmp/kelas.html"
echo "screenshots: docs/img/result-80x24.png docs/img/report-html.png docs/img/stats-html.png"
