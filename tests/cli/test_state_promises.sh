#!/bin/sh
# The promises of PRODUCT.md §3 that a learner, or a hostile file system,
# puts to the test: no file beside the progress file is touched, nothing
# unread is written over, special files are never replaced, a command that
# fails saves nothing, ids are the same whatever their case.
. "$TOP_SRCDIR/tests/cli/lib.sh"

STATE_DIR="$WORK/state"
export CURSUS_STATE="$STATE_DIR/progress.yaml"
c() { run "$CURSUS" --data "$SPECS" --today 2026-11-25 "$@"; }
# same_file NAME A B: the two files are byte for byte the same.
same_file() {
	if cmp -s "$2" "$3"; then ok "$1"; else not_ok "$1: the file changed"; fi
}

c choose P4-A
expect_status "choose P4-A" 0

# 1. Files beside the progress file are the learner's: whatever their name,
#    they survive a save. Only cursus's own temp files are cleaned up.
for name in progress.yaml.backup progress.yaml.theirs progress.yaml.laptop \
	progress.yaml.2026q1 progress.yaml.abc123 progress.yaml.bak .progress.yaml.swp; do
	echo "mine: $name" >"$STATE_DIR/$name"
done
echo "litter" >"$STATE_DIR/.progress.yaml.cursus-tmp-Ab12Cd"
c log 1
expect_status "log beside the learner's files" 0
kept=0
for name in progress.yaml.backup progress.yaml.theirs progress.yaml.laptop \
	progress.yaml.2026q1 progress.yaml.abc123 progress.yaml.bak .progress.yaml.swp; do
	[ "$(cat "$STATE_DIR/$name" 2>/dev/null)" = "mine: $name" ] && kept=$((kept + 1))
done
[ "$kept" -eq 7 ] && ok "the 7 files beside the progress file are untouched" ||
	not_ok "only $kept of the 7 files beside the progress file are intact"
[ ! -e "$STATE_DIR/.progress.yaml.cursus-tmp-Ab12Cd" ] &&
	ok "a temp file left by a killed cursus is cleaned up" ||
	not_ok "cursus's own stale temp file was left"

# 2. Content after the document is never dropped by a save.
cp "$CURSUS_STATE" "$WORK/good.yaml"
end=$(wc -l <"$WORK/good.yaml")
# after_document NAME TEXT LINE MESSAGE: TEXT after the document is
# refused at LINE with MESSAGE, and the file is left as it was.
after_document() {
	cp "$WORK/good.yaml" "$CURSUS_STATE"
	printf '%s\n' "$2" >>"$CURSUS_STATE"
	cp "$CURSUS_STATE" "$WORK/before.yaml"
	c log 1
	expect_status "log into a file with $1" 1
	expect_grep "$1 is named with its line" err "^cursus: $CURSUS_STATE:$3: $4"
	same_file "a file with $1 is not written over" "$CURSUS_STATE" "$WORK/before.yaml"
}
after_document "a second document" '---
version: 1' $((end + 1)) "a second YAML document starts here"
after_document "text after '...'" '...
notes: kept here by the learner' $((end + 2)) "text after the end of the document"

# Git's conflict markers are named as such, with their line.
{ head -n 2 "$WORK/good.yaml"; printf '<<<<<<< HEAD\ncurrent: P4\n=======\ncurrent: P5\n>>>>>>> laptop\n'; } \
	>"$CURSUS_STATE"
cp "$CURSUS_STATE" "$WORK/before.yaml"
c tick 1.1
expect_status "tick into a file with conflict markers" 1
expect_grep "conflict markers are named at their line" err \
	"^cursus: $CURSUS_STATE:3: a git conflict marker (<<<<<<<)"
same_file "the conflicted file is not written over" "$CURSUS_STATE" "$WORK/before.yaml"
cp "$WORK/good.yaml" "$CURSUS_STATE"

# Keys from a newer minor version are kept through a save.
sed 's/^version: 1$/version: 1.4/' "$WORK/good.yaml" >"$CURSUS_STATE"
printf 'sync: {device: laptop}\n' >>"$CURSUS_STATE"
c log 1
expect_status "log into a newer minor version" 0
expect_empty "a newer minor version's keys are not warned about" err
grep -qx 'sync: {device: laptop}' "$CURSUS_STATE" && grep -qx 'version: 1.4' "$CURSUS_STATE" &&
	ok "the newer minor version and its key survive the save" ||
	not_ok "the newer minor version's key was lost"
cp "$WORK/good.yaml" "$CURSUS_STATE"

# Hours in the file are plain decimals.
sed 's/^\(      2026-11-25:\) .*/\1 0x10/' "$WORK/good.yaml" >"$CURSUS_STATE"
c status
expect_status "hours written as 0x10" 1
expect_grep "0x10 is refused with its line" err "^cursus: $CURSUS_STATE:[0-9]*: hours '0x10' is not a number"
cp "$WORK/good.yaml" "$CURSUS_STATE"

