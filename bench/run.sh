#!/bin/sh
# bench/run.sh: cursus's reproducible benchmark, in one run.
#
# Builds the generator and the floor, generates catalogues of N specs
# (N = 1, 100, 1000, 10000, seed 42) plus the 2 shipped specs as a case of
# their own, and measures, on each:
#   floor        bench/floor.c: read every file, libyaml over the front
#                matter, cmark over the body, building nothing
#   front floor  floor -f: the same without the body, the least that any
#                reader of every front matter must do (for reference)
#   list, show ID, schedule, status        cursus's commands
#   first frame  the planner on an 80x24 pty, from start until its first
#                complete frame is drawn (bench/first_frame.c), then 'q'
#   bare frame   bench/bare_frame.c, a bare ncurses program, on the same pty,
#                interleaved with the planner's first frame on the shipped
#                specs: the least any curses program takes to a frame
#   reader frame bench/reader_frame.c, the bare frame after reading the
#                progress file and P4-A with cursus's libraries, in the same
#                rounds: what those libraries and reads alone take
# each with hyperfine (warm-ups, then several runs: median and spread), the
# peak RSS of each (/usr/bin/time -f %M; the planner's from wait4()), and the
# instructions per keystroke in the planner (callgrind, 1000 moves minus an
# empty session) on the 2 shipped specs and on 10000 specs plus those 2.
# Prints the tables, the ratios and the targets (PASS/MISS), and writes them
# to bench/results.md with the machine and the date.
#
# Environment (all optional):
#   CURSUS    the cursus to measure (default: ../src/.libs/cursus next to this
#             script), built as usual (./configure && make: -O2 -g); it is
#             copied first, so that a rebuild during the run changes nothing.
#             Its catalogue cache goes to $WORK/cache-CASE (XDG_CACHE_HOME): the
#             commands are timed with it warm (after the warm-ups), and list
#             also with it rebuilt before each run and with it off
#   SIZES     catalogue sizes (default "1 100 1000 10000")
#   SEED      the generator's seed (default 42)
#   WARMUP    warm-up runs (default 2); RUNS timed runs (default 20); BIG_RUNS
#             timed runs for catalogues of 5000 specs or more (default 10),
#             SMALL_RUNS for those under 1000 (default 50: their runs take
#             milliseconds, where a busy machine's noise is largest)
#   PTY_ROUNDS, PTY_RUNS  the planner's first frame on the shipped specs is
#             compared with a bare ncurses frame in PTY_ROUNDS rounds
#             (default 10) of PTY_RUNS runs of each (default 5)
#   KEYS      keystrokes of the planner session (default 1000)
#   VAULT     notes of the generated vault (bench/gen_vault.c: N notes in
#             N/50 folders, 20 of them specs; default 10000, 0: no vault);
#             on it, the vault floor (floor -f -r: walk, read every note,
#             libyaml over each front matter), list warm, list with its
#             cache removed, list without cache, and the planner's first
#             frame
#   VAULT_ROUNDS  interleaved rounds on the vault for its targets (default 9)
#   OUT       the report (default results.md next to this script)
#   WORK      scratch directory (default: a new one under $TMPDIR or /tmp,
#             removed at the end unless KEEP=1)
#   CURSUS_REV  what to call the measured cursus in the report (default: the
#             commit of this tree, and whether it has changes)
#   CC        the C compiler (default cc)
# Needs: hyperfine, valgrind, /usr/bin/time (Debian packages hyperfine
# valgrind time), pkg-config, libyaml-dev, libcmark-dev, libncurses-dev,
# libutf8proc-dev, libjson-c-dev.
set -eu

BENCH=$(cd "$(dirname "$0")" && pwd)
TOP=$(dirname "$BENCH")
CURSUS=${CURSUS:-$TOP/src/.libs/cursus}
SIZES=${SIZES:-"1 100 1000 10000"}
SEED=${SEED:-42}
WARMUP=${WARMUP:-2}
RUNS=${RUNS:-20}
BIG_RUNS=${BIG_RUNS:-10}
SMALL_RUNS=${SMALL_RUNS:-50}
PTY_ROUNDS=${PTY_ROUNDS:-10}
PTY_RUNS=${PTY_RUNS:-5}
KEYS=${KEYS:-1000}
VAULT=${VAULT:-10000}
VAULT_ROUNDS=${VAULT_ROUNDS:-9}
OUT=${OUT:-$BENCH/results.md}
CC=${CC:-cc}
TODAY=2026-11-24
SHIPPED=$TOP/data/specs

# The planner and the commands see a UTF-8 terminal of a known kind.
LC_ALL=C.UTF-8
LANG=C.UTF-8
TERM=xterm-256color
export LC_ALL LANG TERM
unset NO_COLOR CURSUS_PATH CURSUS_STATE CURSUS_CACHE 2>/dev/null || true

say() { printf '%s\n' "$*" >&2; }
die() { say "bench: $*"; exit 1; }

