#!/bin/sh
# The catalogue cache (~/.cache/cursus) only ever speeds things up: the
# output is the same cold, warm or without it; a changed, new or removed
# spec is seen; a damaged cache is ignored; broken specs are reported
# every time.
. "$TOP_SRCDIR/tests/cli/lib.sh"

export XDG_CACHE_HOME="$WORK/cache"
D="$WORK/specs"
mkdir -p "$D"
cp "$SPECS"/*.md "$DATA"/mixed/*.md "$D/"
# Specs changed in the last two seconds are not kept (see below); these are
# old.
touch -d '2020-01-01 00:00:00' "$D"/*.md

run env CURSUS_CACHE=off "$CURSUS" list --data "$D"
cp "$WORK/out" "$WORK/expected"
[ ! -d "$XDG_CACHE_HOME" ] && ok "CURSUS_CACHE=off writes no cache" || not_ok "a cache was written"
run "$CURSUS" list --data "$D"
expect_file "cold cache: same list" out "$WORK/expected"
expect_grep "cold cache: the broken spec reported" err "broken.md:4: front matter is not valid YAML"
[ "$(ls "$XDG_CACHE_HOME/cursus" | wc -l)" -eq 1 ] && ok "one cache file for the directory" ||
	not_ok "cache files: $(ls "$XDG_CACHE_HOME/cursus")"
CACHE_FILE=$(ls "$XDG_CACHE_HOME"/cursus/catalog-*)
grep -q "Good one" "$CACHE_FILE" && ok "the front matters are kept" ||
	not_ok "no front matter in $CACHE_FILE"
run "$CURSUS" list --data "$D"
expect_file "warm cache: same list" out "$WORK/expected"
expect_grep "warm cache: the broken spec still reported" err "broken.md:4: front matter is not valid YAML"
expect_status "warm cache: the same status" 1

# One byte of a kept title changed, the file's checksum left as it was: the
# cache is refused, the title read from the spec.
sed 's/Good one/Good onf/' "$CACHE_FILE" >"$CACHE_FILE.tmp" && mv "$CACHE_FILE.tmp" "$CACHE_FILE"
grep -q "Good onf" "$CACHE_FILE" || not_ok "the cache was not changed by the test"
run "$CURSUS" list --data "$D"
expect_file "a damaged byte in the cache: the same list" out "$WORK/expected"

# A spec written within the last two seconds is read, not kept: another
# write in the same tick of the clock, same size, would not change its key.
sed 's/GOOD-A/RECENT-A/; s/Good one/Recent one/' "$D/good.md" >"$D/recent.md"
run "$CURSUS" list --data "$D"
expect_grep "a recent spec is listed" out "^RECENT-A "
if grep -q "Recent one" "$CACHE_FILE"; then
	not_ok "a spec written just now was kept in the cache"
else
	ok "a spec written just now is not kept"
fi
touch -d '2020-01-01 00:00:00' "$D/recent.md"
run "$CURSUS" list --data "$D"
grep -q "Recent one" "$CACHE_FILE" && ok "once old, it is kept" || not_ok "an old spec was not kept"
rm "$D/recent.md"

# A spec changed in place, with the same size and the old time put back:
# the inode is the same, the time says it changed only if we let it, so
# change the time too, as editors do.
sed 's/Good one/Good two/' "$D/good.md" >"$D/good.tmp" && cat "$D/good.tmp" >"$D/good.md"
touch -d '2030-01-01 00:00:00' "$D/good.md"
run "$CURSUS" list --data "$D"
expect_grep "an edited spec is read again" out "^GOOD-A  A  Good two"

# A new spec, and one removed.
cp "$DATA/shadow1/P4-A.md" "$D/zz-new.md"
sed -i 's/P4-A/NEW-A/' "$D/zz-new.md"
rm "$D/p9.md"
run "$CURSUS" list --data "$D"
expect_grep "a new spec is listed" out "^NEW-A "
if grep -q "^P9-A" "$WORK/out"; then not_ok "a removed spec is still listed"; else ok "a removed spec is gone"; fi

# The file of a directory that no longer exists is removed the next time
# the cache is written, and only that one; the old files of the body cache
# of earlier versions go too.
touch -d '2020-01-01 00:00:00' "$D/zz-new.md" "$D/good.md" # all kept from now on
run "$CURSUS" list --data "$D"
G="$WORK/gone"
mkdir -p "$G"
cp "$D/good.md" "$G/good.md"
touch -d '2020-01-01 00:00:00' "$G/good.md"
run "$CURSUS" list --data "$G"
[ "$(ls "$XDG_CACHE_HOME/cursus" | wc -l)" -eq 2 ] && ok "a second directory, a second cache file" ||
	not_ok "cache files: $(ls "$XDG_CACHE_HOME/cursus")"
printf 'old body cache' >"$XDG_CACHE_HOME/cursus/body-0123456789abcdef"
rm -r "$G"
run "$CURSUS" list --data "$D"
[ "$(ls "$XDG_CACHE_HOME/cursus" | wc -l)" -eq 3 ] && ok "nothing written, nothing removed" ||
	not_ok "cache files: $(ls "$XDG_CACHE_HOME/cursus")"
cp "$D/good.md" "$D/zz-later.md"
sed -i 's/GOOD-A/LAT-A/' "$D/zz-later.md"
touch -d '2020-01-01 00:00:00' "$D/zz-later.md"
run "$CURSUS" list --data "$D"
expect_grep "a spec added" out "^LAT-A "
if [ "$(ls "$XDG_CACHE_HOME/cursus")" = "$(basename "$CACHE_FILE")" ]; then
	ok "at the next save, the gone directory's file and the body cache's are removed"
else
	not_ok "cache files: $(ls "$XDG_CACHE_HOME/cursus"), expected $(basename "$CACHE_FILE")"
fi
grep -q "Good two" "$CACHE_FILE" && ok "the remaining directory's file is kept" ||
	not_ok "$CACHE_FILE lost its records"
rm "$D/zz-later.md"

# A damaged cache is ignored and rebuilt.
for f in "$XDG_CACHE_HOME"/cursus/*; do
	head -c 100 "$f" >"$f.cut" && mv "$f.cut" "$f"
done
run "$CURSUS" list --data "$D"
expect_grep "a truncated cache is ignored" out "^NEW-A "
for f in "$XDG_CACHE_HOME"/cursus/*; do head -c 5000 /dev/urandom >"$f"; done
run "$CURSUS" list --data "$D"
expect_grep "a cache of garbage is ignored" out "^GOOD-A  A  Good two"

# show, schedule and the planner read what the cache says, then the body
# from the spec itself.
run "$CURSUS" show GOOD-A --data "$D"
expect_status "show through the cache" 0

touch -d '2020-01-01 00:00:00' "$D/P4-A.md"
run env CURSUS_CACHE=off "$CURSUS" show P4-A --data "$D"
cp "$WORK/out" "$WORK/show-expected"
run "$CURSUS" show P4-A --data "$D"
expect_file "show, cache cold: the same" out "$WORK/show-expected"
run "$CURSUS" show P4-A --data "$D"
expect_file "show, cache warm: the same" out "$WORK/show-expected"
sed 's/Facteurs humains/Facteurs HUMAINS/' "$D/P4-A.md" >"$D/P4-A.tmp" && cat "$D/P4-A.tmp" >"$D/P4-A.md"
rm "$D/P4-A.tmp"
touch -d '2020-01-01 00:00:01' "$D/P4-A.md"
run "$CURSUS" show P4-A --data "$D"
expect_grep "a body edited in place is read again" out "Facteurs HUMAINS"
for f in "$XDG_CACHE_HOME"/cursus/*; do head -c 300 /dev/urandom >"$f"; done
run "$CURSUS" show P4-A --data "$D"
expect_grep "show with a cache of garbage" out "Facteurs HUMAINS"

# A vault with a link to a folder outside it: the notes met through the
# link come after the others, but the cache keeps its records in order of
# names, and a warm run leaves the file as it is (a cache out of order
# was refused and written again at every run).
V="$WORK/linked-vault"
mkdir -p "$V/a" "$V/c" "$WORK/outside"
cp "$SPECS/P4-A.md" "$V/a/x.md"
cp "$SPECS/P4-B.md" "$V/c/z.md"
printf -- '---\ntags: [daily]\n---\nA note.\n' >"$WORK/outside/y.md"
ln -s "$WORK/outside" "$V/b"
touch -d '2020-01-01 00:00:00' "$V"/a/x.md "$V"/c/z.md "$WORK/outside/y.md"
export XDG_CACHE_HOME="$WORK/cache-linked"
run "$CURSUS" list --data "$V"
expect_status "list on a vault with a link out of it" 0
cache_file=$(ls "$XDG_CACHE_HOME"/cursus/catalog-*)
before=$(ls -i "$cache_file" | cut -d' ' -f1)
run "$CURSUS" list --data "$V"
after=$(ls -i "$XDG_CACHE_HOME"/cursus/catalog-* | cut -d' ' -f1)
[ "$before" = "$after" ] && ok "a warm list with a linked folder leaves its cache as it is" ||
	not_ok "the cache was written again (inode $before, then $after)"

done_testing
