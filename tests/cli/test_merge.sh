#!/bin/sh
# Two machines: cursus as git's merge driver for progress.yaml, between two
# real clones of one repository; and the two-file form for a sync tool's
# conflict copy.
. "$TOP_SRCDIR/tests/cli/lib.sh"

if ! command -v git >/dev/null 2>&1; then
	echo "1..0 # SKIP git is not installed"
	exit 0
fi
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_DATE="2026-11-24T12:00:00Z" \
	GIT_COMMITTER_DATE="2026-11-24T12:00:00Z"

# on CLONE ARGS...: cursus on that clone's progress file.
on() {
	clone=$1
	shift
	run "$CURSUS" --data "$SPECS" --state "$WORK/$clone/progress.yaml" "$@"
}
# commit CLONE MESSAGE: commits the progress file alone, so that the lock
# and the backup beside it stay out of the repository.
commit() {
	git -C "$WORK/$1" add progress.yaml && git -C "$WORK/$1" commit -q -m "$2"
}
clone() {
	git clone -q "$WORK/origin.git" "$WORK/$1" 2>/dev/null
	git -C "$WORK/$1" config user.name "$1"
	git -C "$WORK/$1" config user.email "$1@example.org"
	git -C "$WORK/$1" config merge.cursus.driver "$CURSUS merge %A %O %B %P"
}
# expect_hours NAME CLONE DAY HOURS: the file logs HOURS on DAY.
expect_hours() {
	if grep -qxF "      $3: $4" "$WORK/$2/progress.yaml"; then
		ok "$1"
	else
		not_ok "$1: no '$3: $4' in $2/progress.yaml"
		sed 's/^/# /' "$WORK/$2/progress.yaml"
	fi
}
expect_no_markers() {
	if grep -q '^<<<<<<<\|^=======\|^>>>>>>>' "$WORK/$2/progress.yaml"; then
		not_ok "$1: conflict markers in $2/progress.yaml"
	else
		ok "$1"
	fi
}

git init -q --bare "$WORK/origin.git"
clone laptop
echo 'progress.yaml merge=cursus' >"$WORK/laptop/.gitattributes"
echo '.progress.yaml.cursus-*' >"$WORK/laptop/.gitignore" # as README says
git -C "$WORK/laptop" add .gitattributes .gitignore
on laptop --today 2026-11-24 choose P4-A
on laptop --today 2026-11-24 log 2
commit laptop "the base" && git -C "$WORK/laptop" push -q origin HEAD 2>/dev/null
clone desktop

# Both machines study on the same day and tick different modules.
on desktop --today 2026-11-24 log 1
on desktop --today 2026-11-25 tick 1.1
on desktop --today 2026-11-25 log 1.5
commit desktop "desktop" && git -C "$WORK/desktop" push -q 2>/dev/null
on laptop --today 2026-11-24 log 3
on laptop --today 2026-11-26 tick 1.2
commit laptop "laptop"
run git -C "$WORK/laptop" pull -q --no-rebase --no-edit
expect_status "git pull merges the progress with cursus" 0
expect_no_markers "no conflict markers after a clean merge" laptop
expect_hours "the same day's hours add up (2 + 1 + 3)" laptop 2026-11-24 6
expect_hours "the other side's day is there" laptop 2026-11-25 1.5
on laptop --today 2026-11-26 show P4-A
expect_grep "the other side's tick is there" out '^  1\.1 \[x\]'
expect_grep "this side's tick is there" out '^  1\.2 \[x\]'
on laptop --today 2026-11-26 status
expect_status "the merged file is valid" 0
# Beside git's temporary files the driver leaves nothing (the lock and
# backup of the commands run above are ignored, as README says).
run git -C "$WORK/laptop" status --porcelain
cp "$WORK/out" "$WORK/left"
[ ! -s "$WORK/left" ] && ok "the merge leaves nothing behind in the work tree" ||
	not_ok "left in the work tree: $(cat "$WORK/left")"