missing=
for tool in hyperfine valgrind pkg-config "$CC"; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
[ -x /usr/bin/time ] || missing="$missing /usr/bin/time"
if [ -n "$missing" ]; then
	die "missing:$missing (apt-get install -y hyperfine valgrind time pkg-config libyaml-dev libcmark-dev libncurses-dev)"
fi
[ -x "$CURSUS" ] || die "no cursus at $CURSUS: build it first (./configure && make), or set CURSUS"
[ -d "$SHIPPED" ] || die "no shipped specs at $SHIPPED"

if [ -z "${WORK:-}" ]; then
	WORK=$(mktemp -d "${TMPDIR:-/tmp}/cursus-bench.XXXXXX")
	[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT INT TERM
fi
mkdir -p "$WORK/bin" "$WORK/res"
R=$WORK/res
# cursus keeps what the front matters say in $XDG_CACHE_HOME/cursus: ours,
# one for each case (so that rebuilding one case's leaves the others warm),
# and never the user's.
XDG_CACHE_HOME=$WORK/cache
export XDG_CACHE_HOME
started=$(date +%s)
load0=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- build ----
say "== building the generator, the floor and the pty helper"
$CC -std=c11 -O2 -g -Wall -o "$WORK/bin/gen_specs" "$BENCH/gen_specs.c"
$CC -std=c11 -O2 -g -Wall -o "$WORK/bin/gen_vault" "$BENCH/gen_vault.c"
# shellcheck disable=SC2046
$CC -std=c11 -O2 -g -Wall $(pkg-config --cflags yaml-0.1 libcmark) \
	-o "$WORK/bin/floor" "$BENCH/floor.c" $(pkg-config --libs yaml-0.1 libcmark)
$CC -std=c11 -O2 -g -Wall -o "$WORK/bin/first_frame" "$BENCH/first_frame.c" -lutil -lm
# shellcheck disable=SC2046
$CC -std=c11 -O2 -g -Wall $(pkg-config --cflags ncursesw) -o "$WORK/bin/bare_frame" \
	"$BENCH/bare_frame.c" $(pkg-config --libs ncursesw)
READER_PKGS="ncursesw yaml-0.1 libcmark libutf8proc json-c"
# shellcheck disable=SC2046,SC2086
$CC -std=c11 -O2 -g -Wall $(pkg-config --cflags $READER_PKGS) -o "$WORK/bin/reader_frame" \
	"$BENCH/reader_frame.c" $(pkg-config --libs $READER_PKGS)
cp "$CURSUS" "$WORK/bin/cursus"
CUR=$WORK/bin/cursus
GEN=$WORK/bin/gen_specs
GENV=$WORK/bin/gen_vault
FLOOR=$WORK/bin/floor
FF=$WORK/bin/first_frame

# ---- helpers ----
put() { printf '%s\n' "$2" > "$R/$1"; }
get() { if [ -f "$R/$1" ]; then cat "$R/$1"; else echo -; fi; }

# hf_get CSV NAME FIELD: a field (mean, stddev, median, min, max...) of the
# row NAME of a hyperfine CSV, in seconds.
hf_get() {
	awk -F, -v name="$2" -v field="$3" '
		NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
		$1 == name { print $(col[field]); exit }' "$1"
}

# hf_store CASE CSV NAME: keeps median, stddev, min and max in ms, and the
# CPU time (mean user + system) in ms.
hf_store() {
	for f in median stddev min max user system; do
		v=$(hf_get "$2" "$3" "$f")
		[ -n "$v" ] || die "hyperfine gave no $f for $3"
		put "$1.$3.$f" "$(awk -v s="$v" 'BEGIN { printf "%.3f", s * 1000 }')"
	done
	put "$1.$3.cpu" "$(awk -v u="$(get "$1.$3.user")" -v s="$(get "$1.$3.system")" \
		'BEGIN { printf "%.3f", u + s }')"
}

# rss NAME CMD...: peak RSS in kB of one run.
rss() {
	name=$1
	shift
	/usr/bin/time -f %M -o "$WORK/rss.tmp" "$@" >/dev/null 2>&1 || die "failed: $*"
	put "$name" "$(tail -n 1 "$WORK/rss.tmp")"
}

# ff_store CASE NAME OUTPUT: keeps first_frame's statistics.
ff_store() {
	for kv in $3; do
		k=${kv%%=*}
		v=${kv#*=}
		case $k in
		median_ms) put "$1.$2.median" "$v" ;;
		stddev_ms) put "$1.$2.stddev" "$v" ;;
		min_ms) put "$1.$2.min" "$v" ;;
		max_ms) put "$1.$2.max" "$v" ;;
		cpu_ms) put "$1.$2.cpu" "$v" ;;
		maxrss_kb) put "$1.$2.rss" "$v" ;;
		esac
	done
}

# An awk program: the median of the sorted numbers it reads, one a line.
# shellcheck disable=SC2016
median='{ v[NR] = $1 } END { printf "%.3f\n", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'

