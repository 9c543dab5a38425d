#!/bin/sh
# Options, help, version and the search path rules of PRODUCT.md §1.
. "$TOP_SRCDIR/tests/cli/lib.sh"

run "$CURSUS" --version
expect_status "--version" 0
expect_grep "--version prints the version" out '^cursus [0-9]'

run "$CURSUS" -h
expect_status "-h" 0
expect_grep "help lists show" out '^  show ID'

run "$CURSUS" --bogus
expect_status "unknown option" 1
expect_grep "unknown option named" err "unknown option '--bogus'"

run "$CURSUS" frobnicate
expect_status "unknown command" 1
expect_grep "unknown command named" err "unknown command 'frobnicate'"
if grep -q "did you mean" "$WORK/err"; then
	not_ok "a word near no command gets no suggestion"
else
	ok "a word near no command gets no suggestion"
fi
# A typo, and the spec's French word, find the command meant.
for typo in stauts statut; do
	run "$CURSUS" "$typo"
	expect_status "$typo is unknown" 1
	expect_grep "$typo: status suggested" err \
		"^cursus: unknown command '$typo'; did you mean 'status'?$"
done

run "$CURSUS" list --data
expect_status "--data needs a directory" 1

run "$CURSUS" list --data "$WORK/none"
expect_status "missing --data directory" 1
expect_grep "missing directory named" err "$WORK/none: cannot read directory"

# An earlier --data shadows a later one; the order of the options counts.
run "$CURSUS" --data "$DATA/shadow1" --data "$SPECS" show P4-A
expect_grep "first --data wins" out "Shadowing copy of P4-A"
run "$CURSUS" --data "$SPECS" --data "$DATA/shadow1" show P4-A
expect_grep "second --data is shadowed" out "AI Product Management Specialization"

# CURSUS_PATH when there is no --data; --data wins over it.
run env CURSUS_PATH="$DATA/shadow1:$SPECS" "$CURSUS" show P4-A
expect_grep "CURSUS_PATH is used" out "Shadowing copy of P4-A"
run env CURSUS_PATH="$DATA/shadow1" "$CURSUS" list --data "$SPECS"
expect_file "--data overrides CURSUS_PATH" out "$EXPECTED/list.txt"

# The user's own specs in XDG_DATA_HOME shadow the shipped ones.
mkdir -p "$XDG_DATA_HOME/cursus/specs"
cp "$DATA/shadow1/P4-A.md" "$XDG_DATA_HOME/cursus/specs/"
run "$CURSUS" show P4-A
expect_grep "XDG data shadows the shipped spec" out "Shadowing copy of P4-A"
run "$CURSUS" show P4-B
expect_grep "shipped specs still found" out "IBM AI Product Manager"

# The plain commands need no terminal.
run sh -c "\"$CURSUS\" list --data \"$SPECS\" </dev/null"
expect_status "list without a terminal" 0

# Output that cannot be written is an error.
if [ -w /dev/full ]; then
	run sh -c "\"$CURSUS\" show P4-A --data \"$SPECS\" >/dev/full"
	expect_status "writing to a full disk fails" 1
fi

done_testing
