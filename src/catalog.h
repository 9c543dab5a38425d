/* The catalogue: every spec found on the search path of PRODUCT.md §1,
 * read front matter only; bodies are read when a program is shown. Each
 * directory of the path is a vault, walked through (vault_walk.h); its
 * notes that are not specs are counted and skipped. */
#ifndef CURSUS_CATALOG_H
#define CURSUS_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "spec.h"
#include "strbuf.h"

struct catalog {
	struct strv dirs;          /* the search path, first wins */
	bool dirs_explicit;        /* from --data or the configuration: a missing
	                            * one is an error */
	bool dirs_named;           /* from CURSUS_PATH: a missing one is said */
	struct program **programs; /* sorted by id */
	size_t n_programs;
	size_t cap_programs;
	/* every Markdown note found on the path, specs or not (links in a
	 * spec are resolved against these), first directory first, each
	 * directory's sorted by their path in it; the strings are
	 * note_paths' */
	struct strv notes;
	struct strpool note_paths;
	unsigned char *note_kinds; /* each note's enum note_kind, a byte each
				    * (why the skipped ones were) */
	size_t cap_kinds;
	struct diag_list diags;
	size_t n_specs;            /* notes that are specs, broken ones too */
	size_t n_skipped;          /* notes that are not specs */
	size_t n_failed;           /* specs that could not be read, a second
				    * spec of an id, notes that cannot be read */
};

struct user_config;

/* Fills cat->dirs: the --data directories when there are any, else
 * CURSUS_PATH, else the data directories of the configuration (conf, may
 * be NULL), else the XDG data directory and the shipped specs. Returns
 * false when a configured directory cannot be read: it is left out, and
 * cat->diags says so at its line of the configuration. */
bool catalog_set_path(struct catalog *cat, const struct strv *data_dirs,
		      const struct user_config *conf);
/* Walks every directory on the path and reads the front matter of every
 * spec. Problems go to cat->diags (broken specs and notes that cannot be
 * read are errors, folders that cannot be read warnings); notes that are
 * not specs are counted in cat->n_skipped, without a word. Returns false
 * only when a --data directory is unusable. */
bool catalog_load(struct catalog *cat);
/* The directories searched, for a message: "a, b". Newly allocated. */
char *catalog_dirs_text(const struct catalog *cat);
/* The program with this id (exact, else ignoring case), or NULL. */
struct program *catalog_find(const struct catalog *cat, const char *id);
void catalog_free(struct catalog *cat);

/* Compares ids so that "P10" sorts after "P9". */
int catalog_id_compare(const char *a, const char *b);

#endif