git -C "$WORK/laptop" push -q 2>/dev/null
git -C "$WORK/desktop" pull -q --no-rebase --no-edit 2>/dev/null
expect_hours "the other machine gets the merge" desktop 2026-11-24 6

# The pace changed differently on both: a conflict, the current side's pace.
on laptop --today 2026-11-27 choose P4-A --pace 6
commit laptop "pace 6" && git -C "$WORK/laptop" push -q 2>/dev/null
on desktop --today 2026-11-27 choose P4-A --pace 7
on desktop --today 2026-11-27 log 1
commit desktop "pace 7"
run git -C "$WORK/desktop" pull --no-rebase --no-edit
if [ "$status" -ne 0 ]; then ok "a real conflict fails the merge"; else not_ok "a conflict merged"; fi
expect_grep "the conflict is named, in the file git merges (%P)" err \
	"^cursus: progress.yaml: conflict: P4-A pace: kept 7, the other side has 6"
expect_no_markers "no conflict markers in a conflict either" desktop
if grep -qxF "    pace: 7" "$WORK/desktop/progress.yaml"; then
	ok "the current side's pace is kept"
else
	not_ok "pace is not 7"
fi
expect_hours "the rest is merged despite the conflict" desktop 2026-11-27 1
on desktop --today 2026-11-27 status
expect_status "the file left by a conflict is valid" 0

# The driver by hand: git's argument order, an empty base (no ancestor).
M="$WORK/by-hand"
mkdir -p "$M"
printf '{version: 1, programs: {P4-A: {hours: {2026-11-24: 2}}}}\n' >"$M/cur.yaml"
printf '{version: 1, programs: {P4-A: {hours: {2026-11-24: 1.5}}}}\n' >"$M/other.yaml"
: >"$M/empty.yaml"
run "$CURSUS" --data "$WORK/no-specs" merge "$M/cur.yaml" "$M/empty.yaml" "$M/other.yaml"
expect_status "an empty base, and no specs needed" 0
# No ancestor (both sides added the file): merged as two copies, so a day
# both hold is never counted twice, and a day they disagree on is named.
expect_grep "no ancestor: a day the sides disagree on is named" err \
	"^cursus: $M/cur.yaml: check: P4-A hours on 2026-11-24: kept 2, the other file has 1.5"
grep -qxF "      2026-11-24: 2" "$M/cur.yaml" && ok "no ancestor: the larger of the day's hours" ||
	not_ok "no ancestor: $(cat "$M/cur.yaml")"
printf '{version: 1, programs: {P4-A: {hours: {2026-11-03: 3}}}}\n' >"$M/same-a.yaml"
printf '{version: 1, programs: {P4-A: {hours: {2026-11-03: 3, 2026-11-04: 1}}}}\n' >"$M/same-b.yaml"
run "$CURSUS" merge "$M/same-a.yaml" "$M/empty.yaml" "$M/same-b.yaml"
expect_status "no ancestor, the same day on both sides" 0
expect_empty "a clean merge says nothing" err
grep -qxF "      2026-11-03: 3" "$M/same-a.yaml" && grep -qxF "      2026-11-04: 1" "$M/same-a.yaml" &&
	ok "no ancestor: a day both sides hold counts once" ||
	not_ok "no ancestor, same day: $(cat "$M/same-a.yaml")"

printf '<<<<<<< ours\nversion: 1\n=======\nversion: 1\n>>>>>>> theirs\n' >"$M/broken.yaml"
cp "$M/broken.yaml" "$M/broken-before.yaml"
run "$CURSUS" merge "$M/broken.yaml" "$M/empty.yaml" "$M/other.yaml"
expect_status "a CURRENT that cannot be read" 1
expect_grep "its file and line are named" err "^cursus: $M/broken.yaml:[0-9][0-9]*: "
cmp -s "$M/broken.yaml" "$M/broken-before.yaml" && ok "a file that cannot be read is not written" ||
	not_ok "the unreadable file was written over"
