#!/bin/sh
# Builds the libFuzzer targets of tests/fuzz into a directory ($1, default
# tests/fuzz/bin), compiling the data layer and the model from src/ with
# clang, AddressSanitizer and UndefinedBehaviorSanitizer.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${1:-$here/bin}
CC=${CC:-clang}
FUZZ_CFLAGS=${FUZZ_CFLAGS:--g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined}

if [ ! -f "$top/config.h" ]; then
	echo "build.sh: no config.h: running ./configure" >&2
	(cd "$top" && ./configure -q)
fi

# Makefile.am's data_sources and model_sources: no curses, no commands.
lib_sources="xalloc strbuf diag utf8 encoding text width effort spec spec_front
spec_body catalog date outline progress progress_file atomic_file completion
plan certificate export compare_table edits"

# catalog.c finds the shipped specs through these, as Makefile.am sets them.
defs="-DCURSUS_BUILD_DIR=\"$top\" -DCURSUS_SOURCE_SPECS=\"$top/data/specs\"
-DCURSUS_PKGDATA_SPECS=\"/usr/local/share/cursus/specs\""

mkdir -p "$out/obj"
objs=
for name in $lib_sources; do
	obj=$out/obj/$name.o
	# shellcheck disable=SC2086
	$CC $FUZZ_CFLAGS -std=c11 -I"$top" -I"$top/src" $defs -c "$top/src/$name.c" -o "$obj"
	objs="$objs $obj"
done

for target in fuzz_spec fuzz_effort fuzz_encoding fuzz_progress; do
	# shellcheck disable=SC2086
	$CC $FUZZ_CFLAGS -std=c11 -I"$top" -I"$top/src" "$here/$target.c" $objs \
		-lyaml -lcmark -lm -o "$out/$target"
	echo "built $out/$target"
done
