#include "config.h"
#include "session.h"
#include "conflict_copies.h"
#include "nls.h"
#include "progress_file.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* path quoted for a shell, so that a command shown can be pasted as it
 * is: Dropbox's copies have spaces and quotes in their names. */
static char *shell_quoted(const char *path)
{
	if (strspn(path, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			 "0123456789/._-+,=") == strlen(path))
		return xstrdup(path);
	struct strbuf sb = {0};
	sb_addc(&sb, '\'');
	for (const char *c = path; *c; c++)
		if (*c == '\'')
			sb_adds(&sb, "'\\''");
		else
			sb_addc(&sb, *c);
	sb_addc(&sb, '\'');
	return sb_steal(&sb);
}

size_t session_count_conflict_copies(const struct session *s)
{
	char **copies;
	size_t n = progress_conflict_copies(s->state_path, &copies);
	progress_conflict_copies_free(copies, n);
	return n;
}

/* Said by every command until the copy is folded in. */
size_t session_notice_conflict_copies(struct session *s)
{
	char **copies;
	size_t n = progress_conflict_copies(s->state_path, &copies);
	char *state = shell_quoted(s->state_path);
	for (size_t i = 0; i < n; i++) {
		char *copy = shell_quoted(copies[i]);
		diag_add(&s->diags, DIAG_WARNING, copies[i], 0,
			 _("a sync tool's conflict copy of the progress file; fold it in with: "
			   "cursus merge %s %s (then remove the copy)"), state, copy);
		free(copy);
	}
	free(state);
	progress_conflict_copies_free(copies, n);
	return n;
}

