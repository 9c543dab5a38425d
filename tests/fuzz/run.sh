#!/bin/sh
# Builds the fuzz targets and runs each for a while on a private copy of
# its seed corpus (libFuzzer adds what it finds to the corpus it is given,
# and the repository's corpus must stay small).
#
#   tests/fuzz/run.sh [SECONDS]      (default: $FUZZ_SECONDS, else 60)
#
# FUZZ_TARGETS picks targets (default: all five); FUZZ_BIN is where they
# are built (default: tests/fuzz/bin); crash, leak and timeout inputs are
# kept in $FUZZ_BIN/artifacts. Exits non-zero when any target failed.
set -u

here=$(cd "$(dirname "$0")" && pwd)
seconds=${1:-${FUZZ_SECONDS:-60}}
bin=${FUZZ_BIN:-$here/bin}
targets=${FUZZ_TARGETS:-spec effort encoding progress config}

case $seconds in
'' | *[!0-9]*)
	echo "run.sh: seconds must be a number, not '$seconds'" >&2
	exit 2
	;;
esac

"$here/build.sh" "$bin" >/dev/null || {
	echo "run.sh: the build failed" >&2
	exit 1
}

work=$(mktemp -d "${TMPDIR:-/tmp}/cursus-fuzz.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$bin/artifacts"

failed=0
for t in $targets; do
	if [ ! -x "$bin/fuzz_$t" ] || [ ! -d "$here/corpus/$t" ]; then
		echo "run.sh: no target or corpus for '$t'" >&2
		failed=1
		continue
	fi
	mkdir -p "$work/$t"
	cp "$here/corpus/$t"/* "$work/$t/"
	log=$work/$t.log
	start=$(date +%s)
	"$bin/fuzz_$t" -max_len=262144 -timeout=10 -rss_limit_mb=2048 \
		-max_total_time="$seconds" -print_final_stats=1 \
		-artifact_prefix="$bin/artifacts/$t-" "$work/$t" >"$log" 2>&1
	status=$?
	end=$(date +%s)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	if [ "$status" -eq 0 ]; then
		echo "fuzz_$t: ok, ${execs:-?} executions in $((end - start)) s"
	else
		failed=1
		echo "fuzz_$t: FAILED (exit $status) after ${execs:-?} executions in $((end - start)) s"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|artifact_prefix|Test unit written|ALARM|fuzz_)' "$log" |
			head -n 20 | sed 's/^/    /'
		cp "$log" "$bin/artifacts/$t.log"
		echo "    full log: $bin/artifacts/$t.log"
	fi
done
exit "$failed"
