#!/bin/sh
# The progress file is never lost or corrupted: a process killed while it
# saves, several processes at once, a full disk, a file that cannot be read.
. "$TOP_SRCDIR/tests/cli/lib.sh"

export CURSUS_STATE="$WORK/state/progress.yaml"
c() { "$CURSUS" --data "$SPECS" "$@"; }

c --today 2026-11-23 choose P4-A >/dev/null

# Total hours of the current program, read from the file itself (what
# status shows is rounded).
logged_total() {
	c status >/dev/null || return
	awk -v id="$(c status | sed -n '1s/ .*//p')" '
		/^  [^ ]/ { inside = ($1 == id ":") }
		inside && /^      [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]: / { sum += $2 }
		END { print sum + 0 }' "$CURSUS_STATE"
}

# 1. SIGKILL at random moments while saving: the file is always complete,
#    and holds every change whose command finished.
kills=200
corrupt=0
lost=0
day=0
expected_min=0
for i in $(seq 1 $kills); do
	day=$((day + 1))
	date=$(date -u -d "2026-11-23 + $day days" +%F)
	delay=$(printf '0.00%d' $((i % 9 + 1)))
	# (in a subshell, so that bash's "Killed" notices stay out of the log)
	rc=$( (timeout -s KILL "$delay" "$CURSUS" --data "$SPECS" --today 2027-12-31 log 0.25 --date "$date" \
		>/dev/null 2>&1; echo $?) 2>/dev/null )
	if [ "$rc" = 0 ]; then
		expected_min=$(awk "BEGIN { print $expected_min + 0.25 }")
	fi
	if ! c status >/dev/null 2>"$WORK/err"; then
		corrupt=$((corrupt + 1))
		sed 's/^/# /' "$WORK/err"
		break
	fi
done
total=$(logged_total)
[ "$corrupt" -eq 0 ] && ok "$kills kills while saving: the file was always readable" ||
	not_ok "the progress file was unreadable after a kill"
if awk "BEGIN { exit !($total >= $expected_min) }"; then
	ok "every finished log is there ($total h logged, at least $expected_min acknowledged)"
else
	not_ok "acknowledged hours lost: $total h in the file, $expected_min acknowledged"
fi
leftovers=$(find "$WORK/state" -name 'progress.yaml.??????' | wc -l)
[ "$leftovers" -le 1 ] && ok "no pile of temporary files ($leftovers left by kills)" ||
	not_ok "$leftovers temporary files left"

# 2. Three processes ticking and logging at once lose nothing.
c choose P4-B >/dev/null
before=$(logged_total)
worker() { # worker FIRST_DAY: 20 logs of 0.5 h on days of its own
	for k in $(seq 0 19); do
		"$CURSUS" --data "$SPECS" --today 2027-12-31 log 0.5 --date "$(date -u -d "2027-06-01 + $(( $1 + k )) days" +%F)" \
			>/dev/null || echo "worker $1: log failed" >&2
	done
}
ticker() {
	for p in 1 2 3 4 5 6 7 8 9 10; do
		"$CURSUS" --data "$SPECS" tick "$p" >/dev/null || echo "tick $p failed" >&2
	done
}
worker 0 2>>"$WORK/workers" & a=$!
worker 100 2>>"$WORK/workers" & b=$!
ticker 2>>"$WORK/workers" & t=$!
wait $a $b $t
after=$(logged_total)
[ ! -s "$WORK/workers" ] && ok "concurrent commands all succeeded" ||
	{ not_ok "concurrent commands failed"; sed 's/^/# /' "$WORK/workers"; }
if awk "BEGIN { exit !($after - $before == 20) }"; then
	ok "40 concurrent logs of 0.5 h all kept ($before h -> $after h)"
else
	not_ok "concurrent logs lost: $before h -> $after h, expected +20 h"
fi
c status | grep -q '^Done: *100% of the work (courses 10/10' && ok "10 concurrent ticks all kept" ||
	not_ok "concurrent ticks lost: $(c status | grep '^Done')"

# 3. A full disk: the save fails with a message, the old file is intact.
cp "$CURSUS_STATE" "$WORK/before.yaml"
(
	trap '' XFSZ
	ulimit -f 1 # 1 KiB: the progress file is larger by now
	"$CURSUS" --data "$SPECS" --today 2027-12-31 log 1 --date 2027-12-01 >"$WORK/out" 2>"$WORK/err"
	echo $? >"$WORK/status"
)
[ "$(cat "$WORK/status")" = 1 ] && ok "a full disk makes the command fail" ||
	not_ok "exit $(cat "$WORK/status") with a full disk"
expect_grep "a full disk is explained" err "cannot save (write: File too large); the previous progress is unchanged"
cmp -s "$CURSUS_STATE" "$WORK/before.yaml" && ok "the old file is intact after a failed save" ||
	not_ok "the progress file changed although the save failed"

