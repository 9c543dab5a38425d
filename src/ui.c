/* The planner's main loop: curses set-up and tear-down, the layout, the
 * one input loop (it alone handles KEY_RESIZE; signal handlers only set a
 * flag), and the commits of every change, saved at once. */
#include "config.h"
#include "ui.h"
#include "ui_app.h"
#include "ui_external.h"
#include "cmd.h"
#include "width.h"
#include "hours.h"
#include "human_format.h"
#include "nls.h"
#include "progress_file.h"
#include "text.h"
#include "xalloc.h"

#include <curses.h>
#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <term.h>
#include <unistd.h>

/* Below this the planner cannot show anything useful. */
#define UI_MIN_COLS 24
#define UI_MIN_ROWS 8
/* From this size on, all three panes at once. */
#define UI_WIDE_COLS 80
#define UI_WIDE_ROWS 24
/* How often the loop wakes to notice a progress file changed elsewhere. */
#define UI_POLL_MS 1000

static volatile sig_atomic_t quit_signal;

static void on_quit_signal(int sig)
{
	quit_signal = sig;
}

bool ui_quit_requested(void)
{
	return quit_signal != 0;
}

void app_message(struct app *a, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->message, sizeof a->message, fmt, ap);
	va_end(ap);
	/* file names and values quoted from the user's files may hold ESC or
	 * BS, which curses would act on (BS moves the cursor) */
	char *visible = text_visible_controls(a->message);
	snprintf(a->message, sizeof a->message, "%s", visible);
	free(visible);
	a->message_error = error;
}

void app_message_diags(struct app *a, struct diag_list *d)
{
	for (size_t i = 0; i < d->n; i++) {
		if (d->v[i].severity == DIAG_ERROR) {
			app_message(a, true, "%s%s%s", d->v[i].file ? d->v[i].file : "",
				    d->v[i].file ? ": " : "", d->v[i].message);
			if (d->v[i].line > 0)
				app_message(a, true, "%s:%d: %s", d->v[i].file, d->v[i].line,
					    d->v[i].message);
			break;
		}
	}
	diag_free(d);
}

/* Remembers the progress file as read, to notice when another cursus (or
 * an editor) changes it. */
static void remember_state(struct app *a)
{
	a->state_exists = stat(a->s.state_path, &a->state_seen) == 0;
}

/* The same file, unchanged: its inode, size and time. */
static bool same_file_state(const struct stat *x, const struct stat *y)
{
	return x->st_ino == y->st_ino && x->st_size == y->st_size &&
	       x->st_mtim.tv_sec == y->st_mtim.tv_sec && x->st_mtim.tv_nsec == y->st_mtim.tv_nsec;
}

static bool state_changed(const struct app *a)
{
	struct stat st;
	bool exists = stat(a->s.state_path, &st) == 0;
	if (exists != a->state_exists)
		return true;
	return exists && !same_file_state(&st, &a->state_seen);
}

void app_rebuild(struct app *a)
{
	if (a->view_ok)
		program_view_free(&a->view);
	a->view_ok = false;
	if (!a->program)
		return;
	a->view_ok = program_view_build(&a->view, &a->s, a->program);
	if (!a->view_ok) {
		const struct diag *d = a->s.diags.n ? &a->s.diags.v[0] : NULL;
		snprintf(a->view_error, sizeof a->view_error, "%s", d ? d->message : "?");
		app_message_diags(a, &a->s.diags);
	}
}

/* Where the program's links lead, in the vault as the catalogue found it:
 * once per program read, not at every frame. */
static void resolve_links(struct app *a)
{
	links_free(a->links, a->n_links);
	a->links = links_resolve(a->program->path, a->program->links, a->program->n_links,
				 &a->s.cat.dirs, &a->s.cat.notes);
	a->n_links = a->program->n_links;
}

void app_show_program(struct app *a, struct program *p)
{
	struct diag_list d = {0};
	if (!spec_load_body(p, &d)) {
		app_message_diags(a, &d);
		return;
	}
	diag_free(&d);
	a->program = p;
	free(a->open);
	a->open = xcalloc(p->n_courses ? p->n_courses : 1, sizeof *a->open);
	for (int i = 0; i < PANE_COUNT; i++)
		a->panes[i].selected = a->panes[i].top = 0, a->panes[i].placed = false;
	app_rebuild(a);
	resolve_links(a);
}

static void reload_if_changed(struct app *a)
{
	if (!state_changed(a))
		return;
	struct progress fresh;
	struct diag_list d = {0};
	remember_state(a);
	if (!progress_file_load(a->s.state_path, &fresh, &d)) {
		app_message_diags(a, &d);
		return;
	}
	diag_free(&d);
	progress_free(&a->s.progress);
	a->s.progress = fresh;
	app_rebuild(a);
	app_message(a, false, _("The progress file changed outside the planner: reloaded."));
	/* a sync tool that changed it may have left a copy beside it */
	a->copies_owed = session_count_conflict_copies(&a->s);
}

/* ---- the clock ---- */

/* The planner's today: --today pins it; else the clock's, which moves on
 * at midnight while the planner stays open.
 * Test hook, deliberately not in --help: CURSUS_CLOCK_FILE names a file
 * whose content (YYYY-MM-DD) is taken as the clock's date, read each time
 * the loop wakes, so that a screen test can pass midnight without waiting
 * for it (tests/screen/test_clock.sh). */
