#include "config.h"
#include "cmd.h"
#include "width.h"

#include <stdio.h>

/* Titles longer than this push the effort column instead of widening it
 * for every line. */
#define LIST_TITLE_COLUMN_MAX 56

static const char *display_title(const struct program *p)
{
	return p->title ? p->title : p->id;
}

int cmd_list(struct cli *cli)
{
	if (cli->argc > 0) {
		fprintf(stderr, "cursus: list takes no arguments\n");
		return 1;
	}
	struct catalog cat = {0};
	if (!cmd_open_catalog(cli, &cat)) {
		catalog_free(&cat);
		return 1;
	}
	size_t id_w = 2, title_w = 5;
	for (size_t i = 0; i < cat.n_programs; i++) {
		size_t w = width_of(cat.programs[i]->id);
		id_w = w > id_w ? w : id_w;
		w = width_of(display_title(cat.programs[i]));
		if (w <= LIST_TITLE_COLUMN_MAX && w > title_w)
			title_w = w;
	}
	for (size_t i = 0; i < cat.n_programs; i++) {
		const struct program *p = cat.programs[i];
		char effort[96];
		effort_describe(&p->effort, effort, sizeof effort);
		width_print_padded(stdout, p->id, id_w + 2);
		printf("%c  ", p->option ? p->option : '-');
		/* A title longer than the column pushes the effort on, two
		 * spaces after it rather than none. */
		const char *title = display_title(p);
		size_t w = width_of(title);
		fputs(title, stdout);
		for (size_t pad = (w > title_w ? w : title_w) + 2; w < pad; w++)
			putchar(' ');
		puts(effort[0] ? effort : (p->effort_text ? p->effort_text : "-"));
	}
	int status = cat.n_failed > 0 ? 1 : 0;
	catalog_free(&cat);
	return status;
}
