#include "config.h"
#include "export.h"
#include "human_format.h"
#include "nls.h"
#include "plan_text.h"
#include "strbuf.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* RFC 5545 §3.1: a content line is at most 75 octets, not counting CRLF. */
#define ICS_LINE_MAX 75

/* ASCII only: strcasecmp() follows the locale, and a format name is not
 * a word of the user's language. */
static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool ascii_equal_ci(const char *a, const char *b)
{
	while (*a && ascii_lower(*a) == ascii_lower(*b))
		a++, b++;
	return ascii_lower(*a) == ascii_lower(*b);
}

bool export_format_parse(const char *name, enum export_format *out)
{
	static const struct {
		const char *name;
		enum export_format fmt;
	} names[] = {
		{ "ics", EXPORT_ICS }, { "csv", EXPORT_CSV },
		{ "md", EXPORT_MD }, { "markdown", EXPORT_MD },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (ascii_equal_ci(name, names[i].name)) {
			*out = names[i].fmt;
			return true;
		}
	}
	return false;
}

static const char *program_name(const struct program *p)
{
	if (p->title && *p->title)
		return p->title;
	if (p->heading && *p->heading)
		return p->heading;
	return p->id;
}

static const struct course *slice_course(const struct program *p, const struct plan_slice *s)
{
	return s->course < p->n_courses ? &p->courses[s->course] : NULL;
}

/* "1: Title (3.9 h); 2: Title (1.1 h)", unescaped: the CSV and Markdown
 * cells of a week's courses; for people (Markdown), in their language. */
static void add_course_list(struct strbuf *sb, const struct program *p,
			    const struct plan_week *w, bool for_people)
{
	for (size_t i = 0; i < w->n_slices; i++) {
		const struct course *c = slice_course(p, &w->slices[i]);
		char h[HUMAN_MAX];
		if (for_people)
			human_hours(w->slices[i].hours, h, sizeof h);
		else
			effort_format_hours(w->slices[i].hours, h, sizeof h);
		if (!c)
			continue;
		/* TRANSLATORS: between two courses of a week in a Markdown
		 * table cell. */
		sb_adds(sb, !i ? "" : for_people ? _("; ") : "; ");
		/* TRANSLATORS: a course's number, title and hours in a
		 * Markdown table cell. */
		sb_addf(sb, for_people ? _("%d: %s (%s h)") : "%d: %s (%s h)", c->number,
			c->title ? c->title : "", h);
	}
}

/* ---- iCalendar ---- */

/* TEXT values (RFC 5545 §3.3.11). Other control characters are not
 * allowed in TEXT at all, so they are dropped rather than passed on. */
static void ics_escape(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\\' || c == ';' || c == ',') {
			sb_addc(sb, '\\');
			sb_addc(sb, *s);
		} else if (c == '\r' || c == '\n') {
			if (c == '\r' && s[1] == '\n')
				s++;
			sb_add(sb, "\\n", 2);
		} else if ((c >= 0x20 && c != 0x7f) || c == '\t') {
			sb_addc(sb, *s);
		}
	}
}

/* Folds one content line into out. A fold never falls inside a UTF-8
 * sequence: readers that decode each physical line before unfolding
 * (many do) would otherwise show replacement characters in the titles. */
