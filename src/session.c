#include "config.h"
#include "session.h"
#include "progress_file.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void print_and_clear(struct session *s)
{
	diag_print(&s->diags, stderr, DIAG_WARNING);
	diag_free(&s->diags);
}

bool session_open(struct session *s, struct cli *cli, enum session_mode mode)
{
	memset(s, 0, sizeof *s);
	s->cli = cli;
	s->lock_fd = -1;
	s->today = cli->today;
	catalog_set_path(&s->cat, &cli->data_dirs);
	bool ok = catalog_load(&s->cat);
	diag_print(&s->cat.diags, stderr, DIAG_ERROR);
	s->state_path = progress_file_path(cli->state);
	if (ok && mode == SESSION_WRITE) {
		s->lock_fd = progress_file_lock(s->state_path, &s->diags);
		ok = s->lock_fd >= 0;
	}
	if (ok)
		ok = progress_file_load(s->state_path, &s->progress, &s->diags);
	print_and_clear(s);
	return ok;
}

bool session_save(struct session *s)
{
	bool ok = progress_file_save(s->state_path, &s->progress, &s->diags);
	print_and_clear(s);
	return ok;
}

void session_close(struct session *s)
{
	progress_file_unlock(s->lock_fd);
	progress_free(&s->progress);
	catalog_free(&s->cat);
	diag_free(&s->diags);
	free(s->state_path);
	memset(s, 0, sizeof *s);
	s->lock_fd = -1;
}

bool session_is_chosen(const struct session *s, const struct program *p)
{
	const char *id = progress_choice(&s->progress, p->group);
	return id && strcasecmp(id, p->id) == 0;
}

/* A group's chosen program, or NULL. */
static struct program *chosen_in(const struct session *s, const char *group)
{
	const char *id = progress_choice(&s->progress, group);
	return id ? catalog_find(&s->cat, id) : NULL;
}

struct program *session_find_program(const struct session *s)
{
	const char *want = s->cli->program;
	if (want) {
		struct program *p = catalog_find(&s->cat, want);
		return p ? p : chosen_in(s, want);
	}
	struct program *p = s->progress.current ? chosen_in(s, s->progress.current) : NULL;
	if (!p && s->progress.n_choices == 1)
		p = chosen_in(s, s->progress.choices[0].group);
	return p;
}

/* session_find_program, saying why there is none. */
static struct program *resolve(struct session *s)
{
	struct program *p = session_find_program(s);
	if (p)
		return p;
	if (s->cli->program)
		fprintf(stderr, "cursus: no program '%s', nor a choice for a group of "
			"that name (see 'cursus list')\n", s->cli->program);
	else if (s->progress.n_choices == 0)
		fprintf(stderr, "cursus: no program chosen yet: choose one with 'cursus choose ID' "
			"(see 'cursus compare')\n");
	else
		fprintf(stderr, "cursus: the chosen program is not among the specs; "
			"name one with --program ID\n");
	return NULL;
}

struct program *session_program(struct session *s)
{
	struct program *p = resolve(s);
	if (!p)
		return NULL;
	bool ok = spec_load_body(p, &s->diags);
	print_and_clear(s);
	return ok ? p : NULL;
}

bool program_view_build(struct program_view *v, struct session *s, struct program *p)
{
	memset(v, 0, sizeof *v);
	v->program = p;
	v->progress = progress_find(&s->progress, p->id);
	outline_build(&v->outline, p);
	completion_compute(&v->done, &v->outline, v->progress);
	char *error = NULL;
	if (!plan_build(&v->plan, p, &v->outline, v->progress, &v->done, s->today, &error)) {
		fprintf(stderr, "cursus: %s: %s\n", p->id, error);
		free(error);
		completion_free(&v->done);
		outline_free(&v->outline);
		return false;
	}
	return true;
}

void program_view_free(struct program_view *v)
{
	plan_free(&v->plan);
	completion_free(&v->done);
	outline_free(&v->outline);
}
