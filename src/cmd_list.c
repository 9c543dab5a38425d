#include "config.h"
#include "cmd.h"
#include "human_format.h"
#include "nls.h"
#include "progress_file.h"
#include "width.h"

#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

/* Titles longer than this push the effort column instead of widening it
 * for every line. */
#define LIST_TITLE_COLUMN_MAX 56

static const char *display_title(const struct program *p)
{
	return p->title ? p->title : p->id;
}

/* The learner's progress, for the marks. No progress file is no marks; a
 * file that cannot be read is said, as a warning, and costs the marks
 * only: the programs are listed all the same. */
static void load_marks(const struct cli *cli, struct progress *pr)
{
	struct diag_list diags = {0};
	char *path = progress_file_path(cli->state);
	if (!progress_file_load(path, pr, &diags)) {
		for (size_t i = 0; i < diags.n; i++)
			diags.v[i].severity = DIAG_WARNING;
		diag_add(&diags, DIAG_WARNING, NULL, 0,
			 "%s", _("the progress file cannot be read: programs are listed "
				 "without their chosen and earned marks"));
		diag_print(&diags, stderr, DIAG_WARNING);
		progress_free(pr);
	}
	diag_free(&diags);
	free(path);
}

/* "earned 2027-03-01", "chosen", or "" when the program is neither. */
static void mark_of(const struct progress *pr, const struct program *p, char *out, size_t size)
{
	const struct program_progress *pp = progress_find(pr, p->id);
	const char *chosen = progress_choice(pr, p->group);
	out[0] = '\0';
	if (pp && pp->earned) {
		char day[HUMAN_MAX];
		human_date(pp->earned_on, day, sizeof day);
		/* TRANSLATORS: list's mark of a program whose certificate was
		 * earned, with the date. */
		snprintf(out, size, _("earned %s"), day);
	} else if (chosen && strcasecmp(chosen, p->id) == 0) {
		/* TRANSLATORS: list's mark of the program chosen in its group. */
		snprintf(out, size, "%s", _("chosen"));
	}
}

static const char *effort_text(const struct program *p, char *buf, size_t size)
{
	effort_describe(&p->effort, buf, size);
	return buf[0] ? buf : (p->effort_text ? p->effort_text : "-");
}

/* Pads from width w to the column's, two spaces after the longest. */
static void pad(size_t w, size_t column)
{
	for (size_t end = (w > column ? w : column) + 2; w < end; w++)
		putchar(' ');
}

/* One line per program: id, option, title, effort, and its mark. */
static void print_list(const struct catalog *cat, const struct progress *pr)
{
	size_t id_w = 2, title_w = 5, effort_w = 0;
	for (size_t i = 0; i < cat->n_programs; i++) {
		const struct program *p = cat->programs[i];
		char effort[96];
		size_t w = width_of(p->id);
		id_w = w > id_w ? w : id_w;
		w = width_of(display_title(p));
		if (w <= LIST_TITLE_COLUMN_MAX && w > title_w)
			title_w = w;
		w = width_of(effort_text(p, effort, sizeof effort));
		effort_w = w > effort_w ? w : effort_w;
	}
	for (size_t i = 0; i < cat->n_programs; i++) {
		const struct program *p = cat->programs[i];
		char effort[96], mark[2 * HUMAN_MAX];
		width_print_padded(stdout, p->id, id_w + 2);
		printf("%c  ", p->option ? p->option : '-');
		/* A title longer than the column pushes the effort on, two
		 * spaces after it rather than none. */
		const char *title = display_title(p);
		fputs(title, stdout);
		pad(width_of(title), title_w);
		const char *e = effort_text(p, effort, sizeof effort);
		fputs(e, stdout);
		mark_of(pr, p, mark, sizeof mark);
		/* the marks in a column of their own */
		if (mark[0]) {
			pad(width_of(e), effort_w);
			fputs(mark, stdout);
		}
		putchar('\n');
	}
}

int cmd_list(struct cli *cli)
{
	if (cli->argc > 0) {
		fputs(_("cursus: list takes no arguments\n"), stderr);
		return 1;
	}
	struct catalog cat = {0};
	if (!cmd_open_catalog(cli, &cat)) {
		catalog_free(&cat);
		return 1;
	}
	struct progress pr = {0};
	load_marks(cli, &pr);
	print_list(&cat, &pr);
	if (cat.n_programs == 0 && cat.n_failed == 0)
		cmd_say_no_specs(&cat); /* an answer all the same: status 0 */
	/* notes that are not specs are no failure; a broken spec is */
	int status = cat.n_failed > 0 ? 1 : 0;
	progress_free(&pr);
	catalog_free(&cat);
	return status;
}
