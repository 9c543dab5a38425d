#!/bin/sh
# The configuration file (PRODUCT.md §7): where it is found, what data and
# color do, the search order of §1 (--data, CURSUS_PATH, the
# configuration, the default), and that a bad file is said with its line
# and never stops the command line from working.
. "$TOP_SRCDIR/tests/cli/lib.sh"

# spec DIR ID TITLE: a one-line spec, so that list shows where specs came from.
spec() {
	mkdir -p "$1"
	printf -- '---\nid: "%s"\nnom: "%s"\n---\n' "$2" "$3" >"$1/$2.md"
}
spec "$WORK/opt" OPT-A "From --data"
spec "$WORK/env" ENV-A "From CURSUS_PATH"
spec "$HOME/Notes/Formations" CONF-A "From the configuration"
spec "$HOME/Notes/Other" CONF-B "Second configured vault"
spec "$XDG_DATA_HOME/cursus/specs" XDG-A "From XDG_DATA_HOME"

CFG="$XDG_CONFIG_HOME/cursus/config"
mkdir -p "${CFG%/*}"
# config TEXT: the default configuration file holds TEXT.
config() {
	printf '%s\n' "$1" >"$CFG"
}
# lists NAME ID...: the last run listed exactly these programs (list sorts
# them by id, wherever they were found).
lists() {
	name=$1
	shift
	printf '%s\n' "$@" >"$WORK/want-ids"
	cut -d' ' -f1 "$WORK/out" >"$WORK/got-ids"
	if cmp -s "$WORK/want-ids" "$WORK/got-ids"; then
		ok "$name: lists $*"
	else
		not_ok "$name: lists $(tr '\n' ' ' <"$WORK/got-ids"), expected $*"
		sed 's/^/# stderr: /' "$WORK/err"
	fi
}

# ---- no configuration: exactly as before there was one ----
run "$CURSUS" list
expect_status "no configuration" 0
lists "no configuration" P4-A P4-B XDG-A
expect_empty "no configuration" err
cp "$WORK/out" "$WORK/list-before"
mkdir -p "$WORK/empty-home"
run env HOME="$WORK/empty-home" XDG_CONFIG_HOME= "$CURSUS" list
expect_status "an empty HOME" 0
expect_file "an empty HOME lists as with no configuration" out "$WORK/list-before"
expect_empty "an empty HOME" err
run "$CURSUS" --data "$SPECS" list
expect_file "no configuration: --data as always" out "$EXPECTED/list.txt"

# ---- a good configuration: its data directories, ~ and $HOME expanded ----
config '# my vault
data: ~/Notes/Formations
color: true'
run "$CURSUS" list
expect_status "data: ~/..." 0
lists "data: ~/... (HOME=$HOME)" CONF-A
expect_empty "a good configuration" err
config 'data:
  - $HOME/Notes/Other
  - ${HOME}/Notes/Formations'
run "$CURSUS" list
lists "data: a list, \$HOME and \${HOME}" CONF-A CONF-B
expect_status "data: a list" 0
# the same directory first would shadow: the order is the file's
spec "$HOME/Notes/Other" CONF-A "Shadowing copy"
run "$CURSUS" show CONF-A
expect_grep "the first configured directory wins" out "Shadowing copy"
rm "$HOME/Notes/Other/CONF-A.md"
# ~ is the HOME cursus runs with
mkdir -p "$WORK/home2/Notes/Formations"
spec "$WORK/home2/Notes/Formations" HOME2-A "Another home"
config 'data: ~/Notes/Formations'
run env HOME="$WORK/home2" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" "$CURSUS" list
lists "~ follows HOME" HOME2-A
# a relative directory is found beside the configuration file, wherever
# cursus is started
mkdir -p "$XDG_CONFIG_HOME/cursus/vault"
spec "$XDG_CONFIG_HOME/cursus/vault" REL-A "Relative to the configuration"
config 'data: vault'
run sh -c "cd / && \"\$0\" list" "$CURSUS"
lists "a relative data directory: beside the configuration" REL-A

# the planner commands read the same path (the session)
config 'data: ~/Notes/Formations'
run "$CURSUS" choose CONF-A
expect_status "choose a program of the configured vault" 0
run "$CURSUS" status
expect_status "status of a program of the configured vault" 0
run "$CURSUS" check
expect_status "check without files: the configured vault" 0
expect_grep "check reads the configured vault" out "CONF-A.md: ok"

# ---- the search order: --data, CURSUS_PATH, the configuration, the default ----
run env CURSUS_PATH="$WORK/env" "$CURSUS" list
lists "CURSUS_PATH before the configuration" ENV-A
run env CURSUS_PATH="$WORK/env" "$CURSUS" --data "$WORK/opt" list
lists "--data before CURSUS_PATH and the configuration" OPT-A
run "$CURSUS" --data "$WORK/opt" list
lists "--data before the configuration" OPT-A
config 'color: false'
run "$CURSUS" list
lists "no data in the configuration: the default path" P4-A P4-B XDG-A

# ---- a configured directory that is not there: an error at its line ----
config 'data:
  - ~/Notes/Formations
  - ~/Notes/Gone'
run "$CURSUS" list
expect_status "a configured directory is missing" 1
expect_text "the missing directory named at its line" err \
	"cursus: $CFG:3: data directory '$HOME/Notes/Gone': No such file or directory"