static struct date clock_today(const struct app *a)
{
	if (a->cli->today_given)
		return a->cli->today;
	const char *path = getenv("CURSUS_CLOCK_FILE");
	FILE *f = path && *path ? fopen(path, "r") : NULL;
	if (f) {
		char line[32] = "";
		struct date d;
		bool read = fgets(line, sizeof line, f) != NULL;
		fclose(f);
		line[strcspn(line, "\n")] = '\0';
		if (read && date_parse(line, &d))
			return d;
	}
	return date_today();
}

/* This week, where the schedule's selection belongs once the day moves
 * on; -1 when the plan has not begun or is over. */
static long current_week(const struct app *a)
{
	if (!a->view_ok)
		return -1;
	long w = a->view.plan.current;
	return w >= 0 && w < (long)a->view.plan.n_weeks ? w : -1;
}

/* Past midnight, +, - and L log on the new day, ticks carry its date and
 * ▶ marks its week; a selection that was on this week follows it. */
static void follow_clock(struct app *a)
{
	struct date today = clock_today(a);
	if (date_compare(today, a->s.today) == 0)
		return;
	struct pane *sched = &a->panes[PANE_SCHEDULE];
	long was = current_week(a);
	bool follow = was >= 0 && sched->selected == was;
	a->s.today = today;
	app_rebuild(a);
	if (!a->view_ok && a->program)
		return; /* the message says why there is no plan */
	long now = current_week(a);
	if (follow && now >= 0 && now != was) {
		sched->selected = (int)now;
		sched->placed = false; /* scrolled to it when next drawn */
	}
	char d[HUMAN_MAX];
	human_day(today, d, sizeof d);
	app_message(a, false, _("A new day: today is %s."), d);
}

static void app_draw(struct app *a);

/* Every change is saved through session_commit, as the commands' are. */
static bool commit(struct app *a, struct program *checked, session_change_fn change,
		   void *ctx)
{
	if (!session_commit(&a->s, checked, change, ctx)) {
		app_message_diags(a, &a->s.diags);
		return false;
	}
	diag_free(&a->s.diags);
	remember_state(a);
	app_rebuild(a);
	return true;
}

struct edit_ctx {
	struct app *a;
	struct edit *e;
	bool inverse;
};

static bool apply_edit(struct progress *pr, void *ctx, struct diag_list *diags)
{
	struct edit_ctx *c = ctx;
	if (edit_apply(pr, c->e, c->inverse))
		return true;
	char day[HUMAN_MAX], most[HUMAN_MAX];
	human_day(c->e->day, day, sizeof day);
	human_number(PROGRESS_MAX_HOURS_PER_DAY, most, sizeof most);
	diag_add(diags, DIAG_ERROR, NULL, 0,
		 _("That would leave %s with more than %s h or less than none."), day, most);
	return false;
}

bool app_commit(struct app *a, struct edit *e, bool inverse)
{
	struct edit_ctx c = { a, e, inverse };
	return commit(a, a->program, apply_edit, &c);
}

/* An edit made by the learner: applied, then kept for undo. */
static bool do_edit(struct app *a, struct edit *e)
{
	if (!app_commit(a, e, false)) {
		edit_free(e);
		return false;
	}
	edit_stack_push(&a->undo, e);
	edit_stack_drop(&a->redo, a->program->id);
	return true;
}

/* What an edit undone or redone was, in a word. */
static const char *edit_name(enum edit_kind kind)
{
	/* TRANSLATORS: what was undone or redone ("Undone: tick."). */
	switch (kind) {
	case EDIT_TICK: return _("tick");
	case EDIT_UNTICK: return _("untick");
	case EDIT_HOURS: return _("hours");
	case EDIT_REPLAN: return _("re-plan");
	}
	return "?";
}

/* Undo and redo act on the program shown only: the learner sees what
 * changes, and finds another program's edits again on switching back. */
static void undo_redo(struct app *a, bool redo)
{
	struct edit_stack *from = redo ? &a->redo : &a->undo;
	struct edit_stack *to = redo ? &a->undo : &a->redo;
	long i = a->program ? edit_stack_last_of(from, a->program->id) : -1;
	if (i < 0) {
		if (from->n == 0 || !a->program)
			app_message(a, false, redo ? _("Nothing to redo.") : _("Nothing to undo."));
		else
			app_message(a, false, redo ? _("Nothing to redo for %s.")
					       : _("Nothing to undo for %s."), a->program->id);
		return;
	}
	if (!app_commit(a, &from->v[i], !redo))
		return;
	struct edit e = edit_stack_take(from, (size_t)i);
	edit_stack_push(to, &e);
	app_message(a, false, redo ? _("Redone: %s.") : _("Undone: %s."), edit_name(e.kind));
}

struct choose_ctx {
	struct program *p;
	struct date today;
};

static bool apply_choice(struct progress *pr, void *ctx, struct diag_list *diags)
{
	(void)diags;
	struct choose_ctx *c = ctx;
	progress_choose(pr, c->p->group, c->p->id);
	struct program_progress *pp = progress_get(pr, c->p->id);
	if (!pp->has_start) {
		pp->start = c->today;
		pp->has_start = true;
	}
	return true;
}

static void choose(struct app *a, struct program *p)
{
	struct choose_ctx c = { p, a->s.today };
	struct diag_list d = {0};
	if (!spec_load_body(p, &d)) { /* the plan checked before saving needs it */
		app_message_diags(a, &d);
		return;
	}
	diag_free(&d);
	if (!commit(a, p, apply_choice, &c))
		return;
	app_show_program(a, p);
	a->mode = MODE_MAIN;
	app_message(a, false, _("Chose %s: %s."), p->id, p->title ? p->title : "");
}

