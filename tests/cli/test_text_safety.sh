#!/bin/sh
# Spec text as data: an NFD spec reads like the NFC one, a tick follows a
# title edited in place, and control characters never reach the output.
. "$TOP_SRCDIR/tests/cli/lib.sh"

export CURSUS_STATE="$WORK/state/progress.yaml"
NFD="$DATA/nfd"
CTL="$DATA/controls"

# The fixture really is NFD: "é" is "e" + U+0301 there, never U+00E9.
if grep -q "$(printf 'e\314\201')" "$NFD/P4-A.md" && ! grep -q "$(printf '\303\251')" "$NFD/P4-A.md"; then
	ok "the NFD fixture holds combining accents only"
else
	not_ok "tests/data/nfd/P4-A.md is not in NFD"
fi

# --- NFD reads like NFC (beside the comparison note it links to, as the
# shipped spec is) ---
mkdir -p "$WORK/nfd"
cp "$NFD/P4-A.md" "$SPECS/choice-duke-vs-ibm.md" "$WORK/nfd/"
run "$CURSUS" show P4-A --data "$WORK/nfd"
expect_status "show the NFD spec" 0
expect_file "NFD spec shows as the NFC one" out "$EXPECTED/show-P4-A.txt"
expect_grep "NFD skills recognised" out '^  Skills: Compréhension des algorithmes ML;'

run "$CURSUS" check "$NFD/P4-A.md"
expect_status "check the NFD spec" 0
expect_empty "check the NFD spec" err

# A tick made on the NFC spec is still there when the spec is saved in NFD.
run "$CURSUS" --data "$SPECS" --today 2026-11-24 choose P4-A
run "$CURSUS" --data "$SPECS" --today 2026-11-24 tick 1.2.1
expect_status "tick 1.2.1 on the NFC spec" 0
run "$CURSUS" --data "$NFD" show P4-A
expect_grep "NFC tick ticked on the NFD spec" out '^    1\.2\.1 \[x\] Apprentissage supervisé$'
run "$CURSUS" --data "$NFD" status
if grep -q "the spec no longer has" "$WORK/out" "$WORK/err"; then
	not_ok "the NFC tick is an orphan on the NFD spec"
else
	ok "no orphan tick on the NFD spec"
fi

# A tick stored with an NFD title (an older cursus on an NFD spec), at a
# PATH that moved: it is found by its title, compared in NFC.
mkdir -p "$WORK/nfd-state"
printf 'version: 1\ncurrent: P4\nchoices:\n  P4: P4-A\nprograms:\n  P4-A:\n    ticks:\n    - {path: "9.9", date: 2026-11-24, title: "Apprentissage non supervis%s"}\n' \
	"$(printf 'e\314\201')" >"$WORK/nfd-state/progress.yaml"
CURSUS_STATE="$WORK/nfd-state/progress.yaml" run "$CURSUS" --data "$SPECS" show P4-A
expect_grep "NFD-titled tick found on the NFC spec" out '^    1\.2\.2 \[x\] Apprentissage non supervisé$'

# --- a title edited in place ---
title13="Identifier quand et comment le ML peut être appliqué"
edit_spec() { # edit_spec DIR SED-SCRIPT: a copy of P4-A with one edit
	mkdir -p "$WORK/$1"
	sed "$2" "$SPECS/P4-A.md" >"$WORK/$1/P4-A.md"
}
export CURSUS_STATE="$WORK/edit-state/progress.yaml"
run "$CURSUS" --data "$SPECS" --today 2026-11-24 choose P4-A
run "$CURSUS" --data "$SPECS" --today 2026-11-24 tick 1.3
expect_status "tick 1.3" 0

edit_spec appended "s/^- $title13\$/- $title13 (cas concrets)/"
run "$CURSUS" --data "$WORK/appended" show P4-A
expect_grep "1.3 keeps its tick when its title grows" out \
	"^  1\\.3 \\[x\\] $title13 (cas concrets)\$"

edit_spec typo "s/^- $title13\$/- Identifier quand et comment le ML peut etre applique/"
run "$CURSUS" --data "$WORK/typo" show P4-A
expect_grep "1.3 keeps its tick when its accents go" out '^  1\.3 \[x\] Identifier quand'