run "$CURSUS" status
expect_status "status with a missing configured directory" 1
expect_grep "status names it too" err "^cursus: $CFG:3: data directory"
run "$CURSUS" check
expect_status "check with a missing configured directory" 1
expect_grep "check names it too" err "^cursus: $CFG:3: data directory"
run "$CURSUS" --data "$WORK/opt" list
expect_status "--data: the configured directories are not looked at" 0
expect_empty "--data: nothing said about them" err

# ---- an unknown key: a warning with its line, and the rest is used ----
config 'data: ~/Notes/Formations
colour: false'
run "$CURSUS" list
expect_status "an unknown key" 0
lists "an unknown key: the configuration is still used" CONF-A
expect_text "an unknown key: file and line" err \
	"cursus: $CFG:2: warning: unknown key 'colour' (cursus knows data and color); it is ignored"

# ---- a broken file: its line; run without it; options still work; exit 1 ----
config 'data: ~/Notes/Formations
color: maybe'
run "$CURSUS" list
expect_status "a broken configuration" 1
expect_text "a broken configuration: file and line" err \
	"cursus: $CFG:2: color 'maybe' is not true or false (nor yes/no, on/off); the configuration is ignored"
lists "a broken configuration is ignored whole (not its good first line)" P4-A P4-B XDG-A
run "$CURSUS" --data "$WORK/opt" list
expect_status "a broken configuration, with --data" 1
lists "a broken configuration: --data still works" OPT-A
config 'data:
	- ~/Notes/Formations'
run "$CURSUS" list
expect_text "a tab: said so, with its line" err \
	"cursus: $CFG:2: a tab indents this line: YAML indents with spaces only; the configuration is ignored"
config 'data:
  Formations: ~/Notes/Formations'
run "$CURSUS" list
expect_grep "data as a mapping: its line" err "^cursus: $CFG:2: data must be a directory or a list"
config 'data: ~/Notes/Formations
---
color: false'
run "$CURSUS" list
expect_grep "a second document: its line" err "^cursus: $CFG:2: a second YAML document"
config 'data: [~/Notes/Formations'
run "$CURSUS" list
expect_grep "not YAML: its line" err "^cursus: $CFG:2: not valid YAML"
expect_status "not YAML" 1
# merge, a git merge driver, does not read it: its status is git's verdict
printf 'version: 1\n' >"$WORK/a.yaml"
printf 'version: 1\n' >"$WORK/b.yaml"
run "$CURSUS" merge "$WORK/a.yaml" "$WORK/b.yaml"
expect_status "merge does not read the configuration" 0
expect_empty "merge says nothing about it" err
run "$CURSUS" --help
expect_status "--help with a broken configuration" 0

# ---- which file: --config, CURSUS_CONFIG, XDG_CONFIG_HOME, ~/.config ----
config 'data: ~/Notes/Formations'
printf 'data: %s\n' "$WORK/env" >"$WORK/env-config"
printf 'data: %s\n' "$WORK/opt" >"$WORK/option-config"
run env CURSUS_CONFIG="$WORK/env-config" "$CURSUS" list
lists "CURSUS_CONFIG before XDG_CONFIG_HOME" ENV-A
run env CURSUS_CONFIG="$WORK/env-config" "$CURSUS" --config "$WORK/option-config" list
lists "--config before CURSUS_CONFIG" OPT-A
expect_status "--config" 0
run env CURSUS_CONFIG= "$CURSUS" list
lists "an empty CURSUS_CONFIG is not set" CONF-A
run "$CURSUS" --config /dev/null list
lists "--config /dev/null: no configuration" P4-A P4-B XDG-A
expect_status "--config /dev/null" 0
# a file that was named must be there; the default one need not be
run "$CURSUS" --config "$WORK/no-such-config" list
expect_status "--config FILE missing" 1
expect_text "--config FILE missing: named" err \
	"cursus: $WORK/no-such-config: cannot read the configuration: No such file or directory; it is ignored"
lists "--config FILE missing: the command still runs" P4-A P4-B XDG-A
run env CURSUS_CONFIG="$WORK/no-such-config" "$CURSUS" list
expect_status "CURSUS_CONFIG missing" 1
expect_grep "CURSUS_CONFIG missing: named" err "^cursus: $WORK/no-such-config: cannot read"
run "$CURSUS" --config "" list
expect_status "--config with no file name" 1
# XDG_CONFIG_HOME unset, or relative (invalid, says XDG): ~/.config
mkdir -p "$HOME/.config/cursus"
printf 'data: ~/Notes/Other\n' >"$HOME/.config/cursus/config"
run env -u XDG_CONFIG_HOME "$CURSUS" list
lists "no XDG_CONFIG_HOME: ~/.config/cursus/config" CONF-B
run env XDG_CONFIG_HOME=relative "$CURSUS" list
lists "a relative XDG_CONFIG_HOME is ignored" CONF-B
run "$CURSUS" list
lists "XDG_CONFIG_HOME before ~/.config" CONF-A


# A configuration that is only read may come from a pipe, as the shell's
# "--config <(...)" gives it (the progress file never may).
mkfifo "$WORK/config-fifo"
printf 'data: %s/Notes/Formations\n' "$HOME" >"$WORK/config-fifo" &
run "$CURSUS" --config "$WORK/config-fifo" list
wait
expect_status "--config from a pipe" 0
lists "--config from a pipe" CONF-A
run "$CURSUS" --config "$WORK" list
expect_status "--config naming a directory" 1
expect_grep "--config naming a directory is said" err "cannot read the configuration: Is a directory"

done_testing
