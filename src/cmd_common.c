#include "config.h"
#include "cmd.h"
#include "edits.h"
#include "human_format.h"
#include "nls.h"
#include "session.h"

#include <stdio.h>
#include <stdlib.h>

bool cmd_open_catalog(struct cli *cli, struct catalog *cat)
{
	bool ok = catalog_set_path(cat, &cli->data_dirs, &cli->config) && catalog_load(cat);
	diag_print(&cat->diags, stderr, DIAG_ERROR);
	return ok;
}

void cmd_say_no_specs(const struct catalog *cat)
{
	char *dirs = catalog_dirs_text(cat);
	fprintf(stderr, _("cursus: no specs found in %s (name a folder of specs with --data or "
			  "CURSUS_PATH; see THE VAULT in cursus(1))\n"), dirs);
	free(dirs);
}

void cmd_report(struct session *s)
{
	diag_print(&s->cat.diags, stderr, DIAG_ERROR);
	diag_free(&s->cat.diags);
	diag_print(&s->diags, stderr, DIAG_WARNING);
	diag_free(&s->diags);
}

/* Hours, ticks and a certificate record what was done: a day still to
 * come has not been, and its hours would be counted nowhere until then. */
bool cmd_date_passed(const struct cli *cli, const char *reason)
{
	if (!cli->date_given || date_compare(cli->date, cli->today) <= 0)
		return true;
	char d[16], t[16];
	date_format(cli->date, d);
	date_format(cli->today, t);
	/* TRANSLATORS: the date given, today, and why ("hours are logged
	 * for days that have passed"). */
	fprintf(stderr, _("cursus: %s is after today (%s): %s\n"), d, t, reason);
	return false;
}

static bool apply_edit(struct progress *pr, void *ctx, struct diag_list *diags)
{
	struct edit *e = ctx;
	if (edit_apply(pr, e, false))
		return true;
	char day[16], most[HUMAN_MAX];
	date_format(e->day, day);
	human_number(PROGRESS_MAX_HOURS_PER_DAY, most, sizeof most);
	diag_add(diags, DIAG_ERROR, NULL, 0, _("that would leave %s with more than %s h "
					       "or less than none"), day, most);
	return false;
}

bool cmd_commit_edit(struct session *s, struct program *p, struct edit *e)
{
	return session_commit(s, p, apply_edit, e);
}

int cmd_on_program(struct cli *cli, int mode, cmd_program_fn fn,
		   cmd_no_choice_fn no_choice, void *ctx)
{
	struct session s;
	if (!session_open(&s, cli, (enum session_mode)mode)) {
		cmd_report(&s);
		session_close(&s);
		return 1;
	}
	int status = 1;
	if (no_choice && !cli->program && s.progress.n_choices == 0) {
		status = no_choice(&s);
	} else {
		struct program *p = session_program(&s);
		struct program_view v;
		if (p && program_view_build(&v, &s, p)) {
			status = fn(&s, &v, ctx);
			program_view_free(&v);
		}
	}
	cmd_report(&s);
	session_close(&s);
	return status;
}