run "$CURSUS" merge "$M/cur.yaml" "$M/missing.yaml"
expect_status "a missing OTHER" 1
expect_grep "the missing file is named" err "^cursus: $M/missing.yaml: cannot read"
mkfifo "$M/fifo"
run timeout 20 "$CURSUS" merge "$M/fifo" "$M/other.yaml"
expect_status "a FIFO is refused, not read" 1
[ ! -e "$M/fifo.lock" ] && ok "nothing is created beside a refused file" ||
	not_ok "a lock was created beside the FIFO"
run "$CURSUS" merge "$M/cur.yaml" /dev/null "$M/other.yaml"
expect_status "/dev/null as the base" 0
run "$CURSUS" merge "$M/cur.yaml"
expect_status "merge needs two files at least" 1
expect_grep "usage named" err "usage: cursus merge CURRENT \[BASE\] OTHER"

# Two files: a sync tool's conflict copy folded into the progress file.
S="$WORK/synced"
mkdir -p "$S"
COPY="$S/progress.sync-conflict-20261127-101112-ABCDEF1.yaml"
on laptop --today 2026-11-28 log 2
cp "$WORK/laptop/progress.yaml" "$S/progress.yaml"
cp "$WORK/laptop/progress.yaml" "$COPY"
run "$CURSUS" --data "$SPECS" --state "$COPY" --today 2026-11-28 log 0.5
run "$CURSUS" --data "$SPECS" --state "$COPY" --today 2026-11-29 tick 2.1
run "$CURSUS" --data "$SPECS" --state "$S/progress.yaml" --today 2026-11-29 log 1
run "$CURSUS" merge "$S/progress.yaml" "$COPY"
expect_status "two files merge" 0
expect_grep "two files: says what it did" out "^Merged $COPY into $S/progress.yaml; check the days above"
expect_grep "two files: the day that differs is named" err \
	"^cursus: $S/progress.yaml: check: P4-A hours on 2026-11-28: kept 2.5, the other file has 2"
expect_hours "two files: a day copied on both sides is not counted twice" synced 2026-11-28 2.5
expect_hours "two files: this side's new day" synced 2026-11-29 1
run "$CURSUS" --data "$SPECS" --state "$S/progress.yaml" --today 2026-11-29 show P4-A
expect_grep "two files: the copy's tick" out '^  2\.1 \[x\]'
[ -e "$COPY" ] && ok "two files: the copy is never removed" || not_ok "the copy was removed"
run "$CURSUS" --data "$SPECS" --state "$COPY" --today 2026-11-29 choose P4-A --pace 9
run "$CURSUS" merge "$S/progress.yaml" "$COPY"
expect_status "two files: differing settings" 1
expect_grep "two files: the conflict named" err \
	"^cursus: $S/progress.yaml: conflict: P4-A pace: kept 6, the other side has 9"

# Git's temporary files named as the learner knows them (the 4th argument,
# git's %P): a broken other side is "progress.yaml (the other side)".
mkdir -p "$WORK/named"
printf 'version: 1\n' >"$WORK/named/cur"
printf 'version: 1\n' >"$WORK/named/base"
printf 'version: 1\nchoices: [\n' >"$WORK/named/other"
run "$CURSUS" merge "$WORK/named/cur" "$WORK/named/base" "$WORK/named/other" progress.yaml
expect_status "named: a broken other side" 1
expect_grep "named: the other side, by the file's name" err \
	"^cursus: progress.yaml (the other side):3: not valid YAML"
run "$CURSUS" merge "$WORK/named/cur" "$WORK/named/base" "$WORK/named/other" progress.yaml extra
expect_status "five arguments: usage" 1
expect_grep "five arguments: usage said" err "cursus merge %A %O %B %P"

done_testing
