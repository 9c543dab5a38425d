#!/bin/sh
# Builds the libFuzzer targets of tests/fuzz into a directory ($1, default
# tests/fuzz/bin), compiling the data layer and the model from src/ with
# clang, AddressSanitizer and UndefinedBehaviorSanitizer.
#
# CC (default clang) and FUZZ_CFLAGS override the compiler and its flags;
# FUZZ_CONFIG_DIR is the directory of config.h (default: the source tree,
# configured there when it has none; a build tree's for VPATH builds).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${1:-$here/bin}
CC=${CC:-clang}
FUZZ_CFLAGS=${FUZZ_CFLAGS:--g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined}
config_dir=${FUZZ_CONFIG_DIR:-$top}

if [ ! -f "$config_dir/config.h" ]; then
	if [ -n "${FUZZ_CONFIG_DIR:-}" ]; then
		echo "build.sh: no config.h in $config_dir" >&2
		exit 1
	fi
	echo "build.sh: no config.h: running ./configure" >&2
	(cd "$top" && ./configure -q)
fi

# The .c files of Makefile.am's data_sources and model_sources: the data
# layer and the model, no curses, no commands. Read from Makefile.am so
# that a new source file is picked up without editing this script.
lib_sources=$(awk '
	/^(data|model)_sources[ \t]*=/ { on = 1 }
	on {
		for (i = 1; i <= NF; i++)
			if ($i ~ /\.c$/)
				print $i
		if ($NF != "\\")
			on = 0
	}' "$top/Makefile.am")
if [ -z "$lib_sources" ]; then
	echo "build.sh: no data_sources or model_sources in $top/Makefile.am" >&2
	exit 1
fi

# catalog.c's last place for specs, as Makefile.am sets it.
defs="-DCURSUS_PKGDATA_SPECS=\"/usr/local/share/cursus/specs\""

mkdir -p "$out/obj"
objs=
for src in $lib_sources; do
	obj=$out/obj/$(basename "$src" .c).o
	# shellcheck disable=SC2086
	$CC $FUZZ_CFLAGS -std=c11 -I"$config_dir" -I"$top/src" $defs -c "$top/$src" -o "$obj"
	objs="$objs $obj"
done

for target in fuzz_spec fuzz_effort fuzz_encoding fuzz_progress fuzz_config; do
	# shellcheck disable=SC2086
	$CC $FUZZ_CFLAGS -std=c11 -I"$config_dir" -I"$top/src" "$here/$target.c" $objs \
		-lyaml -lcmark -lutf8proc -lm -o "$out/$target"
	echo "built $out/$target"
done