/* ---- hours ---- */

bool app_log_day(struct app *a, struct date *day)
{
	if (!a->view_ok)
		return false;
	const struct plan *pl = &a->view.plan;
	int w = a->panes[PANE_SCHEDULE].selected;
	if (w < 0 || (size_t)w >= pl->n_weeks)
		return false;
	const struct plan_week *week = &pl->weeks[w];
	if (date_compare(week->monday, a->s.today) > 0) {
		app_message(a, true, _("Week %d has not begun: hours are logged on days that were."),
			    week->number);
		return false;
	}
	*day = date_compare(week->sunday, a->s.today) < 0 ? week->sunday : a->s.today;
	return true;
}

static void hours_message(struct app *a, struct date day)
{
	char d[HUMAN_MAX], h[HUMAN_MAX];
	human_day(day, d, sizeof d);
	struct program_progress *pp = progress_find(&a->s.progress, a->program->id);
	human_logged_unit(pp ? progress_hours_on(pp, day) : 0, h, sizeof h);
	/* TRANSLATORS: a day, then the hours logged on it in all. */
	app_message(a, false, _("%s: %s logged."), d, h);
}

static void change_hours(struct app *a, double delta)
{
	struct date day;
	if (!app_log_day(a, &day))
		return;
	struct edit e;
	edit_make_hours(&e, a->program->id, day, delta);
	if (do_edit(a, &e))
		hours_message(a, day);
}

static void type_hours(struct app *a)
{
	struct date day;
	if (!app_log_day(a, &day))
		return;
	char label[128], d[HUMAN_MAX], buf[32] = "";
	human_day(day, d, sizeof d);
	snprintf(label, sizeof label, _("Hours studied on %s: "), d);
	if (!ui_prompt(a, app_draw, label, buf, sizeof buf))
		return;
	double hours;
	if (!hours_parse(buf, &hours) || hours <= 0) {
		app_message(a, true, _("'%s' is not a number of hours (such as 1.5 or 1h30)."), buf);
		return;
	}
	if (progress_too_few_to_log(hours)) {
		app_message(a, true, _("'%s' is less than a hundredth of an hour."), buf);
		return;
	}
	struct edit e;
	edit_make_hours(&e, a->program->id, day, hours);
	if (do_edit(a, &e))
		hours_message(a, day);
}

/* ---- ticks ---- */

/* Ticks module m, or unticks it when it is done (saved, undoable). */
static void app_toggle_tick(struct app *a, size_t m)
{
	const struct module *mod = &a->view.outline.modules[m];
	struct edit e;
	bool made = a->view.done.done[m]
		? edit_make_untick(&e, a->program->id, &a->view.outline, &a->view.done,
				   a->view.progress, m)
		: edit_make_tick(&e, a->program->id, &a->view.outline, &a->view.done, m,
				 a->s.today);
	if (!made) {
		app_message(a, false, _("%s: nothing to change."), mod->path);
		return;
	}
	bool tick = e.kind == EDIT_TICK;
	char path[OUTLINE_PATH_MAX];
	snprintf(path, sizeof path, "%s", mod->path);
	if (do_edit(a, &e))
		app_message(a, false, tick ? _("Ticked %s.") : _("Unticked %s."), path);
}

/* ---- search ---- */

static bool module_matches(const struct module *m, const char *folded_term)
{
	char *title = text_fold(m->title);
	bool hit = strstr(title, folded_term) != NULL;
	free(title);
	return hit;
}

static void search_step(struct app *a, int dir)
{
	if (!a->view_ok || !a->search || !*a->search) {
		app_message(a, false, _("Search with / first."));
		return;
	}
	const struct outline *o = &a->view.outline;
	long selected = pane_modules_selected(a);
	size_t from = selected >= 0 ? (size_t)selected : 0;
	char *term = text_fold(a->search);
	for (size_t k = 1; k <= o->n; k++) {
		size_t i = dir > 0 ? (from + k) % o->n : (from + o->n - k % o->n) % o->n;
		if (module_matches(&o->modules[i], term)) {
			pane_modules_select(a, i);
			a->focus = PANE_MODULES;
			app_message(a, false, "%s %s", o->modules[i].path, o->modules[i].title);
			free(term);
			return;
		}
	}
	app_message(a, true, _("No module matches '%s'."), a->search);
	free(term);
}

static void search(struct app *a)
{
	char buf[128] = "";
	if (!ui_prompt(a, app_draw, _("Search: "), buf, sizeof buf) || !*buf)
		return;
	free(a->search);
	a->search = xstrdup(buf);
	search_step(a, +1);
}

/* ---- the pager and the editor ---- */

/* The first of the variables that is set, else fallback. */
static const char *command_from(const char *const *vars, const char *fallback)
{
	for (; *vars; vars++) {
		const char *v = getenv(*vars);
		if (v && *v)
			return v;
	}
	return fallback;
}

/* What run_command runs, for its messages: whole sentences for each, so
 * that a language can give the pager and the editor their own words. */
enum runner { RUN_PAGER, RUN_EDITOR };

/* Runs the words of command, then args, on the terminal; false, with why
 * the pager or editor failed in why. */
