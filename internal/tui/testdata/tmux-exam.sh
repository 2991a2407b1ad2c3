#!/bin/sh
# tmux-exam.sh drives the real asnskill binary through a short exam in tmux
# (send-keys, capture-pane), as a candidate would on a 100×30 terminal: start,
# answer, flag, leave one blank with enter alone (nothing is pre-selected),
# open the grid and jump from it, change an answer, review,
# submit, read the whole result, quit; then a second run quit with Ctrl+C
# twice. It fails when a screen does not show what it should, in particular
# when the result screen does not show every skill of the bank.
#
#   internal/tui/testdata/tmux-exam.sh [BANK-ID]     (default ml-specialist)
#
# Without tmux it says so and exits 0. ASNSKILL_BIN runs a given binary
# instead of building one; TMUX_EXAM_KEEP=1 keeps the captures.
set -eu

if ! command -v tmux >/dev/null 2>&1; then
	echo "tmux-exam: tmux is not installed: skipped"
	exit 0
fi

bank=${1:-ml-specialist}
root=$(cd "$(dirname "$0")/../../.." && pwd)
tmp=$(mktemp -d)
sock="$tmp/tmux.sock"
S=none
T() { tmux -S "$sock" "$@"; }
cleanup() {
	T kill-server >/dev/null 2>&1 || true
	if [ "${TMUX_EXAM_KEEP:-}" = 1 ]; then echo "tmux-exam: captures in $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

bin=${ASNSKILL_BIN:-}
if [ -z "$bin" ]; then
	bin="$tmp/asnskill"
	(cd "$root" && go build -o "$bin" ./cmd/asnskill)
fi

fail() {
	echo "tmux-exam: FAIL: $*" >&2
	echo "--- screen:" >&2
	T capture-pane -p -t "$S" >&2 || true
	exit 1
}

# wait_for TEXT: poll the screen (up to 10 s) until it shows TEXT.
wait_for() {
	i=0
	while [ $i -lt 200 ]; do
		if T capture-pane -p -t "$S" 2>/dev/null | grep -qF -- "$1"; then
			return 0
		fi
		i=$((i + 1))
		sleep 0.05
	done
	fail "the screen never showed: $1"
}

keys() { T send-keys -t "$S" "$@"; }

# The skills of the bank, from the program's own list.
skills="$tmp/skills"
"$bin" --lang en roles -o json | awk -v bank="$bank" '
	/^    "id": / { cur = $2; gsub(/[",]/, "", cur) }
	cur == bank && /^        "name": / { sub(/^        "name": "/, ""); sub(/",?$/, ""); print }
' >"$skills"
[ -s "$skills" ] || fail "no bank $bank (see 'asnskill roles')"

# start NAME: a new 100×30 session running an exam.
start() {
	S=$1
	T new-session -d -s "$S" -x 100 -y 30 \
		"'$bin' --lang en --db '$tmp/$S.db' quiz $bank --mode exam -n 5 --seed 1; echo EXIT=\$?; sleep 30"
}

# --- A whole exam.
start exam
wait_for "Press enter to start."
keys Enter
wait_for "Question 1/5"
wait_for "⏱ 5:00"
# Nothing is pre-selected: enter alone leaves the question blank.
wait_for "  A. ( )"
keys a Enter
wait_for "Question 2/5"
keys f
wait_for "? flagged"
keys b Right
wait_for "Question 3/5"
keys Enter
wait_for "Question 4/5"
keys g
wait_for "all questions"
wait_for "answered and flagged 1"
keys Home Enter
wait_for "Question 1/5"
wait_for "(•)"
keys c
keys s
wait_for "review before submitting"
wait_for "Unanswered (3)"
wait_for "Flagged (1)"
keys s
wait_for "Overall"

# Read the whole result, page by page.
result="$tmp/result.txt"
: >"$result"
keys Home
last=""
n=0
while [ $n -lt 20 ]; do
	sleep 0.1
	page=$(T capture-pane -p -t "$S")
	printf '%s\n' "$page" >>"$result"
	[ "$page" = "$last" ] && break
	last=$page
	keys PageDown
	n=$((n + 1))
done
grep -qE "Passed|Not passed" "$result" || fail "the result has no verdict"
grep -qF "What to study" "$result" || grep -qF "Every skill reaches" "$result" || fail "the result has no recommendations"
missing=0
while IFS= read -r skill; do
	if ! grep -qF -- "$skill" "$result"; then
		echo "tmux-exam: the result does not show the skill: $skill" >&2
		missing=1
	fi
done <"$skills"
[ $missing = 0 ] || fail "the result does not show every skill (captures: $result)"

keys r
wait_for "your answers"
keys Escape
wait_for "r review answers"
keys q
wait_for "EXIT=0"
# The result stays in the scrollback once the full screen is gone.
T capture-pane -p -t "$S" -S -200 | grep -qF "Overall" || fail "no result left on the terminal after quitting"

# --- Ctrl+C asks, a second Ctrl+C quits with status 130.
start interrupt
wait_for "Press enter to start."
keys Enter
wait_for "Question 1/5"
keys C-c
wait_for "Quit the quiz?"
keys C-c
wait_for "EXIT=130"
# The attempt is kept, and the terminal says how to go on.
wait_for "is kept as unfinished"
wait_for "asnskill quiz --resume"

echo "tmux-exam: ok ($bank: $(wc -l <"$skills" | tr -d ' ') skills on the result screen)"
