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
#include <sys/stat.h>

struct cache_record;

struct catalog_cache {
	char *path;                    /* NULL: caching is off */
	char *dir;                     /* the directory's real path */
	char *buffer;                  /* the file as read; records point in */
	struct cache_record *old;      /* as read, sorted by name */
	size_t n_old;
	size_t next_old;               /* lookups come in name order */
	struct cache_record *fresh;    /* what will be written */
	size_t n_fresh, cap_fresh;
	bool dirty;
};

/* Opens the cache of dir (CURSUS_CACHE=off turns caching off). */
void catalog_cache_open(struct catalog_cache *c, const char *dir);
/* The record kept for the note named name, its path below the directory
 * (looked up in increasing strcmp order), while st says the file is
 * unchanged, else NULL; *len is its length. It is kept for the next save
 * as it is, and stays valid until the cache is closed. */
const char *catalog_cache_find(struct catalog_cache *c, const char *name,
			       const struct stat *st, size_t *len);
/* Keeps data as the record of the file named name, st as its key (in
 * place of the one found, when that could not be decoded). A file
 * changed in the last two seconds is not kept. */
void catalog_cache_store(struct catalog_cache *c, const char *name, const struct stat *st,
			 const char *data, size_t len);
/* Writes the cache when it changed, and then removes the cache files of
 * directories that no longer exist (errors are ignored: it is a cache). */
void catalog_cache_close(struct catalog_cache *c);

#endif
