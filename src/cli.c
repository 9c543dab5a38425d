#include "config.h"
#include "cli.h"
#include "cmd.h"
#include "hours.h"
#include "nls.h"
#include "ui.h"
#include "width.h"
#include "xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct command {
	const char *name;
	int (*run)(struct cli *cli);
	const char *args;
	const char *help;
};

/* TRANSLATORS: the commands' arguments and what they do, in --help:
 * command and option names stay, metavariables (HOURS, FILE) are
 * translated as in the usage messages. */
static const struct command commands[] = {
	{ "list", cmd_list, "", N_("one line per program: id, option, title, effort") },
	{ "show", cmd_show, N_("ID"), N_("a program: courses, topics with their PATH, skills") },
	{ "compare", cmd_compare, N_("[GROUP|ID...]"), N_("options side by side") },
	{ "choose", cmd_choose, N_("ID [--start DATE] [--pace HOURS|default] [--replan]"),
	  N_("choose an option; change its start or pace (h/week)") },
	{ "tick", cmd_tick, N_("PATH [--undo] [--date DATE]"), N_("tick a module done (1, 1.2, 1.2.1)") },
	{ "log", cmd_log, N_("HOURS [--date DATE] [--set]"),
	  N_("log hours studied: 1.5, 1,5, 1h30, 90min") },
	{ "schedule", cmd_schedule, "[--json]", N_("the weekly plan with logged hours") },
	{ "status", cmd_status, "[--json]", N_("certificate status and balances") },
	{ "earned", cmd_earned, "[--date DATE] [--undo]", N_("record that the certificate was earned") },
	{ "export", cmd_export, N_("[--format ics|csv|md] [-o FILE]"), N_("the plan as a calendar, CSV or Markdown") },
	{ "check", cmd_check, N_("[-v] [FILE|DIR...]"),
	  N_("validate specs (-v: name the other notes); exit 1 on errors") },
	{ "merge", cmd_merge, N_("CURRENT [BASE] OTHER [NAME]"),
	  N_("merge progress files (a git merge driver)") },
};

enum option_id {
	OPT_DATA = 'd', OPT_HELP = 'h', OPT_VERSION = 'V', OPT_OUTPUT = 'o',
	OPT_PROGRAM = 'p', OPT_VERBOSE = 'v',
	OPT_STATE = 256, OPT_TODAY, OPT_START, OPT_PACE, OPT_UNDO, OPT_DATE,
	OPT_SET, OPT_FORMAT, OPT_JSON, OPT_NO_COLOR, OPT_REPLAN, OPT_CONFIG,
	OPT_END /* keep last: the size of the table of options seen */
};

static const struct option long_options[] = {
	{ "data", required_argument, NULL, OPT_DATA },
	{ "state", required_argument, NULL, OPT_STATE },
	{ "today", required_argument, NULL, OPT_TODAY },
	{ "program", required_argument, NULL, OPT_PROGRAM },
	{ "start", required_argument, NULL, OPT_START },
	{ "pace", required_argument, NULL, OPT_PACE },
	{ "undo", no_argument, NULL, OPT_UNDO },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "set", no_argument, NULL, OPT_SET },
	{ "replan", no_argument, NULL, OPT_REPLAN },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "output", required_argument, NULL, OPT_OUTPUT },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "verbose", no_argument, NULL, OPT_VERBOSE },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

/* The commands each command-specific option belongs to. */
static const struct {
	int option;
	const char *name;
	const char *commands[4];
} option_owners[] = {
	{ OPT_START, "--start", { "choose" } },
	{ OPT_PACE, "--pace", { "choose" } },
	{ OPT_UNDO, "--undo", { "tick", "earned" } },
	{ OPT_DATE, "--date", { "tick", "log", "earned" } },
	{ OPT_SET, "--set", { "log" } },
	{ OPT_REPLAN, "--replan", { "choose" } },
	{ OPT_FORMAT, "--format", { "export" } },
	{ OPT_OUTPUT, "--output", { "export" } },
	{ OPT_JSON, "--json", { "status", "schedule" } },
	{ OPT_VERBOSE, "--verbose", { "check" } },
};

/* The left column of --help is 30 columns wide; a longer command line
 * has its help on the next line. Padded by display width: translated
 * metavariables may carry accents. */
static void usage_command(FILE *out, const struct command *cmd)
{
	char left[160];
	snprintf(left, sizeof left, "%s %s", cmd->name, cmd->args[0] ? _(cmd->args) : "");
	fputs("  ", out);
	if (width_of(left) > 30) {
		fprintf(out, "%s\n  ", left);
		width_print_padded(out, "", 30);
	} else {
		width_print_padded(out, left, 30);
	}
	fprintf(out, " %s\n", _(cmd->help));
}