# pty_store CASE NAME FILE: median, standard deviation, min and max of the
# first frames in FILE (first_frame -a: "MS CPU_MS" per run), and the median
# CPU time.
pty_store() {
	[ -s "$3" ] || die "no runs in $3"
	put "$1.$2.median" "$(cut -d' ' -f1 "$3" | sort -n | awk "$median")"
	put "$1.$2.cpu" "$(cut -d' ' -f2 "$3" | sort -n | awk "$median")"
	put "$1.$2.min" "$(cut -d' ' -f1 "$3" | sort -n | head -n 1)"
	put "$1.$2.max" "$(cut -d' ' -f1 "$3" | sort -n | tail -n 1)"
	put "$1.$2.stddev" "$(awk '{ s += $1; ss += $1 * $1 } END {
		m = s / NR; printf "%.3f\n", (NR > 1 ? sqrt((ss - NR * m * m) / (NR - 1)) : 0) }' "$3")"
}

# ---- the catalogues ----
CASES=shipped
for n in $SIZES; do
	CASES="$CASES $n"
done

case_dir() { if [ "$1" = shipped ]; then echo "$SHIPPED"; else echo "$WORK/specs-$1"; fi; }
case_id() {
	if [ "$1" = shipped ]; then
		echo P4-A
	else
		g=$(( $1 / 4 ))
		[ "$g" -ge 1 ] || g=1
		echo "G$g-A"
	fi
}
case_label() { if [ "$1" = shipped ]; then echo "2 (shipped)"; else echo "$1"; fi; }

for c in $CASES; do
	dir=$(case_dir "$c")
	if [ "$c" != shipped ]; then
		say "== generating $c specs (seed $SEED)"
		"$GEN" "$c" "$dir" "$SEED" >/dev/null
	fi
	files=$(find "$dir" -maxdepth 1 -name '*.md' | wc -l | tr -d ' ')
	put "$c.files" "$files"
	put "$c.bytes" "$(find "$dir" -maxdepth 1 -name '*.md' -exec cat {} + | wc -c | tr -d ' ')"
	put "$c.courses" "$(find "$dir" -maxdepth 1 -name '*.md' -exec grep -h '^### Cours ' {} + |
		wc -l | tr -d ' ')"
	"$CUR" --state "$WORK/state-$c.yaml" --data "$dir" --today "$TODAY" \
		choose "$(case_id "$c")" >/dev/null || die "cursus choose failed on $c"
done

# ---- times and memory ----
for c in $CASES; do
	dir=$(case_dir "$c")
	id=$(case_id "$c")
	files=$(get "$c.files")
	items=$(get "$c.courses")
	runs=$RUNS
	[ "$files" -lt 5000 ] || runs=$BIG_RUNS
	[ "$files" -ge 1000 ] || runs=$SMALL_RUNS
	st="--state $WORK/state-$c.yaml --data $dir --today $TODAY"
	XDG_CACHE_HOME=$WORK/cache-$c
	say "== $(case_label "$c") specs ($items courses): hyperfine, $WARMUP warm-ups, $runs runs"
	# shellcheck disable=SC2086
	hyperfine -N --style basic --warmup "$WARMUP" --runs "$runs" \
		--export-csv "$WORK/hf-$c.csv" \
		-n floor "$FLOOR $dir" \
		-n front "$FLOOR -f $dir" \
		-n list "$CUR $st list" \
		-n show "$CUR $st show $id" \
		-n schedule "$CUR $st schedule" \
		-n status "$CUR $st status" >&2
	for m in floor front list show schedule status; do
		hf_store "$c" "$WORK/hf-$c.csv" "$m"
	done
	# list again: building the cache from nothing before each run, and with
	# the cache off (CURSUS_CACHE=off), so that what the cache saves shows.
	hyperfine -N --style basic --warmup "$WARMUP" --runs "$runs" \
		--export-csv "$WORK/hfl-$c.csv" --prepare "rm -rf $XDG_CACHE_HOME/cursus" \
		-n list_cold "$CUR $st list" >&2
	hf_store "$c" "$WORK/hfl-$c.csv" list_cold
	CURSUS_CACHE=off hyperfine -N --style basic --warmup "$WARMUP" --runs "$runs" \
		--export-csv "$WORK/hfn-$c.csv" -n list_nocache "$CUR $st list" >&2
	hf_store "$c" "$WORK/hfn-$c.csv" list_nocache
	# The cache is warm again for what follows.
	# shellcheck disable=SC2086
	"$CUR" $st list >/dev/null

	say "   first frame: $WARMUP warm-ups, $runs runs"
	# shellcheck disable=SC2086
	out=$("$FF" -w "$WARMUP" -r "$runs" -t 300 -- $CUR $st) || die "first frame failed on $c"
	ff_store "$c" frame "$out"

	say "   peak RSS"
	rss "$c.floor.rss" "$FLOOR" "$dir"
	for m in list schedule status; do
		# shellcheck disable=SC2086
		rss "$c.$m.rss" $CUR $st $m
	done
	# shellcheck disable=SC2086
	rss "$c.show.rss" $CUR $st show "$id"
done

