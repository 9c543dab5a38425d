#include "config.h"
#include "certificate.h"
#include "cmd_json.h"
#include "session.h"

#include <json-c/json.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Hours rounded to the hundredth, written with a decimal point whatever
 * the locale: the digits are made from integers, not by printf("%f"), and
 * json-c writes the string as it is. Always one decimal at least ("5.0"),
 * so that a reader never sees an hour count change type. */
static json_object *hours(double x)
{
	if (!isfinite(x) || fabs(x) > 1e12)
		return NULL; /* null: no plan figure is that large */
	long long c = llround(x * 100);
	long long a = c < 0 ? -c : c;
	char buf[48];
	int n = snprintf(buf, sizeof buf, "%s%lld.%02lld", c < 0 ? "-" : "", a / 100, a % 100);
	if (n > 0 && buf[n - 1] == '0' && buf[n - 2] != '.')
		buf[n - 1] = '\0';
	return json_object_new_double_s((double)c / 100, buf);
}

static json_object *date(struct date d)
{
	char buf[16];
	date_format(d, buf);
	return json_object_new_string(buf);
}

static json_object *string_or_null(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

static json_object *count(size_t n)
{
	return json_object_new_int64(n > INT64_MAX ? INT64_MAX : (int64_t)n);
}

static void add(json_object *obj, const char *key, json_object *value)
{
	json_object_object_add(obj, key, value);
}

/* One document, pretty-printed, newline-terminated; json-c frees it. */
static int write_document(json_object *doc)
{
	const char *text = json_object_to_json_string_ext(doc, JSON_C_TO_STRING_PRETTY |
							   JSON_C_TO_STRING_NOSLASHESCAPE);
	int status = 0;
	if (!text || fputs(text, stdout) == EOF || putchar('\n') == EOF)
		status = 1; /* cli_main reports what stdout could not take */
	json_object_put(doc);
	return status;
}

static const char *state_name(enum cert_state state)
{
	switch (state) {
	case CERT_NOT_CHOSEN: return "not_chosen";
	case CERT_NOT_STARTED: return "not_started";
	case CERT_IN_PROGRESS: return "in_progress";
	case CERT_ALL_DONE: return "all_done";
	case CERT_EARNED: return "earned";
	}
	return "unknown";
}

static const char *verdict_name(enum verdict_kind kind)
{
	switch (kind) {
	case VERDICT_NOT_STARTED: return "not_started";
	case VERDICT_ON_PLAN: return "on_plan";
	case VERDICT_AHEAD: return "ahead";
	case VERDICT_BEHIND: return "behind";
	case VERDICT_DONE: return "done";
	}
	return "unknown";
}

static const char *projection_name(enum projection_kind kind)
{
	switch (kind) {
	case PROJECTION_DONE: return "done";
	case PROJECTION_PLAN: return "plan";
	case PROJECTION_PACE: return "pace";
	case PROJECTION_NONE: return "none";
	}
	return "unknown";
}

static const char *week_name(enum week_time when)
{
	switch (when) {
	case WEEK_PAST: return "past";
	case WEEK_CURRENT: return "current";
	case WEEK_FUTURE: return "future";
	}
	return "unknown";
}

static json_object *verdict(struct verdict v)
{
	json_object *o = json_object_new_object();
	add(o, "verdict", json_object_new_string(verdict_name(v.kind)));
	add(o, "hours", hours(v.hours));
	return o;
}

/* The projection's date is the plan's end or the pace's; "done" and
 * "none" have none. */
static json_object *projection(const struct plan *pl)
{
	json_object *o = json_object_new_object();
	add(o, "kind", json_object_new_string(projection_name(pl->projection)));
	bool dated = pl->projection == PROJECTION_PLAN || pl->projection == PROJECTION_PACE;
	add(o, "date", dated ? date(pl->projected) : NULL);
	return o;
}

/* The figures both documents open with. */
static void add_plan_head(json_object *o, const struct plan *pl)
{
	add(o, "effort_hours", hours(pl->effort));
	add(o, "pace_hours_per_week", hours(pl->pace));
	add(o, "plan_start", date(pl->start));
	add(o, "plan_end", date(pl->end));
	add(o, "plan_weeks", json_object_new_int(pl->length));
}

int cmd_json_status(struct session *s, struct program_view *v, void *ctx)
{
	(void)ctx;
	const struct program *p = v->program;
	const struct plan *pl = &v->plan;
	struct cert_status st;
	certificate_status(&st, p, &v->outline, v->progress, &v->done, pl,
			   session_is_chosen(s, p));

	json_object *o = json_object_new_object();
	add(o, "id", json_object_new_string(p->id));
	add(o, "title", string_or_null(p->title));
	add(o, "group", string_or_null(p->group));
	char option[2] = { p->option, '\0' };
	add(o, "option", p->option ? json_object_new_string(option) : NULL);
	add(o, "state", json_object_new_string(state_name(st.state)));
	add(o, "today", date(s->today));
	add(o, "percent_done", json_object_new_int(plan_percent(pl)));
	add(o, "courses_done", count(st.courses_done));
	add(o, "courses", count(st.n_courses));
	add(o, "modules_done", count(v->done.leaves_done));
	add(o, "modules", count(v->done.leaves));
	add_plan_head(o, pl);
	add(o, "planned_to_date_hours", hours(pl->planned_to_date));
	add(o, "planned_by_week_end_hours", hours(pl->planned_by_week_end));
	add(o, "work_done_hours", hours(pl->work_done));
	add(o, "hours_studied", hours(pl->studied));
	add(o, "work", verdict(plan_work_verdict(pl)));
	add(o, "hours", verdict(plan_hours_verdict(pl)));
	/* As in the text: a recent pace only once there is one to measure. */
	add(o, "recent_pace_hours_per_week", pl->pace_measured ? hours(pl->recent_pace) : NULL);
	add(o, "projection", projection(pl));
	add(o, "overloaded", json_object_new_boolean(pl->overloaded));
	add(o, "end_at_pace", pl->overloaded ? date(pl->end_at_pace) : NULL);
	add(o, "earned_on", st.state == CERT_EARNED ? date(st.earned_on) : NULL);
	add(o, "orphan_ticks", count(v->done.n_orphans));
	return write_document(o);
}

/* Before any choice: the choices there are to make, one per group, in the
 * catalogue's order (as the text form lists them). */
int cmd_json_status_unchosen(struct session *s)
{
	json_object *choices = json_object_new_array();
	for (size_t i = 0; i < s->cat.n_programs; i++) {
		const struct program *p = s->cat.programs[i];
		if (i > 0 && strcasecmp(s->cat.programs[i - 1]->group, p->group) == 0)
			continue;
		json_object *options = json_object_new_array();
		for (size_t k = i; k < s->cat.n_programs &&
				   strcasecmp(s->cat.programs[k]->group, p->group) == 0; k++)
			json_object_array_add(options,
					      json_object_new_string(s->cat.programs[k]->id));
		json_object *choice = json_object_new_object();
		add(choice, "group", json_object_new_string(p->group));
		add(choice, "options", options);
		json_object_array_add(choices, choice);
	}
	json_object *o = json_object_new_object();
	add(o, "state", json_object_new_string(state_name(CERT_NOT_CHOSEN)));
	add(o, "choices", choices);
	return write_document(o);
}

static json_object *week(const struct plan_week *w, const struct program *p)
{
	json_object *o = json_object_new_object();
	add(o, "number", json_object_new_int(w->number));
	add(o, "monday", date(w->monday));
	add(o, "sunday", date(w->sunday));
	add(o, "first", date(w->first));
	add(o, "last", date(w->last));
	add(o, "month", json_object_new_int(w->month));
	add(o, "calendar_month", json_object_new_int(w->thursday.month));
	add(o, "planned_hours", hours(w->planned));
	add(o, "logged_hours", hours(w->logged));
	add(o, "when", json_object_new_string(week_name(w->when)));
	json_object *courses = json_object_new_array();
	for (size_t i = 0; i < w->n_slices; i++) {
		json_object *slice = json_object_new_object();
		add(slice, "number", json_object_new_int(p->courses[w->slices[i].course].number));
		add(slice, "hours", hours(w->slices[i].hours));
		json_object_array_add(courses, slice);
	}
	add(o, "courses", courses);
	return o;
}

/* A course's hours as the spec states them (null when it gives none, as
 * the text says "no hours published") beside the plan's. */
static json_object *course(const struct program *p, const struct plan *pl, size_t c)
{
	json_object *o = json_object_new_object();
	add(o, "number", json_object_new_int(p->courses[c].number));
	add(o, "title", string_or_null(p->courses[c].title));
	add(o, "stated_hours", p->courses[c].hours > 0 ? hours(p->courses[c].hours) : NULL);
	add(o, "planned_hours", hours(pl->course_hours[c]));
	return o;
}

int cmd_json_schedule(struct session *s, struct program_view *v, void *ctx)
{
	(void)ctx;
	const struct program *p = v->program;
	const struct plan *pl = &v->plan;
	json_object *o = json_object_new_object();
	add(o, "id", json_object_new_string(p->id));
	add(o, "title", string_or_null(p->title));
	add(o, "today", date(s->today));
	add_plan_head(o, pl);
	json_object *weeks = json_object_new_array();
	for (size_t w = 0; w < pl->n_weeks; w++)
		json_object_array_add(weeks, week(&pl->weeks[w], p));
	add(o, "weeks", weeks);
	add(o, "logged_before_hours", hours(pl->logged_before));
	add(o, "logged_after_hours", hours(pl->logged_after));
	json_object *courses = json_object_new_array();
	for (size_t c = 0; c < p->n_courses; c++)
		json_object_array_add(courses, course(p, pl, c));
	add(o, "courses", courses);
	add(o, "overloaded", json_object_new_boolean(pl->overloaded));
	add(o, "end_at_pace", pl->overloaded ? date(pl->end_at_pace) : NULL);
	return write_document(o);
}
