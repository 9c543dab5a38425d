#include "config.h"
#include "cmd.h"
#include "session.h"

#include <stdio.h>

/* The certificate itself comes from the institution: the learner records
 * the day it was earned, or takes that back with --undo. */
int cmd_earned(struct cli *cli)
{
	if (cli->argc != 0) {
		fprintf(stderr, "cursus: usage: cursus earned [--date DATE] [--undo]\n");
		return 1;
	}
	struct session s;
	if (!session_open(&s, cli, SESSION_WRITE)) {
		session_close(&s);
		return 1;
	}
	int status = 1;
	struct program *p = session_program(&s);
	if (p) {
		struct program_progress *pp = progress_get(&s.progress, p->id);
		pp->earned = !cli->undo;
		pp->earned_on = cli->date_given ? cli->date : s.today;
		if (session_save(&s)) {
			char d[16];
			date_format(pp->earned_on, d);
			if (cli->undo)
				printf("%s: the certificate is no longer recorded as earned\n", p->id);
			else
				printf("%s: certificate earned on %s\n", p->id, d);
			status = 0;
		}
	}
	session_close(&s);
	return status;
}
