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
	progress.yaml.2026q1 progress.yaml.abc123 progress.yaml.bak .progress.yaml.swp \
	.progress.yaml.cursus-tmp-notes.txt .progress.yaml.cursus-tmp-Ab12Cd.keep; do
	echo "mine: $name" >"$STATE_DIR/$name"
done
echo "litter" >"$STATE_DIR/.progress.yaml.cursus-tmp-Ab12Cd"
c log 1
expect_status "log beside the learner's files" 0
kept=0
for name in progress.yaml.backup progress.yaml.theirs progress.yaml.laptop \
	progress.yaml.2026q1 progress.yaml.abc123 progress.yaml.bak .progress.yaml.swp \
	.progress.yaml.cursus-tmp-notes.txt .progress.yaml.cursus-tmp-Ab12Cd.keep; do
	[ "$(cat "$STATE_DIR/$name" 2>/dev/null)" = "mine: $name" ] && kept=$((kept + 1))
done
[ "$kept" -eq 9 ] && ok "the 9 files beside the progress file are untouched" ||
	not_ok "only $kept of the 9 files beside the progress file are intact"
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

# An export never lands on the progress file, writes /dev/stdout and
# /dev/fd/N as they are open (appending stays appending), and refuses an
# extension it has no format for.
cp "$CURSUS_STATE" "$WORK/before.yaml"
c export --format ics -o "$CURSUS_STATE"
expect_status "export onto the progress file" 1
expect_grep "the progress file is not an export's target" err "that is the progress file"
ln -s "$CURSUS_STATE" "$WORK/plan-link.ics"
c export -o "$WORK/plan-link.ics"
expect_status "export through a link to the progress file" 1
same_file "the progress file is untouched by export" "$CURSUS_STATE" "$WORK/before.yaml"
printf 'header kept\n' >"$WORK/appended.txt"
"$CURSUS" --data "$SPECS" --today 2026-11-25 export --format csv -o /dev/stdout >>"$WORK/appended.txt"
[ "$(head -n 1 "$WORK/appended.txt")" = "header kept" ] && grep -q '^week,start,end' "$WORK/appended.txt" &&
	ok "/dev/stdout is written as it is open: the appended file keeps its header" ||
	not_ok "/dev/stdout replaced the file: $(head -n 1 "$WORK/appended.txt")"
"$CURSUS" --data "$SPECS" --today 2026-11-25 export --format md -o /dev/fd/3 3>>"$WORK/appended.txt"
[ "$(head -n 1 "$WORK/appended.txt")" = "header kept" ] && grep -q '^# AI Product' "$WORK/appended.txt" &&
	ok "/dev/fd/3 is written as it is open" || not_ok "/dev/fd/3 replaced the file"
c export -o "$WORK/plan.pdf"
expect_status "an extension with no format" 1
expect_grep "the extension is named" err "no export format has the extension '.pdf'"
[ ! -e "$WORK/plan.pdf" ] && ok "nothing written for an unknown extension" || not_ok "plan.pdf was written"

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
expect_grep "the progress is still found" out "^Hours: *1 h studied:"
run "$CURSUS" --data "$WORK/specs" --today 2026-11-25 log 1
expect_status "log with the id in lower case" 0
[ "$(grep -ci '^  p4-a:' "$CURSUS_STATE")" = 1 ] && grep -q '^  P4-A:' "$CURSUS_STATE" &&
	ok "one program, its first spelling kept" || not_ok "a second program was created"

