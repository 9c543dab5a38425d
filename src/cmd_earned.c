#include "config.h"
#include "cmd.h"
#include "session.h"

#include <stdio.h>

/* The certificate itself comes from the institution: the learner records
 * the day it was earned, or takes that back with --undo. */
static int record_earned(struct session *s, struct program_view *v, void *ctx)
{
	(void)ctx;
	struct cli *cli = s->cli;
	const char *id = v->program->id;
	struct program_progress *pp = progress_get(&s->progress, id);
	pp->earned = !cli->undo;
	pp->earned_on = cli->date_given ? cli->date : s->today;
	if (!session_save(s))
		return 1;
	char d[16];
	date_format(pp->earned_on, d);
	if (cli->undo)
		printf("%s: the certificate is no longer recorded as earned\n", id);
	else
		printf("%s: certificate earned on %s\n", id, d);
	return 0;
}

int cmd_earned(struct cli *cli)
{
	if (cli->argc != 0) {
		fprintf(stderr, "cursus: usage: cursus earned [--date DATE] [--undo]\n");
		return 1;
	}
	return cmd_on_program(cli, SESSION_WRITE, record_earned, NULL, NULL);
}