# ---- the vault ----
# A learner's vault: VAULT notes in folders, most of them not specs. The
# floor walks it and reads every note, parsing each front matter with
# libyaml (floor -f -r): what any reader of the vault that does not keep a
# cache must do. list is timed warm, with its cache removed before each
# run, and without cache; the planner shows V1-A.
if [ "$VAULT" -gt 0 ]; then
	vdir=$WORK/vault-$VAULT
	say "== generating a vault of $VAULT notes (seed $SEED)"
	"$GENV" "$VAULT" "$vdir" "$SEED" >/dev/null
	put vault.notes "$(find "$vdir" -name '*.md' -not -path '*/.*' | wc -l | tr -d ' ')"
	put vault.folders "$(find "$vdir" -mindepth 1 -type d -not -path '*/.*' | wc -l | tr -d ' ')"
	put vault.bytes "$(find "$vdir" -name '*.md' -not -path '*/.*' -exec cat {} + | wc -c | tr -d ' ')"
	vst="--state $WORK/state-vault.yaml --data $vdir --today $TODAY"
	XDG_CACHE_HOME=$WORK/cache-vault
	# shellcheck disable=SC2086
	"$CUR" $vst choose V1-A >/dev/null || die "cursus choose failed on the vault"
	put vault.specs "$("$CUR" $vst list | wc -l | tr -d ' ')"
	say "== the vault: hyperfine, $WARMUP warm-ups, $BIG_RUNS runs"
	# shellcheck disable=SC2086
	hyperfine -N --style basic --warmup "$WARMUP" --runs "$BIG_RUNS" \
		--export-csv "$WORK/hf-vault.csv" \
		-n floor "$FLOOR -f -r $vdir" \
		-n stat "$FLOOR -s -r $vdir" \
		-n list "$CUR $vst list" >&2
	hf_store vault "$WORK/hf-vault.csv" floor
	hf_store vault "$WORK/hf-vault.csv" stat
	hf_store vault "$WORK/hf-vault.csv" list
	hyperfine -N --style basic --warmup "$WARMUP" --runs "$BIG_RUNS" \
		--export-csv "$WORK/hfl-vault.csv" --prepare "rm -rf $XDG_CACHE_HOME/cursus" \
		-n list_cold "$CUR $vst list" >&2
	hf_store vault "$WORK/hfl-vault.csv" list_cold
	CURSUS_CACHE=off hyperfine -N --style basic --warmup "$WARMUP" --runs "$BIG_RUNS" \
		--export-csv "$WORK/hfn-vault.csv" -n list_nocache "$CUR $vst list" >&2
	hf_store vault "$WORK/hfn-vault.csv" list_nocache
	# shellcheck disable=SC2086
	"$CUR" $vst list >/dev/null
	say "   first frame: $WARMUP warm-ups, $BIG_RUNS runs"
	# shellcheck disable=SC2086
	out=$("$FF" -w "$WARMUP" -r "$BIG_RUNS" -t 300 -- $CUR $vst) || die "first frame failed on the vault"
	ff_store vault frame "$out"
	# shellcheck disable=SC2086
	rss vault.list.rss $CUR $vst list
	rss vault.floor.rss "$FLOOR" -f -r "$vdir"
	# The targets' ratios, interleaved: VAULT_ROUNDS rounds, each timing
	# the floor and a warm list (hyperfine, 3 runs each) and the first
	# frame (3 runs), each round giving its own ratios to its own floor.
	# Timed in separate blocks, minutes apart, the same build gave 0.27
	# to 0.33 for the first frame: the machine drifts more than that.
	say "== the vault, interleaved: $VAULT_ROUNDS rounds of the floor, list and the first frame"
	rm -f "$WORK/vault-rounds"
	r=0
	while [ "$r" -lt "$VAULT_ROUNDS" ]; do
		# shellcheck disable=SC2086
		hyperfine -N --style none --warmup 1 --runs 3 --export-csv "$WORK/hfr-vault.csv" \
			-n floor "$FLOOR -f -r $vdir" -n list "$CUR $vst list" >/dev/null 2>&1 ||
			die "hyperfine failed on the vault"
		# shellcheck disable=SC2086
		out=$("$FF" -w 1 -r 3 -t 300 -- $CUR $vst) || die "first frame failed on the vault"
		frame=$(echo "$out" | tr ' ' '\n' | sed -n 's/^median_ms=//p')
		echo "$(hf_get "$WORK/hfr-vault.csv" floor median) $(hf_get "$WORK/hfr-vault.csv" list median) $frame" \
			>>"$WORK/vault-rounds"
		r=$((r + 1))
	done
	# per round: the floor (s), list (s), the first frame (ms); the median
	# of each round's ratios
	put vault.rounds.list "$(awk '{ print $2 / $1 }' "$WORK/vault-rounds" | sort -n | awk "$median")"
	put vault.rounds.frame "$(awk '{ print $3 / 1000 / $1 }' "$WORK/vault-rounds" | sort -n | awk "$median")"
	put vault.rounds.spread "$(awk '{ print $3 / 1000 / $1 }' "$WORK/vault-rounds" | sort -n |
		awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.3f to %.3f", lo, hi }')"
