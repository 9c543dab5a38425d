/* Where the links of a spec lead, within the learner's vault (PRODUCT.md
 * §1): the data directories, and every Markdown note the catalogue found
 * in them. spec_body.c records the links as written; this says which
 * note each one names, or that there is none. Nothing here prints. */
#ifndef CURSUS_LINKS_H
#define CURSUS_LINKS_H

#include <stdbool.h>
#include <stddef.h>

#include "spec.h"
#include "strbuf.h"

enum link_state {
	LINK_IS_WEB,   /* a URL: listed, never followed */
	LINK_PRESENT,  /* a note of the vault (or another file in it) */
	LINK_MISSING,  /* nothing of that name in the vault */
	LINK_OUTSIDE,  /* leads out of every data directory: not opened */
};

struct link_resolution {
	enum link_state state;
	/* LINK_PRESENT only: */
	char *path;      /* the file, as the catalogue names it */
	char *relative;  /* the same, from its data directory */
	bool is_note;    /* a Markdown note (else a file of another kind) */
};

/* Resolves the n links of the spec at spec_path: a relative
 * [text](path.md) from the spec's folder (%20 decoded), a [[name]] as
 * Obsidian does (the note of that file name, compared without case,
 * anywhere in the vault: the spec's own folder first, then the shortest
 * path; [[folder/name]] matches the end of a path). dirs are the data
 * directories, notes every Markdown note in them. Returns n results
 * (NULL when n is 0). */
struct link_resolution *links_resolve(const char *spec_path, const struct link *links,
				      size_t n, const struct strv *dirs,
				      const struct strv *notes);
void links_free(struct link_resolution *r, size_t n);

/* "present", "missing", "outside the vault", "web", in the user's language. */
const char *link_state_name(enum link_state state);

#endif
