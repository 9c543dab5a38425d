/* The command line: options, dispatch to the commands of PRODUCT.md §4. */
#ifndef CURSUS_CLI_H
#define CURSUS_CLI_H

#include "strbuf.h"

struct cli {
	struct strv data_dirs;   /* every --data, in order */
	const char *command;     /* NULL: the planner */
	int argc;                /* arguments after the command */
	char **argv;
};

/* Runs cursus; returns the exit status. */
int cli_main(int argc, char **argv);

#endif