static bool run_command(enum runner what, const char *command, const char *const *args,
			size_t n_args, char *why, size_t size)
{
	char **argv = external_argv(command, args, n_args);
	if (!argv) {
		snprintf(why, size, what == RUN_PAGER
			 ? _("the pager command '%s' has a quote left open")
			 : _("the editor command '%s' has a quote left open"), command);
		return false;
	}
	char cause[256] = "";
	bool ok = ui_external_run(argv, cause, sizeof cause);
	external_argv_free(argv);
	if (!ok)
		/* TRANSLATORS: why the pager (or editor) failed follows
		 * ("'less' exited with status 2"). */
		snprintf(why, size, what == RUN_PAGER ? _("the pager: %s") : _("the editor: %s"),
			 cause);
	return ok;
}

/* A file name as an argument, never taken for an option. */
static char *file_arg(const char *path)
{
	return xasprintf("%s%s", path[0] == '-' ? "./" : "", path);
}

/* Enter on a link: a note of the vault in $PAGER (else less); anything
 * else says why it is not opened. */
static void open_link(struct app *a, size_t k)
{
	if (!a->links || k >= a->n_links)
		return;
	const struct link *l = &a->program->links[k];
	const struct link_resolution *r = &a->links[k];
	switch (r->state) {
	case LINK_IS_WEB:
		app_message(a, false, _("A web link, not opened here: %s"), l->target);
		return;
	case LINK_MISSING:
		app_message(a, true, _("Missing: no note '%s' in the vault (line %d of the spec)."),
			    l->target, l->line);
		return;
	case LINK_OUTSIDE:
		app_message(a, true, _("'%s' leads outside the vault: not opened."), l->target);
		return;
	case LINK_PRESENT:
		break;
	}
	if (!r->is_note) {
		app_message(a, false, _("%s is not a Markdown note: open it from its folder."),
			    r->path);
		return;
	}
	char *file = file_arg(r->path);
	const char *args[] = { file };
	char why[512];
	if (!run_command(RUN_PAGER, command_from((const char *const[]){ "PAGER", NULL }, "less"),
			 args, 1, why, sizeof why))
		app_message(a, true, "%s", why);
	free(file);
}

/* The spec line of the module selected in the Modules pane, or 0. */
static int selected_line(const struct app *a)
{
	long m = pane_modules_selected(a);
	return m >= 0 ? a->view.outline.modules[m].line : 0;
}

static struct program *find_by_path(const struct catalog *cat, const char *path)
{
	for (size_t i = 0; i < cat->n_programs; i++)
		if (strcmp(cat->programs[i]->path, path) == 0)
			return cat->programs[i];
	return NULL;
}

/* Why the file at path is no longer in the catalogue: its first error. */
static void say_not_read(struct app *a, const struct diag_list *d, const char *path)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *e = &d->v[i];
		if (e->severity == DIAG_ERROR && e->file && strcmp(e->file, path) == 0) {
			app_message(a, true, _("%s:%d: %s (still showing the spec as it was)"),
				    e->file, e->line, e->message);
			return;
		}
	}
	app_message(a, true, _("%s is no longer a spec here (still showing it as it was)."),
		    path);
}

/* Makes p, of the catalogue fresh, the program shown in place of the one
 * it was read again from: the same course open, the same module selected. */
static void take_program(struct app *a, struct catalog *fresh, struct program *p)
{
	char selected[OUTLINE_PATH_MAX] = "";
	long was = pane_modules_selected(a);
	if (was >= 0)
		snprintf(selected, sizeof selected, "%s", a->view.outline.modules[was].path);
	if (a->view_ok)
		program_view_free(&a->view);
	a->view_ok = false;
	bool *open = xcalloc(p->n_courses ? p->n_courses : 1, sizeof *open);
	for (size_t i = 0; i < p->n_courses && i < a->program->n_courses; i++)
		open[i] = a->open[i];
	free(a->open);
	a->open = open;
	catalog_free(&a->s.cat);
	a->s.cat = *fresh;
	free(a->options); /* the chooser makes them anew when opened */
	a->options = NULL;
	a->n_options = a->chosen_option = 0;
	a->program = p;
	app_rebuild(a);
	resolve_links(a);
	long m = selected[0] && a->view_ok ? outline_find(&a->view.outline, selected) : -1;
	if (m >= 0)
		pane_modules_select(a, (size_t)m);
}

/* After the editor: the spec read again through the code that read it at
 * the start (the catalogue, for its front matter, then its body), and
 * the plan rebuilt; ticks find their modules by PATH and title. A spec
 * the edit broke is not taken: the one shown stays, the error says why. */
static bool reload_spec(struct app *a, const char *path)
{
	struct catalog fresh = {0};
	bool read = catalog_set_path(&fresh, &a->cli->data_dirs, &a->cli->config) &&
		    catalog_load(&fresh);
	struct program *p = read ? find_by_path(&fresh, path) : NULL;
	struct diag_list d = {0};
	struct program_view v;
	bool ok = false;
	if (!read) /* a data directory went away meanwhile */
		app_message_diags(a, &fresh.diags);
	else if (!p)
		say_not_read(a, &fresh.diags, path);
	else if (!spec_load_body(p, &d))
		app_message_diags(a, &d);
	else if (!a->view_ok) /* no plan before: nothing better to keep */
		ok = true;
	else if (!program_view_build(&v, &a->s, p))
		app_message_diags(a, &a->s.diags);
	else
		ok = true, program_view_free(&v);
	diag_free(&d);
	if (!ok) {
		catalog_free(&fresh);
		return false;
	}
	char *was = xstrdup(a->program->id);
	take_program(a, &fresh, p);
	if (strcasecmp(was, p->id) != 0) /* the progress is kept by id */
		app_message(a, false, _("The spec's id is now %s: the progress of %s stays with %s."),
			    p->id, was, was);
	else
		app_message(a, false, _("%s read again: %zu courses, %zu modules."), p->id,
			    p->n_courses, a->view_ok ? a->view.done.leaves : 0);
	free(was);
	return true;
}

