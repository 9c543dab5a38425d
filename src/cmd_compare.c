/* cursus compare [GROUP|ID...]: alternative programs side by side, one
 * column each, so that a choice can be made on one screen. */
#include "config.h"
#include "cmd.h"
#include "effort.h"
#include "compare_table.h"
#include "nls.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>


/* Without a usable COLUMNS or terminal, a width that still fits two
 * columns of French prose without wrapping every other word. */
#define COMPARE_DEFAULT_WIDTH 100
/* A COLUMNS below this is a mistake (or a leftover), not a terminal. */
#define COMPARE_MIN_WIDTH 40
/* Beyond this, padding would only waste memory and terminal scrollback. */
#define COMPARE_MAX_WIDTH 1000

/* The programs of one table, in the order they were asked for. */
struct selection {
	struct program **v;
	size_t n;
	size_t cap;
};

static void print_table(struct program *const *v, size_t n, size_t total)
{
	struct strv lines = {0};
	compare_table(v, n, total, &lines, NULL);
	for (size_t i = 0; i < lines.n; i++)
		puts(lines.v[i]);
	strv_free(&lines);
}

/* COLUMNS wins, as it does for ls, so that tests and pipes can ask for a
 * width; then the terminal's own. */
static size_t total_width(void)
{
	const char *env = getenv("COLUMNS");
	if (env && *env && env[strspn(env, "0123456789")] == '\0' && strlen(env) <= 9) {
		long cols = strtol(env, NULL, 10);
		if (cols >= COMPARE_MIN_WIDTH)
			return cols > COMPARE_MAX_WIDTH ? COMPARE_MAX_WIDTH : (size_t)cols;
	}
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col > COMPARE_MAX_WIDTH ? COMPARE_MAX_WIDTH : ws.ws_col;
	return COMPARE_DEFAULT_WIDTH;
}

static void selection_add(struct selection *sel, struct program *p)
{
	for (size_t i = 0; i < sel->n; i++)
		if (sel->v[i] == p)
			return;
	XGROW(sel->v, sel->cap, sel->n + 1);
	sel->v[sel->n++] = p;
}

/* An argument names a program, a group, or (when a group's name is also
 * an id without a dash) both. */
static bool select_argument(const struct catalog *cat, const char *arg,
			    struct selection *sel)
{
	struct program *p = catalog_find(cat, arg);
	bool found = p != NULL;
	if (p)
		selection_add(sel, p);
	for (size_t i = 0; i < cat->n_programs; i++) {
		if (strcasecmp(cat->programs[i]->group, arg) == 0) {
			selection_add(sel, cat->programs[i]);
			found = true;
		}
	}
	return found;
}

/* Reads every body before printing anything: half a comparison would
 * hide an option without saying so. */
static bool load_bodies(struct program *const *v, size_t n)
{
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		struct diag_list diags = {0};
		if (!spec_load_body(v[i], &diags))
			ok = false;
		diag_print(&diags, stderr, DIAG_ERROR);
		diag_free(&diags);
	}
	return ok;
}

static int compare_arguments(struct cli *cli, const struct catalog *cat)
{
	struct selection sel = {0};
	int status = 0;
	for (int i = 0; i < cli->argc; i++) {
		if (!select_argument(cat, cli->argv[i], &sel)) {
			fprintf(stderr, _("cursus: no program or group '%s' (see 'cursus list')\n"),
				cli->argv[i]);
			status = 1;
		}
	}
	if (status == 0 && !load_bodies(sel.v, sel.n))
		status = 1;
	if (status == 0)
		print_table(sel.v, sel.n, total_width());
	free(sel.v);
	return status;
}

static bool group_seen_before(const struct catalog *cat, size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (strcasecmp(cat->programs[k]->group, cat->programs[i]->group) == 0)
			return true;
	return false;
}

/* The groups with a real choice in them: one table each, in the order
 * of the catalogue. */
static int compare_groups(const struct catalog *cat)
{
	struct selection *groups = NULL;
	size_t n_groups = 0, cap_groups = 0;
	for (size_t i = 0; i < cat->n_programs; i++) {
		if (group_seen_before(cat, i))
			continue;
		struct selection sel = {0};
		select_argument(cat, cat->programs[i]->group, &sel);
		if (sel.n < 2) {
			free(sel.v);
			continue;
		}
		XGROW(groups, cap_groups, n_groups + 1);
		groups[n_groups++] = sel;
	}
	int status = 0;
	if (n_groups == 0) {
		fputs(_("cursus: no group has more than one program to compare "
			"(see 'cursus list')\n"), stderr);
		status = 1;
	}
	for (size_t g = 0; g < n_groups && status == 0; g++)
		if (!load_bodies(groups[g].v, groups[g].n))
			status = 1;
	size_t total = total_width();
	for (size_t g = 0; g < n_groups && status == 0; g++) {
		if (g > 0)
			putchar('\n');
		print_table(groups[g].v, groups[g].n, total);
	}
	for (size_t g = 0; g < n_groups; g++)
		free(groups[g].v);
	free(groups);
	return status;
}

int cmd_compare(struct cli *cli)
{
	struct catalog cat = {0};
	if (!cmd_open_catalog(cli, &cat)) {
		catalog_free(&cat);
		return 1;
	}
	int status = cli->argc > 0 ? compare_arguments(cli, &cat) : compare_groups(&cat);
	catalog_free(&cat);
	return status;
}