# A tick stays in its course when a title repeats in another course
# ("Quiz final" in both): renaming it, or inserting a topic before it,
# neither moves the tick to the other course nor orphans it.
mkdir "$WORK/twins"
twins() { # twins TOPICS-OF-COURSE-1: a spec whose two courses end alike
	{
		printf -- '---\nid: "TW-A"\nnom: "Twins"\neffort: "20h"\n---\n'
		printf '## Programme\n### Cours 1 : Un (10h)\n**Contenu :**\n%s\n' "$1"
		printf '### Cours 2 : Deux (10h)\n**Contenu :**\n- Introduction\n- Quiz final\n'
	} >"$WORK/twins/TW-A.md"
}
tw() { run "$CURSUS" --data "$WORK/twins" --state "$WORK/twins.yaml" --today 2026-11-25 "$@"; }
twins '- Introduction
- Quiz final'
tw choose TW-A
tw tick 1.2
expect_status "tick 1.2 Quiz final" 0
twins '- Introduction
- Quiz initial'
tw show TW-A
expect_grep "renamed in place, the tick stays at 1.2" out '^  1\.2 \[x\] Quiz initial'
expect_grep "and does not jump to course 2" out '^  2\.2 \[ \] Quiz final'
twins '- Avant-propos
- Introduction
- Quiz final'
tw show TW-A
expect_grep "a topic inserted before it: the tick follows to 1.3" out '^  1\.3 \[x\] Quiz final'
expect_grep "course 2 still untouched" out '^  2\.2 \[ \] Quiz final'

# Comments in the progress file are never erased by a save.
cp "$CURSUS_STATE" "$WORK/before-comment.yaml"
sed -i 's/^current: P4$/current: P4   # chose A after the webinar/' "$CURSUS_STATE"
line=$(grep -n '# chose A' "$CURSUS_STATE" | cut -d: -f1)
cp "$CURSUS_STATE" "$WORK/before.yaml"
c log 1
expect_status "log into a file holding a comment" 1
expect_grep "the comment is named with its line" err "^cursus: $CURSUS_STATE:$line: a comment, which cursus cannot keep"
same_file "the commented file is not written over" "$CURSUS_STATE" "$WORK/before.yaml"
c status
expect_status "a commented file is still read" 0
cp "$WORK/before-comment.yaml" "$CURSUS_STATE"

# The same program or choice written twice with another case (an older
# cursus did that): read as one, or refused when they disagree.
cp "$CURSUS_STATE" "$WORK/before-case.yaml"
printf '  p4-a:\n    hours:\n      2026-11-20: 2\n' >>"$CURSUS_STATE"
c status
expect_status "a program spelled twice with another case" 0
expect_grep "its hours are counted once, together" out "^Hours: *4 h studied:"
printf '  p4-b:\n    start: 2026-11-09\n  P4-B:\n    start: 2026-11-02\n' >>"$CURSUS_STATE"
cp "$CURSUS_STATE" "$WORK/before.yaml"
c log 1
expect_status "two spellings with different starts" 1
expect_grep "the clash is named with its line" err "program 'P4-B' is 'p4-b' again, with another case and another 'start'"
same_file "two spellings that disagree are not written over" "$CURSUS_STATE" "$WORK/before.yaml"
cp "$WORK/before-case.yaml" "$CURSUS_STATE"

# 9. A sync tool's conflict copy beside the progress file is noticed on
#    every command, with the command that folds it in.
copy="$STATE_DIR/progress.sync-conflict-20261125-101010-ABCDEFG.yaml"
cp "$CURSUS_STATE" "$copy"
c status
expect_status "status beside a conflict copy" 0
expect_grep "the conflict copy is named with the way to fold it in" err \
	"^cursus: $copy: warning: .*fold it in with: cursus merge $CURSUS_STATE $copy (then"
rm "$copy"
dropbox="$STATE_DIR/progress (Bob's conflicted copy 2026-11-27).yaml"
cp "$CURSUS_STATE" "$dropbox"
c status
# The hint, as a shell would need it: the copy's name in single quotes.
printf "fold it in with: cursus merge %s '%s' (then remove the copy)\n" "$CURSUS_STATE" \
	"$(printf '%s' "$dropbox" | sed "s/'/'\\\\''/g")" >"$WORK/hint"
grep -qF -- "$(cat "$WORK/hint")" "$WORK/err" && ok "a Dropbox copy's name is quoted for the shell" ||
	{ not_ok "the Dropbox copy's hint cannot be pasted"; sed 's/^/# /' "$WORK/err"; }
rm "$dropbox"

# A choice whose program left the specs: the file, the group and the id.
sed -i 's/^  P4: P4-A$/  P4: P4-Z/' "$CURSUS_STATE"
c status
expect_status "a choice no spec has" 1
expect_grep "the stored choice is named" err "^cursus: $CURSUS_STATE: the program chosen for P4, 'P4-Z', is not among the specs"

done_testing