/* e: the spec in $VISUAL, else $EDITOR, else vi, at the line of the
 * selected module; read again once the editor is done with it. */
static void edit_spec(struct app *a)
{
	if (!a->program) {
		app_message(a, false, _("Choose a program first: e edits its spec."));
		return;
	}
	char *path = xstrdup(a->program->path), *file = file_arg(path);
	char plus[24];
	int line = selected_line(a);
	snprintf(plus, sizeof plus, "+%d", line);
	const char *args[] = { plus, file };
	struct stat before, after;
	bool existed = stat(path, &before) == 0;
	char why[512];
	const char *editor = command_from((const char *const[]){ "VISUAL", "EDITOR", NULL }, "vi");
	bool ran = run_command(RUN_EDITOR, editor, line > 0 ? args : args + 1, line > 0 ? 2 : 1,
			       why, sizeof why);
	bool changed = stat(path, &after) == 0 && (!existed || !same_file_state(&before, &after));
	if (changed) {
		/* an editor that failed may still have saved (vim's :w then :cq) */
		if (reload_spec(a, path) && !ran)
			app_message(a, true, _("%s; the spec was read again all the same."), why);
	} else if (!ran) {
		app_message(a, true, "%s.", why);
	} else {
		app_message(a, false, _("%s: the spec is unchanged."), a->program->id);
	}
	free(file);
	free(path);
}

/* ---- layout and drawing ---- */

static bool wide(const struct app *a)
{
	return a->cols >= UI_WIDE_COLS && a->rows >= UI_WIDE_ROWS;
}

static void draw_title(struct app *a)
{
	char left[512];
	if (a->program) {
		char option[32] = "";
		if (a->program->option)
			snprintf(option, sizeof option, _("Option %c"), a->program->option);
		snprintf(left, sizeof left, " cursus  %s%s%s  %s", a->program->id,
			 option[0] ? " " : "", option, a->program->title ? a->program->title : "");
	} else
		snprintf(left, sizeof left, " cursus");
	int bar_w = a->cols >= 60 ? 12 : 0;
	char pct[16] = "";
	double fraction = 0;
	if (a->view_ok) {
		int percent = plan_percent(&a->view.plan);
		fraction = percent / 100.0;
		char share[12];
		/* TRANSLATORS: the share of the work done, right of the title
		 * bar's progress bar, in ASCII ("  6%"); French puts a space
		 * before the sign, as in the Certificate pane. */
		snprintf(share, sizeof share, _("%3d%%"), percent);
		snprintf(pct, sizeof pct, " %s ", share);
	}
	int right = a->view_ok ? bar_w + (int)strlen(pct) + 1 : 0;
	draw_text(0, 0, a->cols - right, left, STYLE_TITLE);
	draw_text(0, a->cols - right, 1, " ", STYLE_TITLE);
	if (a->view_ok) {
		draw_bar(0, a->cols - right + 1, bar_w, fraction, STYLE_TITLE);
		draw_text(0, a->cols - (int)strlen(pct), (int)strlen(pct), pct, STYLE_TITLE);
	}
}

/* The keys of the options and of the help, which take few of the
 * planner's; NULL in the planner, whose hints come from ui_actions. */
static const char *mode_hints(const struct app *a)
{
	switch (a->mode) {
	case MODE_CHOOSER:
		/* TRANSLATORS: the bottom line under the options (q goes
		 * back to the planner once a program is chosen). */
		return a->program ? _(" Left/Right option  Up/Down more  Ret choose  ? help  q back")
				  : _(" Left/Right option  Up/Down more  Ret choose  ? help  q quit");
	case MODE_HELP:
		return _(" Up/Down scroll  any other key closes");
	case MODE_MAIN:
		break;
	}
	return NULL;
}

/* "? help" and "q quit" are hinted in any width: the others give way,
 * from the last, when the line is narrower than all of them. */
static bool hint_kept_always(enum action act)
{
	return act == ACT_HELP || act == ACT_QUIT;
}

static size_t add_hint(char *line, size_t size, size_t used, const char *hint)
{
	int n = snprintf(line + used, size - used, "%s%s", used ? "  " : " ", hint);
	return n > 0 && (size_t)n < size - used ? used + (size_t)n : used;
}

static void planner_hints(char *line, size_t size, int cols)
{
	int kept_w = 0;
	for (int i = 0; i < ui_n_actions; i++)
		if (ui_actions[i].hint && hint_kept_always(ui_actions[i].action))
			kept_w += 2 + (int)width_of(_(ui_actions[i].hint));
	size_t used = 0;
	line[0] = '\0';
	for (int i = 0; i < ui_n_actions; i++) {
		const struct action_def *ua = &ui_actions[i];
		if (!ua->hint || hint_kept_always(ua->action))
			continue;
		size_t was = used;
		used = add_hint(line, size, used, _(ua->hint));
		if ((int)width_of(line) + kept_w > cols) {
			line[used = was] = '\0';
			break;
		}
	}
	for (int i = 0; i < ui_n_actions; i++)
		if (ui_actions[i].hint && hint_kept_always(ui_actions[i].action))
			used = add_hint(line, size, used, _(ui_actions[i].hint));
}