static void usage(FILE *out)
{
	fputs(_("Usage: cursus [OPTIONS] [COMMAND [ARGS]]\n"
		"A study planner for certificate programs kept as Markdown specs.\n"
		"Without a command, the full-screen planner (press ? in it for the keys).\n"
		"\n"
		"Commands:\n"), out);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		usage_command(out, &commands[i]);
	/* TRANSLATORS: keep the option names and the environment variables;
	 * the descriptions start in column 26. */
	fputs(_("\n"
		"Options:\n"
		"  -d, --data DIR         read specs from DIR (repeatable; the first wins)\n"
		"      --state FILE       the progress file (default: $CURSUS_STATE, else\n"
		"                         $XDG_STATE_HOME/cursus/progress.yaml)\n"
		"  -p, --program ID       act on this program (default: the last chosen)\n"
		"      --today DATE       take DATE (YYYY-MM-DD) as today\n"
		"      --no-color         the planner without colours (also NO_COLOR)\n"
		"      --config FILE      read the configuration from FILE (default:\n"
		"                         $CURSUS_CONFIG, else $XDG_CONFIG_HOME/cursus/config)\n"
		"  -h, --help             show this help and exit\n"
		"  -V, --version          show the version and exit\n"
		"\n"
		"Without --data, specs are read from $CURSUS_PATH (directories separated\n"
		"by ':'), else from the configuration's 'data' directories, else from\n"
		"$XDG_DATA_HOME/cursus/specs and the shipped specs. To plan from your\n"
		"own notes: cursus --data ~/Notes, or 'data: ~/Notes' in the configuration.\n"
		"See cursus(1).\n"), out);
}

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* The edit distance of a and b (letters added, removed or changed), or
 * SIZE_MAX for words longer than any command. */
static size_t edit_distance(const char *a, const char *b)
{
	enum { LONGEST = 32 };
	size_t na = strlen(a), nb = strlen(b), row[LONGEST + 1];
	if (na > LONGEST || nb > LONGEST)
		return SIZE_MAX;
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diagonal = row[0];
		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t above = row[j], best = diagonal + (a[i - 1] != b[j - 1]);
			if (above + 1 < best)
				best = above + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diagonal = above;
			row[j] = best;
		}
	}
	return row[nb];
}

/* The command a mistyped name most likely meant ("stauts", the French
 * "statut"): within two letters, and the only one that near. */
static const struct command *nearest_command(const char *name)
{
	const struct command *best = NULL;
	size_t best_distance = 3;
	bool tie = false;
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		size_t d = edit_distance(name, commands[i].name);
		if (d < best_distance)
			best = &commands[i], best_distance = d, tie = false;
		else if (d == best_distance)
			tie = true;
	}
	return tie || best_distance >= strlen(name) ? NULL : best;
}

static bool parse_date_arg(const char *option, const char *text, struct date *out)
{
	if (date_parse(text, out))
		return true;
	/* TRANSLATORS: an option, the date given, what is wrong with it
	 * ("is not a date (YYYY-MM-DD)"). */
	fprintf(stderr, _("cursus: %s '%s' %s\n"), option, text, date_parse_problem(text));
	return false;
}

/* Like coreutils' close_stdout: output that could not be written is an
 * error, not a silent success. */
static int finish_output(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, _("cursus: cannot write the output: %s\n"), strerror(errno));
		return 1;
	}
	return status;
}

/* Handles one option; returns false to stop with status 1. */
static bool take_option(struct cli *cli, int c)
{
	switch (c) {
	case OPT_DATA:
		strv_push(&cli->data_dirs, xstrdup(optarg));
		return true;
	case OPT_STATE:
		cli->state = optarg;
		return true;
	case OPT_PROGRAM:
		cli->program = optarg;
		return true;
	case OPT_TODAY:
		cli->today_given = true;
		return parse_date_arg("--today", optarg, &cli->today);
	case OPT_START:
		cli->start_given = true;
		return parse_date_arg("--start", optarg, &cli->start);
	case OPT_DATE:
		cli->date_given = true;
		return parse_date_arg("--date", optarg, &cli->date);
	case OPT_PACE:
		if (strcmp(optarg, "default") == 0) {
			cli->pace_default = true;
			return true;
		}
		/* Paces are kept to the hundredth of an hour, so a smaller one
		 * would be stored as 0. */
		if (!hours_parse(optarg, &cli->pace) || cli->pace < 0.01 || cli->pace > 168) {
			fprintf(stderr, _("cursus: --pace '%s' is not hours per week (from 0.01 to 168, "
				"such as 5, 7.5, 7,5 or 7h30), nor 'default' (the spec's pace)\n"),
				optarg);
			return false;
		}
		return true;
	case OPT_UNDO:
		cli->undo = true;
		return true;
	case OPT_SET:
		cli->set = true;
		return true;
	case OPT_REPLAN:
		cli->replan = true;
		return true;
	case OPT_FORMAT:
		cli->format = optarg;
		return true;
	case OPT_OUTPUT:
		cli->output = optarg;
		return true;
	case OPT_JSON:
		cli->json = true;
		return true;
	case OPT_NO_COLOR:
		cli->no_color = true;
		return true;
	case OPT_CONFIG:
		if (!*optarg) {
			fputs(_("cursus: --config needs a file name (for no configuration "
				"at all: --config /dev/null)\n"), stderr);
			return false;
		}
		cli->config_file = optarg;
		return true;
	case OPT_VERBOSE:
		cli->verbose = true;
		return true;
	}
	return false;
}

