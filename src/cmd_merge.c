#include "config.h"
#include "atomic_file.h"
#include "cmd.h"
#include "nls.h"
#include "progress_file.h"
#include "progress_merge.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The three progress files of a merge; base is NULL in the two-file form.
 * name is the file as the learner knows it (git's %P), when given: git's
 * %A, %O and %B are temporary files whose names mean nothing to them. */
struct sides {
	const char *cur_path, *base_path, *other_path, *name;
	struct progress cur, base, other;
};

/* A missing CURRENT or OTHER is a mistyped name, not an empty progress; a
 * missing or empty BASE is what git gives when there is no ancestor, and
 * /dev/null is how people say so to git merge-file. Anything but a file
 * (a FIFO would block the read) is refused before the lock is taken. */
static bool check_side(const char *path, bool is_base)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		if (is_base && errno == ENOENT)
			return true;
		fprintf(stderr, _("cursus: %s: cannot read: %s\n"), path, strerror(errno));
		return false;
	}
	if (S_ISREG(st.st_mode) || (is_base && S_ISCHR(st.st_mode) &&
				    strcmp(path, "/dev/null") == 0))
		return true;
	fprintf(stderr, _("cursus: %s: not a progress file (not a regular file)\n"), path);
	return false;
}

static bool check_sides(const struct sides *s)
{
	bool ok = check_side(s->cur_path, false);
	ok &= check_side(s->other_path, false);
	return (s->base_path ? check_side(s->base_path, true) : true) && ok;
}

static bool load_sides(struct sides *s, struct diag_list *diags)
{
	bool ok = progress_file_load(s->cur_path, &s->cur, diags);
	ok &= progress_file_load(s->other_path, &s->other, diags);
	struct stat st;
	if (s->base_path && stat(s->base_path, &st) == 0 && S_ISCHR(st.st_mode))
		s->base.version = PROGRESS_FORMAT_VERSION; /* /dev/null: no ancestor */
	else if (s->base_path)
		ok &= progress_file_load(s->base_path, &s->base, diags);
	return ok;
}

/* What a diagnostic of git's temporary files says of the learner's file:
 * "progress.yaml", "progress.yaml (the other side)". */
static void name_sides(const struct sides *s, struct diag_list *diags)
{
	if (!s->name)
		return;
	for (size_t i = 0; i < diags->n; i++) {
		struct diag *d = &diags->v[i];
		char *named = NULL;
		if (!d->file)
			continue;
		if (strcmp(d->file, s->cur_path) == 0)
			named = xstrdup(s->name);
		else if (strcmp(d->file, s->other_path) == 0)
			named = xasprintf(_("%s (the other side)"), s->name);
		else if (s->base_path && strcmp(d->file, s->base_path) == 0)
			named = xasprintf(_("%s (the common ancestor)"), s->name);
		if (named) {
			free(d->file);
			d->file = named;
		}
	}
}

static void print_conflicts(const char *cur_path, const struct diag_list *conflicts)
{
	for (size_t i = 0; i < conflicts->n; i++)
		/* TRANSLATORS: the progress file, then "conflict" or "check",
		 * then what. */
		fprintf(stderr, _("cursus: %s: %s: %s\n"), cur_path,
			conflicts->v[i].severity == DIAG_ERROR ? _("conflict") : _("check"),
			conflicts->v[i].message);
}

/* Git's %A is a temporary file in the work tree that git reads back and
 * removes: progress_file_save's backup beside it (.merge_file_XXXXXX.bak)
 * would be left behind as an untracked file, so it is written atomically
 * without one. The two-file form saves the live file as every command does. */
static bool save_merged(const struct sides *s, struct diag_list *diags)
{
	if (!s->base_path)
		return progress_file_save(s->cur_path, &s->cur, diags);
	size_t len;
	char *text = progress_format(&s->cur, &len);
	const char *step = N_("format");
	bool dir_synced = true;
	char *target = atomic_link_target(s->cur_path); /* a link stays a link */
	bool ok = text && atomic_write(target, text, len, 0600, false, &step, &dir_synced);
	free(target);
	if (!ok)
		diag_add(diags, DIAG_ERROR, s->cur_path, 0, _("cannot save (%s: %s); it is unchanged"),
			 _(step), strerror(errno));
	free(text);
	return ok;
}

/* Loads, merges and saves; returns the exit status. Nothing is written
 * when a file cannot be read whole. */
static int merge_files(struct sides *s)
{
	struct diag_list diags = {0}, conflicts = {0};
	int status = 1;
	if (load_sides(s, &diags)) {
		/* An empty base is git saying the two sides share no ancestor
		 * (both added the file): they are merged as two copies, or the
		 * days both hold would be counted twice. */
		bool base_empty = !s->base.n_programs && !s->base.n_choices && !s->base.current;
		bool clean = progress_merge(&s->cur, s->base_path && !base_empty ? &s->base : NULL,
					    &s->other, &conflicts);
		if (save_merged(s, &diags))
			status = clean ? 0 : 1;
	}
	name_sides(s, &diags);
	diag_print(&diags, stderr, DIAG_WARNING);
	print_conflicts(s->name ? s->name : s->cur_path, &conflicts);
	if (status == 0 && !s->base_path)
		printf(conflicts.n ? _("Merged %s into %s; check the days above before removing "
				       "the copy\n")
				   : _("Merged %s into %s; the copy is no longer needed\n"),
		       s->other_path, s->cur_path);
	diag_free(&diags);
	diag_free(&conflicts);
	return status;
}

int cmd_merge(struct cli *cli)
{
	if (cli->argc < 2 || cli->argc > 4) {
		/* xgettext:no-c-format */
		fprintf(stderr, "%s", _("cursus: usage: cursus merge CURRENT [BASE] OTHER "
					"(as a git merge driver: cursus merge %A %O %B %P)\n"));
		return 1;
	}
	struct sides s = {
		.cur_path = cli->argv[0],
		.base_path = cli->argc >= 3 ? cli->argv[1] : NULL,
		.other_path = cli->argv[cli->argc == 4 ? 2 : cli->argc - 1],
		.name = cli->argc == 4 ? cli->argv[3] : NULL,
	};
	/* The two-file form folds a copy into the live progress file, which
	 * another cursus may be writing: take its lock. Git's %A is a file of
	 * git's own, and a lock file beside it would be left in the work tree. */
	if (!check_sides(&s))
		return 1;
	struct diag_list lock_diags = {0};
	int lock = -1;
	if (!s.base_path && (lock = progress_file_lock(s.cur_path, &lock_diags)) < 0) {
		diag_print(&lock_diags, stderr, DIAG_WARNING);
		diag_free(&lock_diags);
		return 1;
	}
	diag_free(&lock_diags);
	int status = merge_files(&s);
	progress_file_unlock(lock);
	progress_free(&s.cur);
	progress_free(&s.base);
	progress_free(&s.other);
	return status;
}