/* The hints for a width, made once per width (the language does not
 * change while the planner runs), not at every frame. */
static const char *hints_for(int cols)
{
	static char line[512];
	static int made_for = -1;
	if (cols != made_for) {
		planner_hints(line, sizeof line, cols);
		made_for = cols;
	}
	return line;
}

static void draw_hints(struct app *a)
{
	int y = a->rows - 1;
	if (a->message[0]) {
		draw_text(y, 0, a->cols, a->message, a->message_error ? STYLE_ERROR : STYLE_NORMAL);
		return;
	}
	const char *hints = mode_hints(a);
	if (hints) {
		draw_text(y, 0, a->cols, hints, STYLE_DIM);
		return;
	}
	draw_text(y, 0, a->cols, hints_for(a->cols), STYLE_DIM);
}

/* A program whose plan could not be built has no figures to show: the
 * panes say why, word-wrapped, rather than draw an empty plan. */
static void draw_no_plan(struct app *a, int i, struct rect r)
{
	char head[64];
	snprintf(head, sizeof head, " %s", _(a->panes[i].ops->name));
	draw_text(r.y, r.x, r.w, head, a->focus == i ? STYLE_HEADER_FOCUS : STYLE_HEADER);
	/* Said once, in the Modules pane, when the panes are side by side. */
	bool why = i == PANE_MODULES || !wide(a);
	char text[sizeof a->view_error + 64];
	if (why)
		snprintf(text, sizeof text, _("No plan: %s"), a->view_error);
	else
		snprintf(text, sizeof text, "%s", _("No plan."));
	char line[sizeof text] = "";
	int y = r.y + 1;
	for (char *word = strtok(text, " "); word && y < r.y + r.h; word = strtok(NULL, " ")) {
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, "%s%s", len ? " " : "", word);
		if (len && (int)width_of(line) > r.w - 2) {
			line[len] = '\0';
			draw_text(y++, r.x + 1, r.w - 1, line, STYLE_DIM);
			snprintf(line, sizeof line, "%s", word);
		}
	}
	if (y < r.y + r.h)
		draw_text(y, r.x + 1, r.w - 1, line, STYLE_DIM);
}

static void draw_pane(struct app *a, int i, struct rect r)
{
	a->pane_rects[i] = r;
	if (a->view_ok)
		a->panes[i].ops->draw(a, &a->panes[i], r, a->focus == i);
	else
		draw_no_plan(a, i, r);
}

static void draw_main(struct app *a)
{
	for (int i = 0; i < PANE_COUNT; i++)
		a->pane_rects[i] = (struct rect){ 0, 0, 0, 0 };
	int body_y = 1, body_h = a->rows - 2;
	if (wide(a)) {
		int left_w = a->cols * 11 / 20;
		int right_x = left_w + 1, right_w = a->cols - right_x;
		int cert_h = body_h / 2 < 11 ? body_h / 2 : 11;
		attrset(draw_attr(STYLE_DIM));
		mvvline(body_y, left_w, draw_ascii() ? '|' : ACS_VLINE, body_h);
		attrset(A_NORMAL);
		draw_pane(a, PANE_MODULES, (struct rect){ body_y, 0, body_h, left_w });
		draw_pane(a, PANE_SCHEDULE,
			  (struct rect){ body_y, right_x, body_h - cert_h, right_w });
		draw_pane(a, PANE_CERTIFICATE,
			  (struct rect){ body_y + body_h - cert_h, right_x, cert_h, right_w });
		return;
	}
	/* One pane at a time, with a tab line naming them all. */
	char tabs[256] = "";
	size_t used = 0;
	for (int i = 0; i < PANE_COUNT; i++)
		used += (size_t)snprintf(tabs + used, sizeof tabs - used, i == a->focus ? "[%s] " : " %s  ",
					 _(a->panes[i].ops->name));
	draw_text(body_y, 0, a->cols, tabs, STYLE_HEADER);
	draw_pane(a, a->focus, (struct rect){ body_y + 1, 0, body_h - 1, a->cols });
}

static void draw_too_small(struct app *a)
{
	const char *msg = _("Terminal too small");
	if ((int)width_of(msg) > a->cols)
		msg = _("Too small");
	int y = a->rows / 2;
	int w = (int)width_of(msg) < a->cols ? (int)width_of(msg) : a->cols;
	draw_text(y, (a->cols - w) / 2, w, msg, STYLE_NORMAL);
	char need[64];
	/* TRANSLATORS: the smallest terminal the planner works in
	 * ("need 24x8"). */
	snprintf(need, sizeof need, _("need %dx%d"), UI_MIN_COLS, UI_MIN_ROWS);
	if (a->rows > 2 && a->cols >= 14 && (int)width_of(need) <= a->cols) {
		w = (int)width_of(need);
		draw_text(y + 1 < a->rows ? y + 1 : y, (a->cols - w) / 2, w, need, STYLE_DIM);
	}
}

/* Draws the whole screen (also under a prompt). */
static void app_draw(struct app *a)
{
	getmaxyx(stdscr, a->rows, a->cols);
	erase();
	if (a->cols < UI_MIN_COLS || a->rows < UI_MIN_ROWS) {
		draw_too_small(a);
		refresh();
		return;
	}
	draw_title(a);
	if (a->mode == MODE_CHOOSER)
		chooser_draw(a);
	else if (a->mode == MODE_HELP)
		help_draw(a);
	else
		draw_main(a);
	draw_hints(a);
	refresh();
}


