#include "config.h"
#include "cmd.h"
#include "nls.h"
#include "vault_walk.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "xalloc.h"

/* One run of check: what it found, for the summary, and the ids of the
 * good specs, to find an id used twice. */
struct check_run {
	bool verbose;
	bool walked;             /* a directory was walked: end with a summary */
	struct diag_list diags;
	struct strv ids, scopes, paths; /* each good spec's id, where it
					 * counts, and its file */
	size_t n_ok, n_broken, n_skipped, n_notes;
	bool refused;            /* a file asked for that is not a spec */
};

/* Ids must be unique within a data directory (or, for files named on the
 * command line, within their folder); across directories the first
 * shadows the others, which is allowed. */
static bool id_taken(struct check_run *run, const struct program *p, const char *scope)
{
	for (size_t i = 0; i < run->ids.n; i++) {
		if (strcasecmp(run->ids.v[i], p->id) == 0 && strcmp(run->scopes.v[i], scope) == 0) {
			diag_add(&run->diags, DIAG_ERROR, p->path, 0, _("id '%s' is also used by %s"),
				 p->id, run->paths.v[i]);
			return true;
		}
	}
	return false;
}

/* Reads one spec completely and says what it holds. */
static bool check_spec(struct check_run *run, const char *path, const char *scope)
{
	size_t before = diag_count(&run->diags, DIAG_ERROR);
	struct program *p = spec_load(path, &run->diags);
	if (!p)
		return false;
	bool ok = !id_taken(run, p, scope) && diag_count(&run->diags, DIAG_ERROR) == before;
	if (ok) {
		size_t topics = 0;
		for (size_t i = 0; i < p->n_courses; i++)
			topics += spec_count_topics(p->courses[i].topics, p->courses[i].n_topics);
		char courses[64], topics_text[64];
		snprintf(courses, sizeof courses,
			 ngettext("%zu course", "%zu courses", p->n_courses), p->n_courses);
		snprintf(topics_text, sizeof topics_text,
			 ngettext("%zu topic", "%zu topics", topics), topics);
		/* TRANSLATORS: a spec's file, its id, "6 courses", "34 topics". */
		printf(_("%s: ok (%s, %s, %s)\n"), path, p->id, courses, topics_text);
		strv_push(&run->ids, xstrdup(p->id));
		strv_push(&run->scopes, xstrdup(scope));
		strv_push(&run->paths, xstrdup(path));
	}
	spec_free(p);
	return ok;
}

/* A note the user named that is not a spec: said, with the line that
 * shows it where there is one. */
static void refuse(struct check_run *run, const char *path, enum note_kind kind)
{
	int line = kind == NOTE_NO_FRONT || kind == NOTE_NO_ID ? 1 : 0;
	/* TRANSLATORS: %s says why ("no front matter"). */
	diag_add(&run->diags, DIAG_ERROR, path, line, _("not a spec: %s"),
		 spec_note_kind_text(kind));
	run->refused = true;
}

/* Checks the note at path when it is a spec; named says that the user
 * named it (a note that is not a spec is then an error, and one that
 * does not exist too). */
static void check_note(struct check_run *run, const char *path, const char *scope, bool named)
{
	enum note_kind kind = spec_note_kind(path, &run->diags);
	run->n_notes++;
	switch (kind) {
	case NOTE_SPEC:
		if (check_spec(run, path, scope))
			run->n_ok++;
		else
			run->n_broken++;
		return;
	case NOTE_UNREADABLE: /* said already */
		return;
	case NOTE_GONE:
		if (named)
			diag_add(&run->diags, DIAG_ERROR, path, 0, _("cannot read: %s"),
				 strerror(ENOENT));
		run->n_notes--;
		return;
	default:
		break;
	}
	if (named) {
		refuse(run, path, kind);
		return;
	}
	run->n_skipped++;
	if (run->verbose)
		printf(_("%s: skipped (not a spec: %s)\n"), path, spec_note_kind_text(kind));
}

struct dir_check {
	struct check_run *run;
	const char *dir;
};

static void check_walked(void *ctx, struct vault_note *note, int dfd, const char *name)
{
	struct dir_check *dc = ctx;
	(void)dfd, (void)name;
	if (note->err) {
		diag_add(&dc->run->diags, DIAG_ERROR, note->path, 0, _("cannot read: %s"),
			 strerror(note->err));
		dc->run->n_notes++;
	} else {
		check_note(dc->run, note->path, dc->dir, false);
	}
}

