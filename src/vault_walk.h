/* The walk of a data directory, which is a learner's vault (PRODUCT.md §1):
 * Markdown notes in nested folders, most of them not specs. The walk finds
 * every note (*.md, *.markdown) below the folder, skipping hidden files and
 * folders (.obsidian, .git, .trash) and every other file. Links are
 * followed, but no folder is walked twice, whatever the way in: a link
 * back into the walk, a loop, two data directories that overlap. A note
 * reached twice (two links, a hard link) is found once.
 *
 * It only finds the notes; what each one is (a spec or not) is spec.c's
 * judgement, and the catalogue's (catalog.c) to keep. */
#ifndef CURSUS_VAULT_WALK_H
#define CURSUS_VAULT_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "diag.h"

/* Folders deeper than this below a data directory are not walked (with a
 * warning): each level holds a directory open. */
#define VAULT_MAX_DEPTH 64

/* A note: where it is, and what says whether it changed (its inode, size
 * and time, through a link if it is one). */
struct vault_note {
	const char *path; /* the data directory, '/', then rel: for the time
			   * of the call it is told in (copy it to keep it) */
	size_t path_len;  /* strlen(path) */
	const char *rel;  /* inside path: the note's path below the directory */
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	int err;          /* 0, or why a link named like a note leads to no
			   * file (a link to nowhere, or in a loop): to say */
};

/* Told of each note, in order of their paths (rel, strcmp), those reached
 * only through links coming after the others, in order of theirs. The
 * note can be opened as name in the folder open as dfd, for as long as
 * the call lasts (no path walk per note); both are -1 and NULL when
 * note->err is set. */
typedef void vault_note_fn(void *ctx, struct vault_note *note, int dfd, const char *name);

/* Device and inode numbers already met. */
struct vault_seen {
	struct vault_inode *slots;
	size_t n, cap;    /* cap: a power of two, or 0 */
};

/* What was met over the walks of several data directories: a folder or a
 * note met under one is not met again under the next. */
struct vault_walk {
	struct vault_seen folders;
	struct vault_seen notes;      /* notes that may be met again */
	/* Notes of one link met in folders while none was met through a
	 * symbolic link to it: hashed into notes at the first that is. */
	ino_t *unhashed;              /* their inodes, on unhashed_dev */
	size_t n_unhashed, cap_unhashed;
	dev_t unhashed_dev;           /* the device of the first of them */
	bool hash_all;                /* since then, every note is hashed */
};

enum vault_result {
	VAULT_WALKED,     /* fn was told of the notes found (maybe none) */
	VAULT_SEEN,       /* the directory was walked already (as part of an
			   * earlier one): nothing to add */
	VAULT_UNREADABLE, /* the directory cannot be opened; *err says why */
};

/* Walks dir, telling fn of every note below it that no earlier walk
 * found; a note reached both where it is and through a link is told of
 * where it is. Folders that cannot be read are warnings in diags, naming
 * them; a file or folder that disappears during the walk is no concern of
 * anyone's. */
enum vault_result vault_walk_dir(struct vault_walk *w, const char *dir, vault_note_fn *fn,
				 void *ctx, struct diag_list *diags, int *err);
void vault_walk_free(struct vault_walk *w);

/* The endings of a Markdown note's name, lower case, in the order a link
 * without one tries them; { NULL, 0 } after the last. */
struct note_extension {
	const char *name;
	size_t len;
};
extern const struct note_extension vault_note_extensions[];
/* The length of the note ending (in any case) that name ends with, else 0. */
size_t vault_note_extension(const char *name);
/* True when name is that of a Markdown note: *.md or *.markdown (in any
 * case), not hidden. */
bool vault_is_note_name(const char *name);

#endif