/* ---- input ---- */

static int pane_at(const struct app *a, int y, int x)
{
	for (int i = 0; i < PANE_COUNT; i++) {
		const struct rect *r = &a->pane_rects[i];
		if (r->h > 0 && y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w)
			return i;
	}
	return -1;
}

/* What a pane asked for, done here, in the one place that changes things. */
static void do_request(struct app *a, struct pane_request req)
{
	if (req.what == PANE_TOGGLE_TICK)
		app_toggle_tick(a, req.index);
	else if (req.what == PANE_OPEN_LINK)
		open_link(a, req.index);
}

static void handle_mouse(struct app *a)
{
	MEVENT ev;
	/* no plan: the panes say why, and have nothing to click on, as the
	 * keys have not (main_action) */
	if (getmouse(&ev) != OK || a->mode != MODE_MAIN || !a->view_ok)
		return;
	int i = pane_at(a, ev.y, ev.x);
	if (i < 0)
		return;
	struct pane *p = &a->panes[i];
	struct rect r = a->pane_rects[i];
	if (ev.bstate & (BUTTON4_PRESSED)) {
		if (p->ops->wheel)
			p->ops->wheel(a, p, r, -1);
	} else if (ev.bstate & BUTTON5_PRESSED) {
		if (p->ops->wheel)
			p->ops->wheel(a, p, r, +1);
	} else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) {
		a->focus = i;
		if (p->ops->click)
			do_request(a, p->ops->click(a, p, r, ev.y - r.y, ev.x - r.x));
	}
}

/* R: accept the end the work left reaches at the pace (the Certificate
 * pane shows it once the work no longer fits); u takes it back. */
static void replan(struct app *a)
{
	if (!a->view_ok || !a->view.plan.overloaded) {
		app_message(a, false, _("The work left fits by the plan's end: nothing to re-plan."));
		return;
	}
	char end[HUMAN_MAX];
	human_date(a->view.plan.end_at_pace, end, sizeof end);
	struct edit e;
	edit_make_replan(&e, a->program->id, a->s.today);
	if (do_edit(a, &e))
		app_message(a, false, _("Re-planned: the plan now ends on %s."), end);
}

/* Returns false to quit. */
static bool main_action(struct app *a, enum action act)
{
	struct pane *p = &a->panes[a->focus];
	switch (act) {
	case ACT_QUIT:
		return false;
	case ACT_HELP:
		a->mode = MODE_HELP;
		a->help_top = 0;
		return true;
	case ACT_OPTIONS:
		chooser_open(a);
		return true;
	case ACT_NEXT_PANE:
		a->focus = (a->focus + 1) % PANE_COUNT;
		return true;
	case ACT_PREV_PANE:
		a->focus = (a->focus + PANE_COUNT - 1) % PANE_COUNT;
		return true;
	case ACT_UNDO:
	case ACT_REDO:
		undo_redo(a, act == ACT_REDO);
		return true;
	case ACT_SEARCH:
		search(a);
		return true;
	case ACT_REPLAN:
		replan(a);
		return true;
	case ACT_EDIT:
		edit_spec(a);
		return true;
	case ACT_SEARCH_NEXT:
	case ACT_SEARCH_PREV:
		search_step(a, act == ACT_SEARCH_NEXT ? +1 : -1);
		return true;
	case ACT_MORE_HOURS:
	case ACT_LESS_HOURS:
		change_hours(a, act == ACT_MORE_HOURS ? 0.5 : -0.5);
		return true;
	case ACT_LOG_HOURS:
		type_hours(a);
		return true;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return true;
	default:
		break;
	}
	if (act == ACT_NONE || !a->view_ok)
		return true;
	struct pane_request req = p->ops->action(a, p, act, a->pane_rects[a->focus]);
	if (req.what == PANE_IGNORED && act == ACT_TICK)
		app_message(a, false, _("Space ticks a module: Tab to the Modules pane."));
	do_request(a, req);
	return true;
}

static bool dispatch(struct app *a, enum action act)
{
	switch (a->mode) {
	case MODE_HELP:
		help_action(a, act);
		return true;
	case MODE_CHOOSER:
		if (act == ACT_QUIT && !a->program)
			return false;
		if (act == ACT_OPEN && a->n_options > 0) {
			choose(a, a->options[a->chosen_option]);
			return true;
		}
		chooser_action(a, act);
		return true;
	case MODE_MAIN:
		break;
	}
	return main_action(a, act);
}

/* ---- start and end ---- */

