/* A cache of what each spec's front matter says, one file per spec
 * directory under $XDG_CACHE_HOME/cursus, so that listing a catalogue of
 * thousands of specs opens only the files that changed since (keyed by
 * inode, size and modification time). It is only ever an accelerator: a
 * missing, stale or damaged cache is rebuilt, never trusted. */
#ifndef CURSUS_CATALOG_CACHE_H
#define CURSUS_CATALOG_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "spec.h"

struct cache_record;

struct catalog_cache {
	char *path;                    /* NULL: caching is off */
	char *buffer;                  /* the file as read; records point in */
	struct cache_record *old;      /* as read, sorted by name */
	size_t n_old;
	size_t next_old;               /* lookups come in name order */
	struct cache_record *fresh;    /* what will be written */
	size_t n_fresh, cap_fresh;
	bool dirty;
};

/* Opens the cache of dir (CURSUS_CACHE=off turns caching off). */
void cache_open(struct catalog_cache *c, const char *dir);
/* The program the cache holds for the file named name (looked up in
 * increasing name order), built anew, or NULL when the file changed. */
struct program *cache_lookup(struct catalog_cache *c, const char *name,
			     const char *path, const struct stat *st);
/* Remembers p's front matter for the file named name. */
void cache_keep(struct catalog_cache *c, const char *name, const struct stat *st,
		const struct program *p);
/* Writes the cache when it changed (errors are ignored: it is a cache). */
void cache_close(struct catalog_cache *c);

#endif
