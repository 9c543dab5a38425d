/* The catalogue: every spec found on the search path of PRODUCT.md §1,
 * read front matter only; bodies are read when a program is shown. */
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
	struct program **programs; /* sorted by id */
	size_t n_programs;
	size_t cap_programs;
	/* every Markdown note found on the path, specs or not (links in a
	 * spec are resolved against these), first directory first */
	struct strv notes;
	struct diag_list diags;
	size_t n_failed;           /* spec files that could not be read */
};

struct user_config;

/* Fills cat->dirs: the --data directories when there are any, else
 * CURSUS_PATH, else the data directories of the configuration (conf, may
 * be NULL), else the XDG data directory and the shipped specs. Returns
 * false when a configured directory cannot be read: it is left out, and
 * cat->diags says so at its line of the configuration. */
bool catalog_set_path(struct catalog *cat, const struct strv *data_dirs,
		      const struct user_config *conf);
/* Reads the front matter of every spec on the path. Problems go to
 * cat->diags; returns false only when a --data directory is unusable. */
bool catalog_load(struct catalog *cat);
/* The program with this id (exact, else ignoring case), or NULL. */
struct program *catalog_find(const struct catalog *cat, const char *id);
/* Lists the spec files (*.md, not hidden) of a directory, sorted. */
bool catalog_dir_files(const char *dir, struct strv *files, int *err);
void catalog_free(struct catalog *cat);

/* Compares ids so that "P10" sorts after "P9". */
int catalog_id_compare(const char *a, const char *b);

#endif