static void ics_fold(struct strbuf *out, const char *line, size_t len)
{
	size_t room = ICS_LINE_MAX;
	while (len > room) {
		size_t cut = room;
		while (cut > 1 && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--;
		sb_add(out, line, cut);
		sb_add(out, "\r\n ", 3);
		line += cut;
		len -= cut;
		room = ICS_LINE_MAX - 1; /* the leading space counts */
	}
	sb_add(out, line, len);
	sb_add(out, "\r\n", 2);
}

static void ics_raw(struct strbuf *out, const char *line)
{
	ics_fold(out, line, strlen(line));
}

/* NAME:TEXT with the value escaped. */
static void ics_text(struct strbuf *out, const char *name, const char *text)
{
	struct strbuf line = {0};
	sb_adds(&line, name);
	sb_addc(&line, ':');
	ics_escape(&line, text);
	ics_fold(out, line.buf, line.len);
	sb_free(&line);
}

/* "20261123": DATE values are the ISO date without its dashes. */
static void ics_date(struct date d, char buf[9])
{
	char iso[11];
	date_format(d, iso);
	memcpy(buf, iso, 4);
	memcpy(buf + 4, iso + 5, 2);
	memcpy(buf + 6, iso + 8, 2);
	buf[8] = '\0';
}

/* "P4-A week 6: 5 h — Title one, Title two", unescaped. */
static void ics_summary(struct strbuf *sb, const struct program *p, const struct plan_week *w)
{
	char h[32];
	effort_format_hours(w->planned, h, sizeof h);
	sb_addf(sb, "%s week %d: %s h", p->id, w->number, h);
	for (size_t i = 0; i < w->n_slices; i++) {
		const struct course *c = slice_course(p, &w->slices[i]);
		if (c)
			sb_addf(sb, "%s%s", i ? ", " : " — ", c->title ? c->title : "");
	}
}

/* Planned and logged hours, then one line per course slice; unescaped. */
static void ics_description(struct strbuf *sb, const struct program *p,
			    const struct plan_week *w)
{
	char planned[32], logged[32];
	effort_format_hours(w->planned, planned, sizeof planned);
	effort_format_logged(w->logged, logged, sizeof logged);
	sb_addf(sb, "Planned: %s h\nLogged: %s h", planned, logged);
	for (size_t i = 0; i < w->n_slices; i++) {
		const struct course *c = slice_course(p, &w->slices[i]);
		char h[32];
		effort_format_hours(w->slices[i].hours, h, sizeof h);
		if (c)
			sb_addf(sb, "\nCourse %d: %s — %s h", c->number,
				c->title ? c->title : "", h);
	}
}

/* An all-day event over the week's days in the plan: Monday to Sunday,
 * but from the start in the first week and to the end in the last, whose
 * hours are those days' share. DTEND is exclusive: the day after.
 * TRANSPARENT keeps a study week from showing as busy. */
static void ics_week(struct strbuf *out, const struct program *p, const struct plan_week *w,
		     const char *stamp)
{
	char start[9], end[9], line[64];
	ics_date(w->first, start);
	ics_date(date_add_days(w->last, 1), end);

	ics_raw(out, "BEGIN:VEVENT");
	char *uid = xasprintf("cursus-%s-week-%d@cursus", p->id, w->number);
	ics_text(out, "UID", uid);
	free(uid);
	snprintf(line, sizeof line, "DTSTAMP:%sT000000Z", stamp);
	ics_raw(out, line);
	snprintf(line, sizeof line, "DTSTART;VALUE=DATE:%s", start);
	ics_raw(out, line);
	snprintf(line, sizeof line, "DTEND;VALUE=DATE:%s", end);
	ics_raw(out, line);
	struct strbuf text = {0};
	ics_summary(&text, p, w);
	ics_text(out, "SUMMARY", text.buf);
	sb_free(&text);
	ics_description(&text, p, w);
	ics_text(out, "DESCRIPTION", text.buf);
	sb_free(&text);
	ics_raw(out, "TRANSP:TRANSPARENT");
	ics_raw(out, "END:VEVENT");
}

static void write_ics(struct strbuf *out, const struct program *p, const struct plan *pl,
		      struct date stamp)
{
	char day[9];
	ics_date(stamp, day);
	ics_raw(out, "BEGIN:VCALENDAR");
	ics_raw(out, "VERSION:2.0");
	ics_raw(out, "PRODID:-//cursus//cursus " PACKAGE_VERSION "//EN");
	ics_raw(out, "CALSCALE:GREGORIAN");
	char *name = xasprintf("%s — %s", p->id, program_name(p));
	ics_text(out, "X-WR-CALNAME", name);
	free(name);
	for (size_t i = 0; i < pl->n_weeks; i++)
		ics_week(out, p, &pl->weeks[i], day);
	ics_raw(out, "END:VCALENDAR");
}

/* ---- CSV ---- */

static void csv_field(struct strbuf *out, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		sb_adds(out, s);
		return;
	}
	sb_addc(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			sb_addc(out, '"');
		sb_addc(out, *s);
	}
	sb_addc(out, '"');
}

/* A week's dates and hours as a format writes them: for machines (CSV),
 * ISO dates and a decimal point whatever the locale; for people
 * (Markdown), as the screens show them. */
struct week_text {
	char monday[HUMAN_MAX], sunday[HUMAN_MAX], planned[HUMAN_MAX], logged[HUMAN_MAX];
};

static void week_text(const struct plan_week *w, struct week_text *t, bool for_people)
{
	if (for_people) {
		human_day(w->monday, t->monday, sizeof t->monday);
		human_day(w->sunday, t->sunday, sizeof t->sunday);
		human_hours(w->planned, t->planned, sizeof t->planned);
		human_logged(w->logged, t->logged, sizeof t->logged);
		return;
	}
	date_format(w->monday, t->monday);
	date_format(w->sunday, t->sunday);
	effort_format_hours(w->planned, t->planned, sizeof t->planned);
	effort_format_logged(w->logged, t->logged, sizeof t->logged);
}

static void csv_week(struct strbuf *out, const struct program *p, const struct plan_week *w)
{
	struct week_text t;
	week_text(w, &t, false);
	sb_addf(out, "%d,%s,%s,%d,%s,%s,", w->number, t.monday, t.sunday, w->month,
		t.planned, t.logged);
	struct strbuf courses = {0};
	add_course_list(&courses, p, w, false);
	csv_field(out, courses.buf ? courses.buf : "");
	sb_free(&courses);
	sb_add(out, "\r\n", 2);
}

static void write_csv(struct strbuf *out, const struct program *p, const struct plan *pl)
{
	sb_adds(out, "week,start,end,month,planned_hours,logged_hours,courses\r\n");
	for (size_t i = 0; i < pl->n_weeks; i++)
		csv_week(out, p, &pl->weeks[i]);
}

