#include "config.h"
#include "cmd.h"
#include "human_format.h"
#include "nls.h"
#include "session.h"

#include <stdio.h>

/* The certificate itself comes from the institution: the learner records
 * the day it was earned, or takes that back with --undo. */
struct earned_ctx {
	const char *id;
	bool earned;
	struct date on;
};

static bool set_earned(struct progress *pr, void *ctx, struct diag_list *diags)
{
	(void)diags;
	const struct earned_ctx *c = ctx;
	struct program_progress *pp = progress_get(pr, c->id);
	pp->earned = c->earned;
	pp->earned_on = c->on;
	return true;
}

/* A certificate crowns the plan's work, so it cannot come before the plan
 * began. */
static bool after_start(const struct session *s, const char *id, struct date on)
{
	const struct program_progress *pp = progress_find(&s->progress, id);
	if (!pp || !pp->has_start || date_compare(on, pp->start) >= 0)
		return true;
	char d[16], start[16];
	date_format(on, d);
	date_format(pp->start, start);
	fprintf(stderr, _("cursus: %s is before the start of %s's plan (%s): a certificate is "
			  "earned after its plan began (to move the start: 'cursus choose %s "
			  "--start DATE')\n"), d, id, start, id);
	return false;
}

static int record_earned(struct session *s, struct program_view *v, void *ctx)
{
	(void)ctx;
	struct cli *cli = s->cli;
	const char *id = v->program->id;
	struct earned_ctx c = { id, !cli->undo, cli->date_given ? cli->date : s->today };
	if (!cli->undo && !after_start(s, id, c.on))
		return 1;
	if (!session_commit(s, v->program, set_earned, &c))
		return 1;
	struct program_progress *pp = progress_find(&s->progress, id);
	char d[HUMAN_MAX];
	human_date(pp->earned_on, d, sizeof d);
	if (cli->undo)
		printf(_("%s: the certificate is no longer recorded as earned\n"), id);
	else
		printf(_("%s: certificate earned on %s\n"), id, d);
	return 0;
}

int cmd_earned(struct cli *cli)
{
	if (cli->argc != 0) {
		fprintf(stderr, "%s", _("cursus: usage: cursus earned [--date DATE] [--undo]\n"));
		return 1;
	}
	if (!cmd_date_passed(cli, _("a certificate is recorded once it has been earned")))
		return 1;
	return cmd_on_program(cli, SESSION_WRITE, record_earned, NULL, NULL);
}
