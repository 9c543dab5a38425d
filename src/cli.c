#include "config.h"
#include "cli.h"
#include "cmd.h"
#include "xalloc.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct command {
	const char *name;
	int (*run)(struct cli *cli);
	const char *args;
	const char *help;
};

static const struct command commands[] = {
	{ "list", cmd_list, "", "one line per program: id, option, title, effort" },
	{ "show", cmd_show, "ID", "a program: courses, topics with their PATH, skills" },
	{ "check", cmd_check, "[FILE...]", "validate specs; exit 1 on errors" },
};

enum { OPT_DATA = 'd', OPT_HELP = 'h', OPT_VERSION = 'V' };

static const struct option long_options[] = {
	{ "data", required_argument, NULL, OPT_DATA },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: cursus [--data DIR]... [COMMAND [ARGS]]\n"
		"A study planner for certificate programs kept as Markdown specs.\n"
		"\n"
		"Commands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		char left[40];
		snprintf(left, sizeof left, "%s %s", commands[i].name, commands[i].args);
		fprintf(out, "  %-22s %s\n", left, commands[i].help);
	}
	fprintf(out,
		"\n"
		"Options:\n"
		"  -d, --data DIR         read specs from DIR (repeatable; the first wins)\n"
		"  -h, --help             show this help and exit\n"
		"  -V, --version          show the version and exit\n"
		"\n"
		"Without --data, specs are read from $CURSUS_PATH (directories separated\n"
		"by ':'), else from $XDG_DATA_HOME/cursus/specs and the shipped specs.\n"
		"See cursus(1).\n");
}

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* Like coreutils' close_stdout: output that could not be written is an
 * error, not a silent success. */
static int finish_output(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "cursus: cannot write the output: %s\n", strerror(errno));
		return 1;
	}
	return status;
}

/* Returns -1 to go on, or the exit status when cursus should stop. */
static int parse_options(struct cli *cli, int argc, char **argv)
{
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":d:hV", long_options, NULL)) != -1) {
		switch (c) {
		case OPT_DATA:
			strv_push(&cli->data_dirs, xstrdup(optarg));
			break;
		case OPT_HELP:
			usage(stdout);
			return 0;
		case OPT_VERSION:
			printf("cursus %s\n", PACKAGE_VERSION);
			return 0;
		case ':':
			fprintf(stderr, "cursus: option '%s' needs an argument\n", argv[optind - 1]);
			return 1;
		default:
			if (optopt)
				fprintf(stderr, "cursus: unknown option '-%c'\n", optopt);
			else
				fprintf(stderr, "cursus: unknown option '%s'\n", argv[optind - 1]);
			fputs("Try 'cursus --help'.\n", stderr);
			return 1;
		}
	}
	return -1;
}

static int dispatch(struct cli *cli, int argc, char **argv)
{
	int status = parse_options(cli, argc, argv);
	if (status >= 0)
		return status;
	if (optind >= argc) {
		fputs("cursus: the full-screen planner is not available in this version;\n"
		      "       use a command such as 'cursus list'.\n", stderr);
		usage(stderr);
		return 1;
	}
	cli->command = argv[optind];
	cli->argc = argc - optind - 1;
	cli->argv = argv + optind + 1;
	const struct command *cmd = find_command(cli->command);
	if (!cmd) {
		fprintf(stderr, "cursus: unknown command '%s'\nTry 'cursus --help'.\n",
			cli->command);
		return 1;
	}
	return cmd->run(cli);
}

int cli_main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	struct cli cli = {0};
	int status = dispatch(&cli, argc, argv);
	strv_free(&cli.data_dirs);
	return finish_output(status);
}