bool session_open(struct session *s, struct cli *cli, enum session_mode mode)
{
	memset(s, 0, sizeof *s);
	s->cli = cli;
	s->lock_fd = -1;
	s->today = cli->today;
	bool ok = catalog_set_path(&s->cat, &cli->data_dirs, &cli->config) &&
		  catalog_load(&s->cat);
	s->state_path = progress_file_path(cli->state);
	if (ok && mode == SESSION_WRITE) {
		s->lock_fd = progress_file_lock(s->state_path, &s->diags);
		ok = s->lock_fd >= 0;
	}
	if (ok)
		ok = progress_file_load(s->state_path, &s->progress, &s->diags);
	if (mode != SESSION_READ_COPIES_LATER)
		session_notice_conflict_copies(s);
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

/* The group commands act on when none is named, and its choice. */
static const char *current_group(const struct session *s)
{
	if (s->progress.current)
		return s->progress.current;
	return s->progress.n_choices ? s->progress.choices[0].group : "?";
}

static const char *current_choice(const struct session *s)
{
	const char *id = progress_choice(&s->progress, current_group(s));
	return id ? id : "?";
}

/* session_find_program, saying why there is none. */
static struct program *resolve(struct session *s)
{
	struct program *p = session_find_program(s);
	if (p)
		return p;
	if (s->cli->program)
		diag_add(&s->diags, DIAG_ERROR, NULL, 0, _("no program '%s', nor a choice for a "
							   "group of that name (see 'cursus list')"),
			 s->cli->program);
	else if (s->progress.n_choices == 0)
		diag_add(&s->diags, DIAG_ERROR, NULL, 0, "%s", _("no program chosen yet: choose one "
								 "with 'cursus choose ID' (see "
								 "'cursus compare')"));
	else
		diag_add(&s->diags, DIAG_ERROR, s->state_path, 0,
			 _("the program chosen for %s, '%s', is not among the specs (see 'cursus "
			   "list'); choose another, or name one with --program ID"),
			 current_group(s), current_choice(s));
	return NULL;
}

struct program *session_program(struct session *s)
{
	struct program *p = resolve(s);
	if (!p)
		return NULL;
	return spec_load_body(p, &s->diags) ? p : NULL;
}

/* Why a plan cannot be built, said where the learner can act on it: the
 * line of the progress file that set the value at fault, and the command
 * that changes it; a value just given on the command line is not saved. */
static void add_plan_error(struct diag_list *diags, const char *state_path,
			   const struct program *p, const struct program_progress *pp,
			   enum plan_fault fault, const char *error)
{
	bool pace = fault == PLAN_FAULT_PACE;
	int line = !pp ? 0 : pace ? pp->pace_line : pp->start_line;
	bool stored = pp && (pace ? pp->pace > 0 : pp->has_start);
	if (stored && line > 0)
		diag_add(diags, DIAG_ERROR, state_path, line, pace
			 ? _("%s: %s; change it with 'cursus choose %s --pace HOURS' (or "
			     "'--pace default' for the spec's)")
			 : _("%s: %s; change it with 'cursus choose %s --start DATE'"),
			 p->id, error, p->id);
	else if (stored)
		/* TRANSLATORS: a program id, then why its plan cannot be built. */
		diag_add(diags, DIAG_ERROR, NULL, 0, _("%s: %s; nothing was saved"), p->id, error);
	else
		diag_add(diags, DIAG_ERROR, p->path, 0, "%s: %s", p->id, error);
}

static bool view_build(struct program_view *v, struct program *p, struct progress *pr,
		       struct date today, const char *state_path, struct diag_list *diags)
{
	memset(v, 0, sizeof *v);
	v->program = p;
	v->progress = progress_find(pr, p->id);
	outline_build(&v->outline, p);
	completion_compute(&v->done, &v->outline, v->progress);
	char *error = NULL;
	if (!plan_build(&v->plan, p, &v->outline, v->progress, &v->done, today, &error)) {
		add_plan_error(diags, state_path, p, v->progress, v->plan.fault, error);
		free(error);
		completion_free(&v->done);
		outline_free(&v->outline);
		return false;
	}
	return true;
}

bool program_view_build(struct program_view *v, struct session *s, struct program *p)
{
	return view_build(v, p, &s->progress, s->today, s->state_path, &s->diags);
}

/* A new state is saved only if the changed program can still be planned:
 * a pace that makes the plan impossible is refused, not written. */
static bool plan_still_builds(struct session *s, struct program *checked,
			      struct progress *pr)
{
	if (!checked)
		return true;
	struct program_view v;
	if (!view_build(&v, checked, pr, s->today, s->state_path, &s->diags))
		return false;
	program_view_free(&v);
	return true;
}

/* Before a change, the weeks of `checked` that have gone by are recorded
 * as they were planned, so that the change (a new pace, a tick dated in
 * the past) re-plans from this week on and never rewrites the past. */
static void record_past_weeks(struct session *s, struct program *checked,
			      struct progress *pr)
{
	struct program_progress *pp = checked ? progress_find(pr, checked->id) : NULL;
	struct program_view v;
	struct diag_list ignored = {0};
	if (!pp || !pp->has_start ||
	    !view_build(&v, checked, pr, s->today, s->state_path, &ignored)) {
		diag_free(&ignored);
		return;
	}
	for (long i = 0; i < v.plan.current && i < (long)v.plan.n_weeks; i++) {
		const struct plan_week *w = &v.plan.weeks[i];
		struct week_course courses[64];
		size_t n = 0;
		for (size_t k = 0; k < w->n_slices && n < 64; k++)
			courses[n++] = (struct week_course){ checked->courses[w->slices[k].course].number,
							     w->slices[k].hours };
		progress_week_record(pp, w->monday, w->planned, courses, n);
	}
	program_view_free(&v);
}

bool session_commit(struct session *s, struct program *checked,
		    session_change_fn change, void *ctx)
{
	bool lock_here = s->lock_fd < 0;
	if (lock_here && (s->lock_fd = progress_file_lock(s->state_path, &s->diags)) < 0)
		return false;
	struct progress fresh;
	bool ok = progress_file_load(s->state_path, &fresh, &s->diags);
	if (ok)
		record_past_weeks(s, checked, &fresh);
	bool saved = ok && change(&fresh, ctx, &s->diags) &&
		     plan_still_builds(s, checked, &fresh) &&
		     progress_file_save(s->state_path, &fresh, &s->diags);
	if (lock_here) {
		progress_file_unlock(s->lock_fd);
		s->lock_fd = -1;
	}
	if (saved) {
		progress_free(&s->progress);
		s->progress = fresh;
	} else if (ok) {
		progress_free(&fresh);
	}
	return saved;
}

void program_view_free(struct program_view *v)
{
	plan_free(&v->plan);
	completion_free(&v->done);
	outline_free(&v->outline);
}