# 3. Special files: the state is refused, never replaced; exports write
#    to them as they are.
mkfifo "$WORK/fifo"
run timeout 10 "$CURSUS" --data "$SPECS" --state "$WORK/fifo" choose P4-A
expect_status "a FIFO as the state" 1
expect_grep "a FIFO state is explained" err "fifo: is a FIFO, not a progress file"
[ -p "$WORK/fifo" ] && ok "the FIFO is still a FIFO" || not_ok "the FIFO was replaced"
mkdir "$WORK/state-dir"
run "$CURSUS" --data "$SPECS" --state "$WORK/state-dir" choose P4-A
expect_status "a directory as the state" 1
expect_grep "a directory state is explained" err "is a directory, not a progress file"
if [ "$(id -u)" = 0 ] && mknod "$WORK/null" c 1 3 2>/dev/null; then
	run "$CURSUS" --data "$SPECS" --state "$WORK/null" choose P4-A
	expect_status "a character device as the state" 1
	[ -c "$WORK/null" ] && ok "the device is still a device" || not_ok "the device was replaced"
	c export --format csv -o "$WORK/null"
	expect_status "export to a character device" 0
	[ -c "$WORK/null" ] && ok "export left the device a device" ||
		not_ok "export replaced the device"
	ls "$WORK"/null* | grep -q '\.bak' && not_ok "a .bak of the device was made" ||
		ok "no backup of the device"
else
	skip 5 "character devices need root"
fi
# A symlinked state is written through to its target, the link kept.
mkdir "$WORK/dotfiles"
cp "$WORK/good.yaml" "$WORK/dotfiles/progress.yaml"
ln -s "$WORK/dotfiles/progress.yaml" "$WORK/link.yaml"
run "$CURSUS" --data "$SPECS" --state "$WORK/link.yaml" --today 2026-11-25 log 2
expect_status "log through a symlinked state" 0
[ -L "$WORK/link.yaml" ] && grep -q '2026-11-25: 3' "$WORK/dotfiles/progress.yaml" &&
	ok "the link is kept and its target holds the new hours" ||
	not_ok "the symlinked state was not written through"
# Exports: -o - is standard output, a FIFO is written, a link's target too.
c export --format csv -o -
expect_status "export -o -" 0
expect_grep "export -o - writes standard output" out "^week,start,end"
rm -f "$WORK/fifo.out"
(cat "$WORK/fifo" >"$WORK/fifo.out") &
reader=$!
c export --format csv -o "$WORK/fifo"
expect_status "export to a FIFO" 0
wait "$reader"
[ -p "$WORK/fifo" ] && grep -q '^week,start,end' "$WORK/fifo.out" &&
	ok "the FIFO got the export and is still a FIFO" || not_ok "the export to a FIFO failed"
echo old >"$WORK/real.csv"
ln -s real.csv "$WORK/plan.csv"
c export -o "$WORK/plan.csv"
expect_status "export to a symlink" 0
[ -L "$WORK/plan.csv" ] && grep -q '^week,start,end' "$WORK/real.csv" &&
	ok "the link's target holds the export (its format from the extension)" ||
	not_ok "the export replaced the link"

# 4. A command that fails changes nothing.
cp "$CURSUS_STATE" "$WORK/before.yaml"
c choose P4-A --pace 0.004
expect_status "choose --pace 0.004" 1
expect_grep "a pace below a hundredth is explained" err "pace '0.004' is not hours per week"
same_file "a refused pace changes nothing" "$CURSUS_STATE" "$WORK/before.yaml"
c choose P4-A --pace 0.05
expect_status "choose a pace the plan cannot hold" 1
expect_grep "an impossible plan is explained" err "1800 weeks (more than 520); nothing was saved"
same_file "an impossible plan is not saved" "$CURSUS_STATE" "$WORK/before.yaml"
# A stored value that makes the plan impossible: file, line and the way out.
c choose P4-A --pace 3
sed -i 's/^    pace: 3$/    pace: 0.05/' "$CURSUS_STATE"
line=$(grep -n '^    pace: 0.05$' "$CURSUS_STATE" | cut -d: -f1)
c status
expect_status "status with an impossible stored pace" 1
expect_grep "the stored pace is named with its line and the fix" err \
	"^cursus: $CURSUS_STATE:$line: P4-A: .*'cursus choose P4-A --pace HOURS' (or '--pace default'"
c choose P4-A --pace default
expect_status "choose --pace default" 0
expect_grep "--pace default returns to the spec's pace" out "at 5 h/week"
grep -q 'pace:' "$CURSUS_STATE" && not_ok "the pace is still in the file" ||
	ok "--pace default removes the stored pace"

# 5. Ids without regard to case: a spec whose id changes case keeps its
#    progress, and a log does not start a second program.
mkdir "$WORK/specs"
sed 's/^id: "P4-A"/id: "p4-a"/' "$SPECS/P4-A.md" >"$WORK/specs/P4-A.md"
cp "$SPECS/P4-B.md" "$WORK/specs/"
grep -q '^id: "p4-a"' "$WORK/specs/P4-A.md" && ok "the spec's id is now p4-a" ||
	not_ok "the fixture did not change the id"
run "$CURSUS" --data "$WORK/specs" --today 2026-11-25 status
expect_status "status with the id in lower case" 0
expect_grep "the progress is still found" out "^Hours: *1 h of 90 h"
run "$CURSUS" --data "$WORK/specs" --today 2026-11-25 log 1
expect_status "log with the id in lower case" 0
[ "$(grep -ci '^  p4-a:' "$CURSUS_STATE")" = 1 ] && grep -q '^  P4-A:' "$CURSUS_STATE" &&
	ok "one program, its first spelling kept" || not_ok "a second program was created"

# 9. A sync tool's conflict copy beside the progress file is noticed on
#    every command, with the command that folds it in.
copy="$STATE_DIR/progress.sync-conflict-20261125-101010-ABCDEFG.yaml"
cp "$CURSUS_STATE" "$copy"
c status
expect_status "status beside a conflict copy" 0
expect_grep "the conflict copy is named with the way to fold it in" err \
	"^cursus: $copy: warning: .*'cursus merge $CURSUS_STATE $copy'"
rm "$copy"

done_testing
