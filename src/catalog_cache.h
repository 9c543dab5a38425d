/* A cache of what each note of a data directory is, and what each spec's
 * front matter says, one file per data directory under
 * $XDG_CACHE_HOME/cursus, so that listing a vault of thousands of notes
 * opens only the files that changed since (keyed by inode, size and
 * modification time): no note that is not a spec, no spec that did not
 * change. It is only ever an accelerator: a missing, stale or damaged
 * cache is rebuilt, never trusted.
 *
 * The cache keeps records as bytes, named by the note's path below the
 * directory, and knows nothing of specs: the caller (catalog.c) encodes
 * what it read, hands it over to be kept, and decodes what it finds. */
#ifndef CURSUS_CATALOG_CACHE_H
#define CURSUS_CATALOG_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cache_codec.h"

/* A record: a note's name (its path below the directory), its key, and
 * what the caller made of it. */
struct cache_record {
	const char *name;    /* not NUL-terminated: name_len bytes */
	uint32_t name_len;
	struct cache_key key;
	const char *data;
	uint32_t len;
};

struct catalog_cache {
	char *path;                    /* NULL: caching is off */
	char *dir;                     /* the directory's real path */
	char *map;                     /* the file, mapped */
	size_t map_len;
	const char *records, *end;     /* its records, read as looked up */
	size_t n_old;
	const char *next;              /* lookups come in name order: the */
	size_t next_index;             /* next record to compare, and the */
	struct cache_record last;      /* one before it */
	unsigned char *kept;           /* a bit per record: carried over */
	size_t found;                  /* the record just found, or SIZE_MAX */
	struct cache_record *fresh;    /* stored: what will be added */
	size_t n_fresh, cap_fresh;
	bool dirty;
};

/* Opens the cache of dir (CURSUS_CACHE=off turns caching off). */
void catalog_cache_open(struct catalog_cache *c, const char *dir);
/* The record kept for the note named name (name_len bytes), its path
 * below the directory (looked up in increasing strcmp order, as the walk
 * finds them: a name out of that order starts the search again), while
 * key says the file is unchanged, else NULL; *len is its length. It is
 * kept for the next save as it is, and stays valid until the cache is
 * closed. */
const char *catalog_cache_find(struct catalog_cache *c, const char *name, size_t name_len,
			       const struct cache_key *key, size_t *len);
/* Keeps data as the record of the file named name, with its key (in
 * place of the one found, when that could not be decoded). A file
 * changed in the last two seconds is not kept. */
void catalog_cache_store(struct catalog_cache *c, const char *name, const struct cache_key *key,
			 const char *data, size_t len);
/* Writes the cache when it changed, and then removes the cache files of
 * directories that no longer exist (errors are ignored: it is a cache). */
void catalog_cache_close(struct catalog_cache *c);

#endif