# 4. A file that cannot be read is never written over.
printf 'version: 1\nchoices:\n  P4: [broken\n' >"$CURSUS_STATE"
cp "$CURSUS_STATE" "$WORK/broken.yaml"
run "$CURSUS" --data "$SPECS" tick 1
expect_status "tick with a broken progress file" 1
expect_grep "the broken file is named with its line" err "^cursus: $CURSUS_STATE:4: not valid YAML"
run "$CURSUS" --data "$SPECS" choose P4-A
expect_status "choose with a broken progress file" 1
cmp -s "$CURSUS_STATE" "$WORK/broken.yaml" && ok "the broken file was not written over" ||
	not_ok "the broken progress file was overwritten"
# A day whose ':' was deleted: named on its own line, not on the next,
# where libyaml gives up.
printf 'version: 1\nprograms:\n  P4-A:\n    hours:\n      2026-11-23: 1\n      2026-11-24 1\n    ticks:\n      - path: "1"\n' >"$CURSUS_STATE"
run "$CURSUS" --data "$SPECS" status
expect_grep "a key without its ':' is named on its line" err \
	"^cursus: $CURSUS_STATE:6: not valid YAML: could not find expected ':' while scanning a simple key"
# and the version before the last save, which cursus keeps, is named
BAK="$(dirname "$CURSUS_STATE")/.$(basename "$CURSUS_STATE").cursus-bak"
if [ -f "$BAK" ]; then
	expect_grep "the backup is named beside the error" err \
		"^cursus: $CURSUS_STATE: warning: the version before cursus's last save is in $BAK$"
else
	not_ok "no backup beside the progress file after saves"
fi
# Through a link, the backup is beside the file the link names, where
# saves keep it.
ln -s "$CURSUS_STATE" "$WORK/linked.yaml"
run "$CURSUS" --data "$SPECS" --state "$WORK/linked.yaml" status
expect_grep "through a link, the backup beside its target" err \
	"^cursus: $WORK/linked.yaml: warning: the version before cursus's last save is in $BAK$"

# 5. Nor is a file from a newer cursus.
printf 'version: 7\nfuture: {}\n' >"$CURSUS_STATE"
cp "$CURSUS_STATE" "$WORK/newer.yaml"
run "$CURSUS" --data "$SPECS" log 1
expect_status "log into a newer file" 1
expect_text "a newer file is named" err \
	"cursus: $CURSUS_STATE:1: written by a newer cursus (format 7; this one knows 1); it is left untouched"
cmp -s "$CURSUS_STATE" "$WORK/newer.yaml" && ok "the newer file was not written over" ||
	not_ok "the newer progress file was overwritten"

# 6. A state path whose parent is a file.
run "$CURSUS" --data "$SPECS" --state "$WORK/before.yaml/progress.yaml" choose P4-A
expect_status "state under a file" 1
expect_grep "state under a file explained" err "not a directory"

# 7. A state directory the learner cannot write to (as an unprivileged
#    user: root writes anywhere): a clear error, the file intact.
RO="$WORK/readonly"
mkdir -p "$RO"
# The learner reads copies of the specs: the checkout may sit in a
# directory that nobody else can enter.
cp -r "$SPECS" "$WORK/specs-copy"
chmod -R a+rX "$WORK/specs-copy"
cp "$WORK/before.yaml" "$RO/progress.yaml"
chmod 755 "$WORK" "$RO"
chmod 644 "$RO/progress.yaml"
[ "$(id -u)" = 0 ] || chmod 555 "$RO"
if can_be_learner; then
	run as_learner "$CURSUS" --data "$WORK/specs-copy" --state "$RO/progress.yaml" log 1
	expect_status "a read-only state directory" 1
	expect_grep "a read-only state directory explained" err "cannot open the lock: Permission denied"
	cmp -s "$RO/progress.yaml" "$WORK/before.yaml" && ok "the file in a read-only directory is intact" ||
		not_ok "the file in a read-only directory changed"
	run as_learner "$CURSUS" --data "$WORK/specs-copy" --state "$RO/progress.yaml" status
	expect_status "a read-only progress can still be read" 0
else
	skip 4 "setpriv is not installed: root cannot be refused a read-only directory"
fi
chmod 755 "$RO"

# 8. The permissions whatever the umask.
rm -rf "$WORK/private"
(umask 000; "$CURSUS" --data "$SPECS" --state "$WORK/private/p.yaml" choose P4-A >/dev/null)
perms="$(stat -c %a "$WORK/private") $(stat -c %a "$WORK/private/p.yaml")"
[ "$perms" = "700 600" ] && ok "0700 and 0600 under umask 000" || not_ok "permissions $perms"

done_testing
