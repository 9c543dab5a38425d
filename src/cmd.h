/* One function per command, each in its own cmd_*.c file. They print to
 * stdout, report problems on stderr, and return the exit status. */
#ifndef CURSUS_CMD_H
#define CURSUS_CMD_H

#include "catalog.h"
#include "cli.h"

int cmd_list(struct cli *cli);
int cmd_show(struct cli *cli);
int cmd_check(struct cli *cli);
int cmd_compare(struct cli *cli);
int cmd_choose(struct cli *cli);
int cmd_tick(struct cli *cli);
int cmd_log(struct cli *cli);
int cmd_schedule(struct cli *cli);
int cmd_status(struct cli *cli);
int cmd_earned(struct cli *cli);
int cmd_export(struct cli *cli);

/* Loads the catalogue of the search path; prints errors about a broken
 * --data directory. Returns false when nothing can be listed. */
bool cmd_open_catalog(struct cli *cli, struct catalog *cat);

#endif