/* ---- Markdown ---- */

/* Backslash-escapes what a title could turn into markup, and '|', which
 * would end a table cell; a line break would end the row, so it becomes a
 * space. */
static void md_escape(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\r' || *s == '\n') {
			sb_addc(out, ' ');
			if (*s == '\r' && s[1] == '\n')
				s++;
			continue;
		}
		if (strchr("\\|*_`[]<>", *s))
			sb_addc(out, '\\');
		sb_addc(out, *s);
	}
}

static void md_header(struct strbuf *out, const struct program *p, const struct plan *pl)
{
	char effort[HUMAN_MAX], pace[HUMAN_MAX], start[HUMAN_MAX], end[HUMAN_MAX];
	human_hours(pl->effort, effort, sizeof effort);
	human_hours(pl->pace, pace, sizeof pace);
	human_date(pl->start, start, sizeof start);
	human_date(pl->end, end, sizeof end);
	sb_adds(out, "# ");
	md_escape(out, program_name(p));
	sb_adds(out, "\n\n");
	md_escape(out, p->id);
	if (p->institution && *p->institution) {
		sb_adds(out, " · ");
		md_escape(out, p->institution);
	}
	sb_addf(out, ngettext("\n\n**Effort:** %s h · **Pace:** %s h/week · **Start:** %s · "
			      "**End:** %s (%d week)\n\n",
			      "\n\n**Effort:** %s h · **Pace:** %s h/week · **Start:** %s · "
			      "**End:** %s (%d weeks)\n\n", pl->length),
		effort, pace, start, end, pl->length);
}

static void md_week(struct strbuf *out, const struct program *p, const struct plan_week *w)
{
	struct week_text t;
	week_text(w, &t, true);
	/* A week to come has nothing logged yet: "-", as schedule says. */
	if (w->when == WEEK_FUTURE && w->logged <= 0)
		snprintf(t.logged, sizeof t.logged, "-");
	char month[HUMAN_MAX];
	human_month(w->thursday, month, sizeof month);
	sb_addf(out, "| %s%d | %s – %s | %s | %s h | %s%s | ",
		w->when == WEEK_CURRENT ? "▶ " : "", w->number, t.monday, t.sunday,
		month, t.planned, t.logged, strcmp(t.logged, "-") ? " h" : "");
	struct strbuf courses = {0};
	add_course_list(&courses, p, w, true);
	md_escape(out, courses.buf ? courses.buf : "");
	sb_free(&courses);
	sb_adds(out, " |\n");
}

/* Where the learner stands: the same percentage and verdicts as the
 * screens and status. */
static void md_footer(struct strbuf *out, const struct plan *pl)
{
	char work[HUMAN_MAX], studied[HUMAN_MAX], effort[HUMAN_MAX], wv[128], hv[128];
	human_hours_unit(pl->work_done, work, sizeof work);
	human_logged_unit(pl->studied, studied, sizeof studied);
	human_hours_unit(pl->effort, effort, sizeof effort);
	plan_verdict_text(plan_work_verdict(pl), wv, sizeof wv);
	plan_verdict_text(plan_hours_verdict(pl), hv, sizeof hv);
	sb_addf(out, _("\nDone %d%% of the work (%s of %s): %s. Studied %s: %s."), plan_percent(pl),
		work, effort, wv, studied, hv);
	if (pl->current >= 0 && pl->current < (long)pl->n_weeks) {
		sb_addc(out, ' ');
		sb_adds(out, _("▶ marks the current week."));
	}
	sb_addc(out, '\n');
}

/* Hours logged before the plan's first week or after its last: a row of
 * their own, as schedule gives them, so that every hour is in a row. */
static void md_outside(struct strbuf *out, const char *label, double hours)
{
	if (hours <= 0)
		return;
	char logged[HUMAN_MAX];
	human_logged_unit(hours, logged, sizeof logged);
	sb_addf(out, "| | %s | | | %s | |\n", label, logged);
}

static void write_md(struct strbuf *out, const struct program *p, const struct plan *pl)
{
	md_header(out, p, pl);
	sb_adds(out, _("| Week | Dates | Month | Planned | Logged | Courses |\n"));
	sb_adds(out, "| ---: | --- | ---: | ---: | ---: | --- |\n");
	md_outside(out, _("Before the plan's first week"), pl->logged_before);
	for (size_t i = 0; i < pl->n_weeks; i++)
		md_week(out, p, &pl->weeks[i]);
	md_outside(out, _("After the plan's last week"), pl->logged_after);
	md_footer(out, pl);
}

char *export_plan(enum export_format fmt, const struct program *p, const struct plan *pl,
		  struct date stamp, size_t *len)
{
	struct strbuf out = {0};
	switch (fmt) {
	case EXPORT_ICS:
		write_ics(&out, p, pl, stamp);
		break;
	case EXPORT_CSV:
		write_csv(&out, p, pl);
		break;
	case EXPORT_MD:
		write_md(&out, p, pl);
		break;
	}
	if (len)
		*len = out.len;
	return sb_steal(&out);
}