fi

# The planner's first frame on the shipped specs against a bare ncurses
# frame, through the same pty helper, interleaved: PTY_ROUNDS rounds of
# PTY_RUNS runs of each in turn (after a warm-up run), so that a machine
# slowing down or speeding up during the run weighs on both alike.
# Statistics over all the runs.
rm -f "$WORK/pty-frame" "$WORK/pty-bare" "$WORK/pty-reader"
say "== first frames on the shipped specs, interleaved: $PTY_ROUNDS rounds of $PTY_RUNS runs"
r=0
while [ "$r" -lt "$PTY_ROUNDS" ]; do
	# shellcheck disable=SC2086
	XDG_CACHE_HOME=$WORK/cache-shipped "$FF" -w 1 -r "$PTY_RUNS" -a "$WORK/pty-frame" -- \
		$CUR --state "$WORK/state-shipped.yaml" --data "$SHIPPED" --today "$TODAY" \
		>/dev/null || die "the planner on a pty failed"
	"$FF" -w 1 -r "$PTY_RUNS" -m "q quit" -a "$WORK/pty-bare" -- "$WORK/bin/bare_frame" \
		>/dev/null || die "bare_frame on a pty failed"
	"$FF" -w 1 -r "$PTY_RUNS" -m "q quit" -a "$WORK/pty-reader" -- "$WORK/bin/reader_frame" \
		"$WORK/state-shipped.yaml" "$SHIPPED/P4-A.md" >/dev/null || die "reader_frame on a pty failed"
	r=$((r + 1))
done
pty_store shipped frame "$WORK/pty-frame"
pty_store shipped bare_pty "$WORK/pty-bare"
pty_store shipped reader_pty "$WORK/pty-reader"

# ---- instructions on the shipped specs ----
# Deterministic where the times of a few milliseconds are not: what each
# command executes, start to exit, on the 2 shipped specs.
say "== instructions of each command on the shipped specs (callgrind)"
ir_of() { # NAME CMD...: total instructions of one run
	name=$1
	shift
	valgrind --tool=callgrind --callgrind-out-file="$WORK/cgc-$name.out" "$@" >/dev/null 2>&1 ||
		die "callgrind failed: $*"
	put "ir.$name" "$(awk '/^totals:/ { print $2; exit } /^summary:/ { s = $2 } END { if (s) print s }' \
		"$WORK/cgc-$name.out" | head -n 1)"
	# what the dynamic loader costs before main
	put "ir.$name.ld" "$(callgrind_annotate --inclusive=yes "$WORK/cgc-$name.out" 2>/dev/null |
		awk '/rtld.c:_dl_start / { gsub(",", "", $1); print $1; exit }')"
}
sst="--state $WORK/state-shipped.yaml --data $SHIPPED --today $TODAY"
XDG_CACHE_HOME=$WORK/cache-shipped # warm: made while the shipped specs were timed
# shellcheck disable=SC2086
ir_of version "$CUR" --version
for m in list schedule status; do
	# shellcheck disable=SC2086
	ir_of "$m" "$CUR" $sst "$m"
done
# shellcheck disable=SC2086
ir_of show "$CUR" $sst show P4-A

# ---- instructions per keystroke ----
big=
for n in $SIZES; do
	big=$n
done
ipk_case() {
	name=$1
	shift
	state="$WORK/state-ipk-$name.yaml"
	# shellcheck disable=SC2086
	"$CUR" --state "$state" "$@" --today "$TODAY" choose P4-A >/dev/null
	# A cache of its own, warm before either session.
	XDG_CACHE_HOME=$WORK/cache-ipk-$name
	"$CUR" --state "$state" "$@" --today "$TODAY" list >/dev/null
	"$CUR" --state "$state" "$@" --today "$TODAY" show P4-A >/dev/null
	for k in 0 "$KEYS"; do
		say "   $name: callgrind over a session of $k keystrokes"
		"$FF" -w 0 -r 1 -s "$k" -t 1800 -- valgrind --tool=callgrind \
			--callgrind-out-file="$WORK/cg-$name-$k.out" \
			"$CUR" --state "$state" "$@" --today "$TODAY" >/dev/null ||
			die "callgrind session failed ($name, $k keys)"
		ir=$(awk '/^totals:/ { print $2; exit } /^summary:/ { s = $2 } END { if (s) print s }' \
			"$WORK/cg-$name-$k.out" | head -n 1)
		put "ipk.$name.$k" "$ir"
	done
	put "ipk.$name" "$(awk -v a="$(get "ipk.$name.$KEYS")" -v b="$(get "ipk.$name.0")" \
		-v k="$KEYS" 'BEGIN { printf "%.0f", (a - b) / k }')"
}
say "== instructions per keystroke (callgrind; the program shown is P4-A in both)"
ipk_case shipped --data "$SHIPPED"
if [ "$big" != "" ] && [ -d "$WORK/specs-$big" ]; then
	ipk_case big --data "$WORK/specs-$big" --data "$SHIPPED"
