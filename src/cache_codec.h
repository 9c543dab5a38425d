/* What the catalogue cache under $XDG_CACHE_HOME/cursus is made of: where
 * it lives, the key that says a file is unchanged, and a small binary
 * encoding whose reader checks every length, since a cache file may be
 * damaged or stale and is never trusted (catalog_cache.c). */
#ifndef CURSUS_CACHE_CODEC_H
#define CURSUS_CACHE_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "strbuf.h"

/* A file is taken as unchanged while these are. */
struct cache_key {
	uint64_t ino;
	int64_t size;
	int64_t mtime_sec;
	int64_t mtime_nsec;
};

/* The cache file for name (a path) under the cache directory
 * ($XDG_CACHE_HOME/cursus, found as user_dirs.h finds the others):
 * PREFIX-HASH, hash of name. NULL when caching is off (CURSUS_CACHE=off). */
char *cache_file_for(const char *prefix, const char *name);
/* A checksum of len bytes (FNV-1a, 64 bits). */
uint64_t cache_hash(const void *data, size_t len);
/* Appends the checksum of all of sb before it: a cache file is sealed so
 * that a damaged one is refused rather than read as what the specs never
 * said. */
void cache_seal(struct strbuf *sb);
/* True when text ends with the checksum of what precedes it; *len then no
 * longer counts the checksum. */
bool cache_unseal(const char *text, size_t *len);
/* Replaces the cache file with text (not synced: a torn cache fails its
 * checksum); errors are ignored: it is a cache. */
void cache_write_file(const char *path, const char *text, size_t len);

void cache_put_raw(struct strbuf *sb, const void *v, size_t n);
void cache_put_u32(struct strbuf *sb, uint32_t v);
void cache_put_double(struct strbuf *sb, double d);
void cache_put_str(struct strbuf *sb, const char *s); /* s may be NULL */

/* Reads back what the cache_put_* wrote. Past the end or on a bad length
 * it stops: ok becomes false and every later value is 0 or NULL. */
struct cache_reader {
	const char *p, *end;
	bool ok;
};

void cache_get_raw(struct cache_reader *r, void *out, size_t n);
uint32_t cache_get_u32(struct cache_reader *r);
double cache_get_double(struct cache_reader *r);
char *cache_get_str(struct cache_reader *r); /* owned, or NULL */

#endif