edit_spec replaced "s/^- $title13\$/- Éthique et gouvernance des données/"
run "$CURSUS" --data "$WORK/replaced" show P4-A
expect_grep "an unrelated title at 1.3 is not ticked" out \
	'^  1\.3 \[ \] Éthique et gouvernance des données$'
run "$CURSUS" --data "$WORK/replaced" status
expect_grep "the tick of the replaced topic is an orphan" out "1 tick belongs to modules the spec no longer has"

# A similar topic inserted before 1.3 moves it to 1.4: the exact title
# there wins over the similar one now at 1.3.
edit_spec inserted "s/^- $title13\$/- $title13 en santé\\n&/"
run "$CURSUS" --data "$WORK/inserted" show P4-A
expect_grep "the moved topic keeps its tick" out "^  1\\.4 \\[x\\] $title13\$"
expect_grep "the similar topic inserted at 1.3 is not ticked" out \
	"^  1\\.3 \\[ \\] $title13 en santé\$"

# --- control characters ---
# Bytes a terminal acts on: ESC, BEL, BS, DEL, and C1 CSI/OSC/NEL as UTF-8.
has_controls() {
	LC_ALL=C grep -q "$(printf '[\033\007\010\177]')" "$1" ||
		LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1"
}
if has_controls "$CTL/CTL-A.md"; then
	ok "the control fixture holds control characters"
else
	not_ok "tests/data/controls/CTL-A.md lost its control characters"
fi
export CURSUS_STATE="$WORK/ctl-state/progress.yaml"
c() { run "$CURSUS" --data "$CTL" --today 2026-11-24 "$@"; }
c choose CTL-A
c tick 1.1
for cmd in "show CTL-A" "list" "status" "schedule" "export --format csv" \
	"export --format md" "export --format ics"; do
	# shellcheck disable=SC2086
	c $cmd
	if [ "$status" -eq 0 ] && [ -s "$WORK/out" ] && ! has_controls "$WORK/out" &&
	   ! has_controls "$WORK/err"; then
		ok "$cmd: no control characters in the output"
	else
		not_ok "$cmd: exit $status, or control characters in the output"
	fi
done
c show CTL-A
expect_grep "ESC shown in caret notation" out '^1 \[ \] Sécurité \^\[\[2J du terminal (10 h stated, 20 h planned)$'
expect_grep "OSC title sequence shown" out '^  1\.1 \[x\] Titre \^\[\]0;hacked\^G changé$'
expect_grep "front matter cleaned" out 'Titre \^\[\]0;pwned\^G du programme'
expect_grep "YAML escape cleaned" out 'Escaped \^\[\[31mred\^\[\[0m school'
expect_grep "character reference cleaned" out '^  1\.4 \[ \] Référence \^\[\[2J et �$'
expect_grep "skills still recognised" out '^  Skills: Rester \^G calme$'

run "$CURSUS" check "$CTL/CTL-A.md"
expect_status "check a spec with control characters" 0
expect_grep "check: ok" out "CTL-A.md: ok (CTL-A, 1 course, 4 topics)"
expect_grep "check warns: front matter, line 3" err \
	"CTL-A.md:3: warning: control character U+001B (ESC)"
expect_grep "check warns: raw C1 in the front matter, line 7" err \
	"CTL-A.md:7: warning: control character U+009B (CSI)"
expect_grep "check warns: YAML escape, line 4" err "CTL-A.md:4: warning: control character U+001B from a YAML escape"
expect_grep "check warns: topic, line 13" err "CTL-A.md:13: warning: control character U+001B (ESC)"
expect_grep "check warns: BS, line 15" err "CTL-A.md:15: warning: control character U+0008 (BS)"
if has_controls "$WORK/err"; then
	not_ok "check's warnings hold control characters"
else
	ok "check's warnings hold no control characters"
fi

# A file name is quoted in messages: printed with its controls visible.
bad="$WORK/bad$(printf '\033')[2Jname.md"
printf 'no front matter\n' >"$bad"
run "$CURSUS" check "$bad"
expect_status "check a badly named bad file" 1
expect_grep "its name is shown in caret notation" err 'bad\^\[\[2Jname\.md:1: not a spec: no front matter'
if has_controls "$WORK/err"; then
	not_ok "the error message holds the file name's ESC"
else
	ok "the error message holds no control character"
fi

done_testing
