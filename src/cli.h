/* The command line: options, dispatch to the commands of PRODUCT.md §4. */
#ifndef CURSUS_CLI_H
#define CURSUS_CLI_H

#include <stdbool.h>

#include "date.h"
#include "strbuf.h"
#include "user_config.h"

struct cli {
	/* global options */
	struct strv data_dirs;   /* every --data, in order */
	const char *state;       /* --state FILE */
	const char *program;     /* --program ID|GROUP */
	struct date today;       /* --today, else the real date */
	bool today_given;
	bool no_color;           /* --no-color, or color: false in the configuration */
	const char *config_file; /* --config FILE */
	struct user_config config; /* as read; empty when there is none or it is broken */

	/* options of some commands; which ones is checked by cli.c */
	bool start_given;
	struct date start;       /* choose --start */
	double pace;             /* choose --pace; 0 when not given */
	bool pace_default;       /* choose --pace default: back to the spec's */
	bool undo;               /* tick, earned --undo */
	bool date_given;
	struct date date;        /* tick, log, earned --date */
	bool set;                /* log --set */
	bool replan;             /* choose --replan: the end moves to when the work ends at the pace */
	const char *format;      /* export --format */
	const char *output;      /* export -o */
	bool json;               /* status, schedule --json */
	bool verbose;            /* check -v: name the notes that are not specs */

	const char *command;     /* NULL: the planner */
	int argc;                /* arguments after the command */
	char **argv;
};

/* Runs cursus; returns the exit status. */
int cli_main(int argc, char **argv);

#endif