/* Every note of the vault at dir, as the catalogue walks it. A directory
 * given (explicit: --data, the configuration, the command line) that
 * cannot be read is an error; one of CURSUS_PATH (named, as the
 * catalogue's dirs_named) a warning, as is one of the default path that
 * exists but cannot be read: that one need not exist. */
static void check_dir(struct check_run *run, struct vault_walk *walk, const char *dir,
		      bool explicit, bool named)
{
	struct dir_check dc = { run, dir };
	int err = 0;
	enum vault_result r = vault_walk_dir(walk, dir, check_walked, &dc, &run->diags, &err);
	if (r == VAULT_WALKED)
		run->walked = true;
	if (r == VAULT_UNREADABLE && (explicit || named || err != ENOENT))
		diag_add(&run->diags, explicit ? DIAG_ERROR : DIAG_WARNING, dir, 0,
			 _("cannot read directory: %s"), strerror(err));
}

/* The folder of a file named on the command line: ids are unique in it. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
}

static void check_named(struct check_run *run, struct vault_walk *walk, const char *arg)
{
	struct stat st;
	if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
		check_dir(run, walk, arg, true, true);
		return;
	}
	char *folder = folder_of(arg);
	check_note(run, arg, folder, true);
	free(folder);
}

/* "3 specs: 2 ok, 1 broken; 14 notes skipped (not specs); 1 error, 0
 * warnings", a piece for each count so that each agrees with its own. */
static void print_summary(const struct check_run *run)
{
	size_t specs = run->n_ok + run->n_broken;
	size_t errors = diag_count(&run->diags, DIAG_ERROR);
	size_t warnings = diag_count(&run->diags, DIAG_WARNING);
	printf(ngettext("%zu spec", "%zu specs", specs), specs);
	printf(ngettext(": %zu ok, ", ": %zu ok, ", run->n_ok), run->n_ok);
	printf(ngettext("%zu broken; ", "%zu broken; ", run->n_broken), run->n_broken);
	if (run->verbose || run->n_skipped == 0)
		printf(ngettext("%zu note skipped (not specs); ",
				"%zu notes skipped (not specs); ", run->n_skipped),
		       run->n_skipped);
	else
		printf(ngettext("%zu note skipped (not specs, -v names them); ",
				"%zu notes skipped (not specs, -v names them); ",
				run->n_skipped), run->n_skipped);
	printf(ngettext("%zu error, ", "%zu errors, ", errors), errors);
	printf(ngettext("%zu warning\n", "%zu warnings\n", warnings), warnings);
}

int cmd_check(struct cli *cli)
{
	struct check_run run = { .verbose = cli->verbose };
	struct vault_walk walk = {0};
	if (cli->argc > 0) {
		for (int i = 0; i < cli->argc; i++)
			check_named(&run, &walk, cli->argv[i]);
	} else {
		/* every note of every directory on the path, shadowed specs
		 * included, since they are still files someone may edit */
		struct catalog cat = {0};
		if (!catalog_set_path(&cat, &cli->data_dirs, &cli->config))
			for (size_t i = 0; i < cat.diags.n; i++)
				diag_add(&run.diags, DIAG_ERROR, cat.diags.v[i].file,
					 cat.diags.v[i].line, "%s", cat.diags.v[i].message);
		for (size_t i = 0; i < cat.dirs.n; i++)
			check_dir(&run, &walk, cat.dirs.v[i], cat.dirs_explicit, cat.dirs_named);
		catalog_free(&cat);
	}
	vault_walk_free(&walk);
	diag_print(&run.diags, stderr, DIAG_WARNING);
	if (run.walked)
		print_summary(&run);
	int status = run.n_broken > 0 || run.refused ||
		     diag_count(&run.diags, DIAG_ERROR) > 0 ? 1 : 0;
	if (run.n_notes == 0 && status == 0)
		fputs(_("cursus: no spec files found\n"), stderr);
	diag_free(&run.diags);
	strv_free(&run.ids);
	strv_free(&run.scopes);
	strv_free(&run.paths);
	return status;
}