static bool check_option_owners(const struct cli *cli, const bool *seen)
{
	for (size_t i = 0; i < sizeof option_owners / sizeof option_owners[0]; i++) {
		if (!seen[option_owners[i].option])
			continue;
		bool mine = false;
		for (size_t k = 0; k < 4 && option_owners[i].commands[k]; k++)
			mine |= cli->command && strcmp(cli->command, option_owners[i].commands[k]) == 0;
		if (!mine) {
			if (cli->command)
				/* TRANSLATORS: an option, then a command. */
				fprintf(stderr, _("cursus: %s does not go with '%s'\n"),
					option_owners[i].name, cli->command);
			else
				fprintf(stderr, _("cursus: %s goes with a command\n"),
					option_owners[i].name);
			return false;
		}
	}
	return true;
}

/* Returns -1 to go on, or the exit status when cursus should stop. */
static int parse_options(struct cli *cli, int argc, char **argv)
{
	bool seen[OPT_END] = { false };
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":d:hVo:p:v", long_options, NULL)) != -1) {
		if (c == OPT_HELP) {
			usage(stdout);
			return 0;
		}
		if (c == OPT_VERSION) {
			printf("cursus %s\n", PACKAGE_VERSION);
			return 0;
		}
		if (c == ':') {
			fprintf(stderr, _("cursus: option '%s' needs an argument\n"),
				argv[optind - 1]);
			return 1;
		}
		if (c == '?') {
			if (isdigit(optopt))
				fprintf(stderr, _("cursus: hours cannot be negative ('%s'); to correct "
					"a day, use 'cursus log HOURS --set --date DATE'\n"),
					argv[optind - 1]);
			else if (optopt)
				fprintf(stderr, _("cursus: unknown option '-%c'\n"), optopt);
			else
				fprintf(stderr, _("cursus: unknown option '%s'\n"), argv[optind - 1]);
			fputs(_("Try 'cursus --help'.\n"), stderr);
			return 1;
		}
		if (c >= 0 && c < OPT_END)
			seen[c] = true;
		if (!take_option(cli, c))
			return 1;
	}
	if (optind < argc)
		cli->command = argv[optind];
	return check_option_owners(cli, seen) ? -1 : 1;
}

/* merge, a git merge driver, reads only the files git gives it, and its
 * status tells git whether there was a conflict: a broken configuration,
 * which it would not use, must not say there was. */
static bool reads_config(const struct command *cmd)
{
	return !cmd || cmd->run != cmd_merge;
}

/* Reads the configuration into cli->config, saying what is wrong with it
 * on stderr. Returns false when it could not be used: the command then
 * runs without it (the options on the command line still work), and
 * exits 1 to tell scripts so (see cursus(1), CONFIGURATION). */
static bool read_config(struct cli *cli)
{
	bool required;
	char *path = user_config_path(cli->config_file, &required);
	struct diag_list diags = {0};
	bool ok = user_config_load(&cli->config, path, required, &diags);
	diag_print(&diags, stderr, DIAG_WARNING);
	diag_free(&diags);
	free(path);
	/* color: true never overrides --no-color or NO_COLOR: only "off"
	 * is ever passed on */
	if (cli->config.no_color)
		cli->no_color = true;
	return ok;
}

static int dispatch(struct cli *cli, int argc, char **argv)
{
	int status = parse_options(cli, argc, argv);
	if (status >= 0)
		return status;
	if (!cli->today_given)
		cli->today = date_today();
	const struct command *cmd = NULL;
	if (cli->command) {
		cmd = find_command(cli->command);
		if (!cmd) {
			const struct command *near = nearest_command(cli->command);
			if (near)
				fprintf(stderr, _("cursus: unknown command '%s'; did you mean '%s'?\n"),
					cli->command, near->name);
			else
				fprintf(stderr, _("cursus: unknown command '%s'\n"), cli->command);
			fputs(_("Try 'cursus --help'.\n"), stderr);
			return 1;
		}
	}
	bool config_ok = !reads_config(cmd) || read_config(cli);
	if (!cmd) {
		status = ui_run(cli);
	} else {
		cli->argc = argc - optind - 1;
		cli->argv = argv + optind + 1;
		status = cmd->run(cli);
	}
	return status == 0 && !config_ok ? 1 : status;
}

int cli_main(int argc, char **argv)
{
	struct cli cli = {0};
	int status = dispatch(&cli, argc, argv);
	strv_free(&cli.data_dirs);
	user_config_free(&cli.config);
	return finish_output(status);
}