fi

# ---- the report ----
ms() { # median ± stddev of CASE.METRIC
	m=$(get "$1.$2.median")
	if [ "$m" = - ]; then
		echo -
	else
		printf '%s ± %s' "$m" "$(get "$1.$2.stddev")"
	fi
}
mb() { v=$(get "$1"); if [ "$v" = - ]; then echo -; else awk -v k="$v" 'BEGIN { printf "%.1f", k / 1024 }'; fi; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "-") printf "%.3f", a / b; else print "-" }'; }
verdict() { awk -v v="$1" -v lim="$2" 'BEGIN { if (v == "-") print "n/a"; else print (v <= lim ? "PASS" : "MISS") }'; }

ended=$(date +%s)
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)
if [ -n "${CURSUS_REV:-}" ]; then
	commit=$CURSUS_REV
else
	commit=$(git -C "$TOP" rev-parse --short HEAD 2>/dev/null || echo unknown)
	dirty=$(git -C "$TOP" status --porcelain --untracked-files=no 2>/dev/null | head -n 1)
	[ -z "$dirty" ] || commit="$commit (work tree has changes)"
fi

{
	echo "# cursus benchmark"
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC') (took $(( (ended - started) / 60 )) min $(( (ended - started) % 60 )) s)"
	echo "- machine: \`$(uname -a)\`"
	echo "- CPUs: $(nproc) x $cpu; load average at the start: $load0; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "- cursus: $("$CUR" --version 2>/dev/null | head -n 1), tree $commit, binary $CURSUS"
	echo "- tools: $(hyperfine --version), $(valgrind --version), $($CC --version | head -n 1)"
	echo "- specs: bench/gen_specs.c, seed $SEED; 'shipped' is data/specs (P4-A, P4-B)"
	echo "- runs: $WARMUP warm-ups, then $SMALL_RUNS timed runs under 1000 specs, $RUNS from 1000, $BIG_RUNS from 5000"
	echo
	echo "## Times (ms): median ± standard deviation of the wall-clock time"
	echo
	echo "| specs | courses | MB | floor | front floor | list | list, cache rebuilt | list, no cache | show ID | schedule | status | first frame |"
	echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	for c in $CASES; do
		printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
			"$(case_label "$c")" "$(get "$c.courses")" \
			"$(awk -v b="$(get "$c.bytes")" 'BEGIN { printf "%.2f", b / 1048576 }')" \
			"$(ms "$c" floor)" "$(ms "$c" front)" "$(ms "$c" list)" \
			"$(ms "$c" list_cold)" "$(ms "$c" list_nocache)" "$(ms "$c" show)" \
			"$(ms "$c" schedule)" "$(ms "$c" status)" "$(ms "$c" frame)"
	done
	echo
	echo "- floor: bench/floor.c reads every file, runs libyaml over its front matter and cmark"
	echo "  over its body, building nothing. front floor (floor -f): the same without the body,"
	echo "  the least any reader of every front matter must do when it reads the files."
	echo "- cursus keeps what each front matter says in a cache (\$XDG_CACHE_HOME/cursus, here"
	echo "  in the run's scratch directory). All cursus columns are with it warm, except"
	echo "  'list, cache rebuilt' (the cache removed before each run: list reads every file and"
	echo "  writes the cache) and 'list, no cache' (CURSUS_CACHE=off: reads every file)."
	echo "- show ID shows G<N/4>-A (P4-A on the shipped specs); schedule, status and the planner"
	echo "  work on that program, chosen in the progress file."
	echo "- first frame: the planner on an 80x24 pty (bench/first_frame.c), from fork() until the"
	echo "  key hints, the last line drawn, arrive; then q."
	echo "- On the shipped specs the planner's first frame and a bare ncurses frame"
	echo "  (bench/bare_frame.c: locale, initscr, 24 lines of text, refresh, wait for q; no file"
	echo "  read: the least any curses program takes) go through the same pty, interleaved:"
	echo "  $PTY_ROUNDS rounds of $PTY_RUNS runs of each in turn, statistics over all."
	echo "  planner $(ms shipped frame) ms (CPU $(get shipped.frame.cpu) ms); bare frame"
	echo "  $(ms shipped bare_pty) ms (CPU $(get shipped.bare_pty.cpu) ms)."
	echo "- In the same rounds, bench/reader_frame.c: the bare frame after what any planner bound"
	echo "  to cursus's libraries must do first (locale of characters, messages and dates; the"
	echo "  message catalogue; the progress file through libyaml; P4-A's front matter through"
	echo "  libyaml and its body through cmark; libutf8proc and json-c loaded), and nothing else:"
	echo "  $(ms shipped reader_pty) ms (CPU $(get shipped.reader_pty.cpu) ms), $(ratio "$(get shipped.reader_pty.median)" "$(get shipped.bare_pty.median)") of the bare frame."
	echo
	echo "## CPU time (ms): user + system, mean"
	echo
	echo "The wall-clock times above include waiting for a CPU when the machine is busy; the CPU"
	echo "time does not, and gives steadier ratios on a shared machine. The planner's is that of"
	echo "its whole run, start to quit (median)."
	echo
	echo "| specs | floor | front floor | list | list, cache rebuilt | list, no cache | show ID | schedule | status | planner |"
	echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	for c in $CASES; do
		printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$(case_label "$c")" \
			"$(get "$c.floor.cpu")" "$(get "$c.front.cpu")" "$(get "$c.list.cpu")" \
			"$(get "$c.list_cold.cpu")" "$(get "$c.list_nocache.cpu")" \
			"$(get "$c.show.cpu")" "$(get "$c.schedule.cpu")" "$(get "$c.status.cpu")" \
			"$(get "$c.frame.cpu")"
	done
	echo
	echo "## Ratios to the floor (wall-clock median / median; CPU time in brackets)"
	echo
	echo "| specs | front floor | list | list, cache rebuilt | list, no cache | show | schedule | status | first frame |"
	echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	for c in $CASES; do
		f=$(get "$c.floor.median")
		fc=$(get "$c.floor.cpu")
		line="| $(case_label "$c")"
		for m in front list list_cold list_nocache show schedule status frame; do
			line="$line | $(ratio "$(get "$c.$m.median")" "$f") ($(ratio "$(get "$c.$m.cpu")" "$fc"))"
		done
		echo "$line |"
	done
	echo
	echo "## Peak RSS (MB)"
	echo
	echo "| specs | floor | list | show | schedule | status | planner |"
	echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	for c in $CASES; do
		printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$(case_label "$c")" \
			"$(mb "$c.floor.rss")" "$(mb "$c.list.rss")" "$(mb "$c.show.rss")" \
			"$(mb "$c.schedule.rss")" "$(mb "$c.status.rss")" "$(mb "$c.frame.rss")"
	done
	echo
	if [ "$VAULT" -gt 0 ]; then
		echo "## Vault"
		echo
		echo "A learner's vault made by bench/gen_vault.c (seed $SEED): $(get vault.notes) Markdown"
		echo "notes in $(get vault.folders) folders, $(get vault.specs) of them specs, the others daily notes, Zettelkasten notes"
		echo "with an id alone, project notes, templates and notes without front matter, 1 to 30 KB;"
		echo "images, canvases, .obsidian and .trash beside them. The floor (bench/floor.c -f -r)"
		echo "walks the folders, reads every note and runs libyaml over each front matter: what any"
		echo "reader of the vault that keeps no cache must do. The stat floor (floor -s -r) walks"
		echo "the folders and stats each note: the least a reader that keeps a cache must do to"
		echo "know which notes changed (an edit in place changes nothing else a walk could see)."
		echo "Times in ms, median ± standard deviation of the wall-clock time ($BIG_RUNS runs);"
		echo "CPU time (user + system) in brackets."
		echo
		echo "| notes | MB | floor | stat floor | list (warm) | list, cache rebuilt | list, no cache | first frame |"
		echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
		printf '| %s | %s | %s (%s) | %s (%s) | %s (%s) | %s (%s) | %s (%s) | %s (%s) |\n' "$(get vault.notes)" \
			"$(awk -v b="$(get vault.bytes)" 'BEGIN { printf "%.1f", b / 1048576 }')" \
			"$(ms vault floor)" "$(get vault.floor.cpu)" "$(ms vault stat)" "$(get vault.stat.cpu)" \
			"$(ms vault list)" "$(get vault.list.cpu)" \
			"$(ms vault list_cold)" "$(get vault.list_cold.cpu)" \
			"$(ms vault list_nocache)" "$(get vault.list_nocache.cpu)" \
			"$(ms vault frame)" "$(get vault.frame.cpu)"
		echo
		f=$(get vault.floor.median)
		fc=$(get vault.floor.cpu)
		echo "Ratios to the floor (wall clock; CPU time in brackets): stat floor"
		echo "$(ratio "$(get vault.stat.median)" "$f") ($(ratio "$(get vault.stat.cpu)" "$fc")), list warm"
		echo "$(ratio "$(get vault.list.median)" "$f") ($(ratio "$(get vault.list.cpu)" "$fc")), cache rebuilt"
		echo "$(ratio "$(get vault.list_cold.median)" "$f") ($(ratio "$(get vault.list_cold.cpu)" "$fc")), no cache"
		echo "$(ratio "$(get vault.list_nocache.median)" "$f") ($(ratio "$(get vault.list_nocache.cpu)" "$fc")), first frame"
		echo "$(ratio "$(get vault.frame.median)" "$f") ($(ratio "$(get vault.frame.cpu)" "$fc")). Peak RSS: list"
		echo "$(mb vault.list.rss) MB, the floor $(mb vault.floor.rss) MB."
		echo
		echo "The targets are judged on $VAULT_ROUNDS interleaved rounds (each: the floor and"
		echo "a warm list, 3 runs each with hyperfine, then 3 first frames), the median of each"
		echo "round's ratio to its own floor: list warm $(get vault.rounds.list), first frame"
		echo "$(get vault.rounds.frame) (its rounds from $(get vault.rounds.spread))."
		echo
	fi
	echo "## Instructions on the 2 shipped specs (callgrind, whole run)"
	echo
	echo "Deterministic, where times of a few milliseconds are not. 'before main' is what"
	echo "the dynamic loader executes (relocating the shared libraries) before main()."
	echo "The planner's is the empty session below: start, first frame, q."
	echo
	echo "| program | instructions | before main |"
	echo "| --- | ---: | ---: |"
	for m in version list show schedule status; do
		name="cursus $m"
		[ "$m" != version ] || name="cursus --version (start-up alone)"
		[ "$m" != show ] || name="cursus show P4-A"
		echo "| $name | $(get "ir.$m") | $(get "ir.$m.ld") |"
	done
	echo "| cursus (planner, empty session) | $(get ipk.shipped.0) | |"
	echo
	echo "## Instructions per keystroke in the planner (callgrind)"
	echo
	echo "A session of $KEYS moves (j and k in turn, each sent once the previous one is drawn)"
	echo "minus an empty session (the first frame, then q), divided by $KEYS. The program"
	echo "shown is P4-A in both, so that only the catalogue's size differs."
	echo
	echo "| catalogue | empty session (Ir) | $KEYS moves (Ir) | per keystroke |"
	echo "| --- | ---: | ---: | ---: |"
	echo "| 2 shipped specs | $(get ipk.shipped.0) | $(get "ipk.shipped.$KEYS") | $(get ipk.shipped) |"
	if [ -n "$big" ]; then
		echo "| $big generated + 2 shipped | $(get ipk.big.0) | $(get "ipk.big.$KEYS") | $(get ipk.big) |"
	fi
	echo
	echo "## Targets"
	echo
	echo "Judged on the wall-clock medians, as the targets are stated; the CPU-time ratio is"
	echo "given beside for reference."
	echo
	echo "| target | measured | (CPU time) | limit | result |"
	echo "| --- | ---: | ---: | ---: | --- |"
	v=$(ratio "$(get shipped.frame.median)" "$(get shipped.bare_pty.median)")
	echo "| planner's first frame on the 2 shipped specs / a bare ncurses frame, same pty, interleaved | $v | $(ratio "$(get shipped.frame.cpu)" "$(get shipped.bare_pty.cpu)") | 1.3 | $(verdict "$v" 1.3) |"
	echo "| for reference: reader_frame (the libraries and reads alone) / the bare frame, same rounds | $(ratio "$(get shipped.reader_pty.median)" "$(get shipped.bare_pty.median)") | $(ratio "$(get shipped.reader_pty.cpu)" "$(get shipped.bare_pty.cpu)") | | |"
	if [ -n "$big" ]; then
		v=$(ratio "$(get "$big.list.median")" "$(get "$big.floor.median")")
		echo "| list on $big specs / floor | $v | $(ratio "$(get "$big.list.cpu")" "$(get "$big.floor.cpu")") | 0.15 | $(verdict "$v" 0.15) |"
	fi
	if [ -n "$big" ]; then
		v=$(awk -v a="$(get ipk.big)" -v b="$(get ipk.shipped)" \
			'BEGIN { d = (a - b) / b; if (d < 0) d = -d; printf "%.3f", d }')
		echo "| instructions per keystroke, $big vs 2 specs: relative difference | $v | | 0.10 | $(verdict "$v" 0.10) |"
		worst=0
		for m in list show schedule status frame; do
			k=$(get "$big.$m.rss")
			[ "$k" = - ] || [ "$k" -le "$worst" ] || worst=$k
		done
		v=$(awk -v k="$worst" 'BEGIN { printf "%.1f", k / 1024 }')
		echo "| peak RSS on $big specs, the largest of list, show, schedule, status, planner (MB) | $v | | 64 | $(verdict "$v" 64) |"
	fi
	if [ "$VAULT" -gt 0 ]; then
		f=$(get vault.floor.median)
		fc=$(get vault.floor.cpu)
		v=$(get vault.rounds.list)
		echo "| list on a vault of $(get vault.notes) notes, warm / vault floor, interleaved | $v | $(ratio "$(get vault.list.cpu)" "$fc") | 0.2 | $(verdict "$v" 0.2) |"
		v=$(ratio "$(get vault.list_cold.median)" "$f")
		echo "| list on the vault, cache removed / vault floor | $v | $(ratio "$(get vault.list_cold.cpu)" "$fc") | 1.2 | $(verdict "$v" 1.2) |"
		v=$(get vault.rounds.frame)
		echo "| the planner's first frame on the vault / vault floor, interleaved | $v | $(ratio "$(get vault.frame.cpu)" "$fc") | 0.3 | $(verdict "$v" 0.3) |"
	fi
} > "$WORK/results.md"

cp "$WORK/results.md" "$OUT"
cat "$OUT"
say "bench: wrote $OUT"