static bool terminal_usable(void)
{
	const char *cup = tigetstr("cup");
	return cup && cup != (char *)-1;
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_quit_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

static bool utf8_terminal(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

static SCREEN *start_curses(struct cli *cli)
{
	const char *term = getenv("TERM");
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		fprintf(stderr, _("cursus: the terminal type '%s' is not known here, so the "
				  "planner cannot start; the commands still work (cursus --help)\n"),
			term ? term : "");
		return NULL;
	}
	if (!terminal_usable()) {
		endwin();
		delscreen(scr);
		fprintf(stderr, _("cursus: the terminal '%s' cannot place text on the screen, so "
				  "the planner cannot start; the commands still work (cursus --help)\n"),
			term ? term : "");
		return NULL;
	}
	/* ncurses 6.4 flushes its output at every cursor move until the
	 * screen has once been suspended and resumed (the path a program
	 * takes around a shell escape), so until then a frame leaves as one
	 * write() per line: 27 for the first frame, 4 for a key that moves
	 * the selection. Suspending now, before anything is on the screen,
	 * lets the first refresh resume it: whole frames then go out in one
	 * write, which a pty, tmux or an ssh link takes in one piece.
	 * newterm() has only buffered its entry into the alternate screen:
	 * endwin() sends it with the exit, in one write, so nothing shows. */
	endwin();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	timeout(UI_POLL_MS);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	bool no_color = cli->no_color || (getenv("NO_COLOR") && *getenv("NO_COLOR"));
	draw_init(!utf8_terminal(), no_color);
	return scr;
}

static void app_free(struct app *a)
{
	if (a->view_ok)
		program_view_free(&a->view);
	links_free(a->links, a->n_links);
	edit_stack_free(&a->undo);
	edit_stack_free(&a->redo);
	free(a->open);
	free(a->options);
	free(a->search);
	session_close(&a->s);
}

/* The specs left out (unreadable, broken, a second of one id) were said
 * on stderr, which the planner's screen hides until it quits: its first
 * frame says so too. */
static void say_broken_specs(struct app *a)
{
	size_t n = a->s.cat.n_failed;
	if (n == 0 || a->message[0])
		return;
	/* the first one's file, where 'cursus check' (with the same --data)
	 * will say what is wrong */
	char where[128] = "?";
	const struct diag_list *d = &a->s.cat.diags;
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].severity == DIAG_ERROR && d->v[i].file) {
			const char *slash = strrchr(d->v[i].file, '/');
			snprintf(where, sizeof where, "%s", slash ? slash + 1 : d->v[i].file);
			break;
		}
	/* TRANSLATORS: the bottom line, 80 columns at most; %s is the first
	 * spec left out's file name. */
	app_message(a, true, ngettext("%zu spec is left out (%s): 'cursus check' says why.",
				      "%zu specs are left out (%s...): 'cursus check' says why.",
				      n), n, where);
}

/* The notice of conflict copies found, on the bottom line once it is free
 * (a message already there is said first); false when nothing is owed. */
static bool say_owed_copies(struct app *a)
{
	if (a->copies_owed == 0 || a->message[0])
		return false;
	app_message(a, true, "%s",
		    /* TRANSLATORS: the bottom line, 80 columns at most. */
		    ngettext("Conflict copy of the progress file found: see 'cursus status' to merge it.",
			     "Conflict copies of the progress file found: see 'cursus status' to merge them.",
			     a->copies_owed));
	a->copies_owed = 0;
	return true;
}

static void run_loop(struct app *a)
{
	bool looked = false;
	for (;;) {
		say_owed_copies(a);
		app_draw(a);
		/* A sync tool's conflict copies are looked for once the first
		 * frame is on the screen, which does not need them: the look
		 * reads the progress file's whole folder. */
		if (!looked) {
			looked = true;
			a->copies_owed = session_count_conflict_copies(&a->s);
			if (a->copies_owed && !a->message[0])
				continue;
		}
		int ch = getch();
		if (quit_signal)
			return;
		follow_clock(a); /* before the key: a + after midnight logs on the new day */
		if (ch == ERR) {
			reload_if_changed(a);
			continue;
		}
		if (ch == KEY_RESIZE)
			continue;
		a->message[0] = '\0';
		if (ch == KEY_MOUSE) {
			handle_mouse(a);
			continue;
		}
		if (!dispatch(a, ui_action_for_key(ch)))
			return;
	}
}

int ui_run(struct cli *cli)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs(_("cursus: the planner needs a terminal; the commands work without one "
			"(cursus --help)\n"), stderr);
		return 1;
	}
	struct app a;
	memset(&a, 0, sizeof a);
	a.cli = cli;
	a.panes[PANE_MODULES].ops = &pane_modules_ops;
	a.panes[PANE_SCHEDULE].ops = &pane_schedule_ops;
	a.panes[PANE_CERTIFICATE].ops = &pane_certificate_ops;
	/* Before curses takes the terminal, what the start found goes to
	 * stderr, as the commands say it. */
	bool opened = session_open(&a.s, cli, SESSION_READ_COPIES_LATER);
	diag_print(&a.s.cat.diags, stderr, DIAG_ERROR);
	diag_print(&a.s.diags, stderr, DIAG_WARNING);
	diag_free(&a.s.diags);
	if (!opened)
		goto cannot_open;
	if (a.s.cat.n_programs == 0) {
		cmd_say_no_specs(&a.s.cat);
		goto cannot_open;
	}
	remember_state(&a);
	a.s.today = clock_today(&a);
	struct program *p = session_find_program(&a.s);
	if (p)
		app_show_program(&a, p);
	SCREEN *scr = start_curses(cli);
	if (!scr)
		goto cannot_open;
	install_signals();
	if (!a.program)
		chooser_open(&a);
	say_broken_specs(&a);
	run_loop(&a);
	endwin();
	delscreen(scr);
	app_free(&a);
	/* Ended by a signal, the status says so, as the shell's would have
	 * had the signal killed us (SIGTERM: 143); every change was saved as
	 * it was made, and a prompt left open saved nothing. */
	return quit_signal ? 128 + quit_signal : 0;

cannot_open:
	/* The conflict copies, which the planner looks for once it is open,
	 * are said as the commands say them: one may be why it cannot. */
	session_notice_conflict_copies(&a.s);
	diag_print(&a.s.diags, stderr, DIAG_WARNING);
	app_free(&a);
	return 1;
}
