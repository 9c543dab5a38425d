#include "config.h"
#include "cmd.h"
#include "session.h"

#include <stdio.h>

bool cmd_open_catalog(struct cli *cli, struct catalog *cat)
{
	catalog_set_path(cat, &cli->data_dirs);
	bool ok = catalog_load(cat);
	diag_print(&cat->diags, stderr, DIAG_ERROR);
	return ok;
}

int cmd_on_program(struct cli *cli, int mode, cmd_program_fn fn,
		   cmd_no_choice_fn no_choice, void *ctx)
{
	struct session s;
	if (!session_open(&s, cli, (enum session_mode)mode)) {
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
	session_close(&s);
	return status;
}
