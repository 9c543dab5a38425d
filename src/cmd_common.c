#include "config.h"
#include "cmd.h"

#include <stdio.h>

bool cmd_open_catalog(struct cli *cli, struct catalog *cat)
{
	catalog_set_path(cat, &cli->data_dirs);
	bool ok = catalog_load(cat);
	diag_print(&cat->diags, stderr, DIAG_ERROR);
	return ok;
}
