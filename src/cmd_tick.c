#include "config.h"
#include "cmd.h"
#include "edits.h"
#include "nls.h"
#include "session.h"

#include <stdio.h>
#include <string.h>

static void report(const struct program_view *v, size_t m, bool undo, size_t changed)
{
	const struct module *mod = &v->outline.modules[m];
	size_t leaves = outline_leaf_count(&v->outline, m);
	if (changed == 0)
		/* TRANSLATORS: a module's PATH and title. */
		printf(undo ? _("%s %s was already not done\n") : _("%s %s was already done\n"),
		       mod->path, mod->title);
	else if (mod->leaf)
		printf(undo ? _("Unticked %s %s\n") : _("Ticked %s %s\n"), mod->path, mod->title);
	else if (changed == leaves)
		printf(undo ? ngettext("Unticked %s %s (%zu of its %zu module)\n",
				       "Unticked %s %s (%zu of its %zu modules)\n", leaves)
			    : ngettext("Ticked %s %s (%zu of its %zu module)\n",
				       "Ticked %s %s (%zu of its %zu modules)\n", leaves),
		       mod->path, mod->title, changed, leaves);
	else
		printf(undo ? ngettext("Unticked %s %s (%zu of its %zu module; the others were "
				       "not done)\n",
				       "Unticked %s %s (%zu of its %zu modules; the others were "
				       "not done)\n", leaves)
			    : ngettext("Ticked %s %s (%zu of its %zu module; the others were "
				       "done already)\n",
				       "Ticked %s %s (%zu of its %zu modules; the others were "
				       "done already)\n", leaves),
		       mod->path, mod->title, changed, leaves);
}

/* Ticking a module ticks every leaf below it that is not done (a course
 * with topics is done when they all are); unticking removes every tick
 * below it, but never those of modules the spec no longer has. */
static int apply(struct session *s, struct program_view *v, size_t m)
{
	struct cli *cli = s->cli;
	const char *id = v->program->id;
	struct edit e;
	bool changed = cli->undo
		? edit_make_untick(&e, id, &v->outline, &v->done, v->progress, m)
		: edit_make_tick(&e, id, &v->outline, &v->done, m,
				 cli->date_given ? cli->date : s->today);
	size_t count = changed ? e.n_ticks : 0;
	if (changed) {
		bool saved = cmd_commit_edit(s, v->program, &e);
		edit_free(&e);
		if (!saved)
			return 1;
	}
	report(v, m, cli->undo, count);
	return 0;
}

static int tick_path(struct session *s, struct program_view *v, void *ctx)
{
	const char *path = ctx;
	long m = outline_find(&v->outline, path);
	if (m < 0) {
		fprintf(stderr, _("cursus: %s has no module %s (see 'cursus show %s')\n"),
			v->program->id, path, v->program->id);
		return 1;
	}
	return apply(s, v, (size_t)m);
}

int cmd_tick(struct cli *cli)
{
	if (cli->argc != 1) {
		fprintf(stderr, "%s", _("cursus: usage: cursus tick PATH [--undo] [--date DATE]\n"));
		return 1;
	}
	char *path = cli->argv[0];
	if (!outline_path_valid(path)) {
		fprintf(stderr, _("cursus: '%s' is not a PATH: use 1 for course 1, 1.2 for its "
				  "second topic, 1.2.1 for a sub-topic (see 'cursus show ID')\n"), path);
		return 1;
	}
	if (!cmd_date_passed(cli, _("a module is ticked on the day it was done")))
		return 1;
	return cmd_on_program(cli, SESSION_WRITE, tick_path, NULL, path);
}
