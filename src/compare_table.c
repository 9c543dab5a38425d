/* The comparison of options side by side, as lines of text: one column a
 * program, each value wrapped by display width. Shared by `cursus compare`
 * and the planner's option chooser. */
#include "config.h"
#include "compare_table.h"
#include "effort.h"
#include "human_format.h"
#include "nls.h"
#include "strbuf.h"
#include "width.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Narrower columns would break most words. */
#define COMPARE_MIN_COLUMN 12
#define COMPARE_GAP 2


/* One row of the table: fill adds the program's value to cell as logical
 * lines, and adds nothing when the spec does not say. */
struct row {
	const char *label;
	void (*fill)(const struct program *p, struct strv *cell);
	bool list;  /* one "- item" per line, set apart by a blank line */
};

static void fill_text(const char *value, struct strv *cell)
{
	if (value && value[strspn(value, " \t\n")] != '\0')
		strv_push(cell, xstrdup(value));
}

static void fill_title(const struct program *p, struct strv *cell)
{
	fill_text(p->title ? p->title : p->heading, cell);
}

static void fill_institution(const struct program *p, struct strv *cell)
{
	fill_text(p->institution, cell);
}

static void fill_number(double v, const char *unit, struct strv *cell)
{
	char n[HUMAN_MAX];
	human_hours(v, n, sizeof n);
	strv_push(cell, xasprintf("%s%s", n, unit));
}

/* An effort with no number in it is still worth reading as written. */
static void fill_effort(const struct program *p, struct strv *cell)
{
	if (p->effort.known & EFFORT_HOURS)
		fill_number(p->effort.hours, " h", cell);
	else if (p->effort.known == 0)
		fill_text(p->effort_text, cell);
}

static void fill_months(const struct program *p, struct strv *cell)
{
	if (p->effort.known & EFFORT_MONTHS)
		fill_number(p->effort.months, "", cell);
}

static void fill_pace(const struct program *p, struct strv *cell)
{
	if (p->effort.known & EFFORT_PACE)
		fill_number(p->effort.hours_per_week, "", cell);
}

static void fill_price(const struct program *p, struct strv *cell)
{
	fill_text(p->price, cell);
}

static void fill_prestige(const struct program *p, struct strv *cell)
{
	fill_text(p->prestige, cell);
}

static void fill_courses(const struct program *p, struct strv *cell)
{
	if (p->n_courses == 0)
		return;
	double stated = spec_stated_course_hours(p);
	if (stated > 0) {
		char h[HUMAN_MAX];
		human_hours(stated, h, sizeof h);
		/* TRANSLATORS: the number of courses, then the hours the spec
		 * states for them. */
		strv_push(cell, xasprintf(_("%zu (%s h stated)"), p->n_courses, h));
	} else {
		strv_push(cell, xasprintf("%zu", p->n_courses));
	}
}

static void fill_rating(const struct program *p, struct strv *cell)
{
	const struct certificate_facts *cf = &p->certificate;
	struct strbuf sb = {0};
	if (cf->rating >= 0) {
		char rating[HUMAN_MAX], scale[HUMAN_MAX];
		human_number(cf->rating, rating, sizeof rating);
		human_number(cf->rating_scale, scale, sizeof scale);
		sb_addf(&sb, "%s/%s", rating, scale);
	}
	if (cf->reviews >= 0) {
		char n[HUMAN_MAX], reviews[HUMAN_MAX];
		human_count(cf->reviews, n, sizeof n);
		snprintf(reviews, sizeof reviews, ngettext("%s review", "%s reviews",
							   (unsigned long)cf->reviews), n);
		sb_addf(&sb, sb.len ? " (%s)" : "%s", reviews);
	}
	if (sb.len)
		strv_push(cell, sb_steal(&sb));
	sb_free(&sb);
}

static void fill_list(const struct strv *items, struct strv *cell)
{
	for (size_t i = 0; i < items->n; i++)
		strv_push(cell, xstrdup(items->v[i]));
}

static void fill_choose_if(const struct program *p, struct strv *cell)
{
	fill_list(&p->choose_if, cell);
}

static void fill_watch_out(const struct program *p, struct strv *cell)
{
	fill_list(&p->watch_out, cell);
}

static const struct row rows[] = {
	{ N_("Title"), fill_title, false },
	{ N_("Institution"), fill_institution, false },
	{ N_("Effort"), fill_effort, false },
	{ N_("Months"), fill_months, false },
	{ N_("Hours/week"), fill_pace, false },
	{ N_("Price"), fill_price, false },
	{ N_("Prestige"), fill_prestige, false },
	{ N_("Courses"), fill_courses, false },
	{ N_("Rating"), fill_rating, false },
	{ N_("Choose if"), fill_choose_if, true },
	{ N_("Watch out"), fill_watch_out, true },
};

#define N_ROWS (sizeof rows / sizeof rows[0])
#define ID_LABEL N_("Id")

/* Bytes of the next run of text up to white space. */
static size_t word_len(const char *s)
{
	return strcspn(s, " \t\n");
}

static const char *skip_space(const char *s)
{
	return s + strspn(s, " \t\n");
}

/* Bytes of the longest start of s that fits in avail columns; at least
 * one character, so that a double-width one in a tiny column still moves
 * on. */
static size_t cut_word(const char *s, size_t len, size_t avail)
{
	size_t cut = width_prefix_bytes(s, avail);
	if (cut == 0)
		cut = width_prefix_bytes(s, 2);
	return cut == 0 || cut > len ? len : cut;
}

/* Fills one physical line (after its prefix) from *s; returns where the
 * rest starts. Breaks at white space, and inside a word only when the word
 * alone is wider than the line. */
static const char *wrap_line(const char *s, size_t avail, struct strbuf *line)
{
	size_t used = 0;
	while (*s) {
		size_t len = word_len(s);
		size_t w = width_of_n(s, len);
		size_t need = (used ? 1 : 0) + w;
		if (used + need <= avail) {
			if (used)
				sb_addc(line, ' ');
			sb_add(line, s, len);
			used += need;
			s = skip_space(s + len);
			continue;
		}
		if (used == 0) {
			size_t cut = cut_word(s, len, avail);
			sb_add(line, s, cut);
			s += cut;
		}
		break;
	}
	return s;
}

/* Wraps text to width display columns; the first line starts with first,
 * the others with rest, which must be as wide. */
static void wrap_text(const char *text, size_t width, const char *first,
		      const char *rest, struct strv *out)
{
	size_t pw = width_of(first);
	size_t avail = width > pw ? width - pw : 1;
	const char *s = skip_space(text);
	const char *prefix = first;
	do {
		struct strbuf line = {0};
		sb_adds(&line, prefix);
		s = wrap_line(s, avail, &line);
		strv_push(out, sb_steal(&line));
		prefix = rest;
	} while (*s);
}

/* A list item as "- item", its nesting kept as indentation, and its
 * continuation lines under its text rather than under the dash. */
static void wrap_item(const char *item, size_t width, struct strv *out)
{
	size_t depth = strspn(item, " ");
	if (depth > width / 3)  /* deep nesting must leave room for words */
		depth = width / 3;
	char *first = xasprintf("%*s- ", (int)depth, "");
	char *rest = xasprintf("%*s  ", (int)depth, "");
	wrap_text(item, width, first, rest, out);
	free(first);
	free(rest);
}

static void wrap_cell(const struct strv *cell, bool list, size_t width,
		      struct strv *out)
{
	if (cell->n == 0)
		strv_push(out, xstrdup("-"));
	for (size_t i = 0; i < cell->n; i++) {
		if (list)
			wrap_item(cell->v[i], width, out);
		else
			wrap_text(cell->v[i], width, "", "", out);
	}
}

static void pad_to(struct strbuf *line, const char *text, size_t width)
{
	sb_adds(line, text);
	for (size_t w = width_of(text); w < width; w++)
		sb_addc(line, ' ');
}

/* Prints the label and each program's lines in its column. Trailing
 * blanks are dropped, so that short last columns leave no white space
 * for editors and diffs to trip on. */
static void print_row(const char *label, struct strv *cells, size_t n,
		      bool list, const struct compare_layout *lay, struct strv *out)
{
	struct strv *wrapped = xcalloc(n, sizeof *wrapped);
	size_t height = 0;
	for (size_t i = 0; i < n; i++) {
		wrap_cell(&cells[i], list, lay->col_w, &wrapped[i]);
		if (wrapped[i].n > height)
			height = wrapped[i].n;
	}
	for (size_t l = 0; l < height; l++) {
		struct strbuf line = {0};
		pad_to(&line, l == 0 ? label : "", lay->label_w);
		for (size_t i = 0; i < n; i++) {
			sb_adds(&line, "  ");
			pad_to(&line, l < wrapped[i].n ? wrapped[i].v[l] : "", lay->col_w);
		}
		while (line.len > 0 && line.buf[line.len - 1] == ' ')
			line.buf[--line.len] = '\0';
		strv_push(out, sb_steal(&line));
	}
	for (size_t i = 0; i < n; i++)
		strv_free(&wrapped[i]);
	free(wrapped);
}

static void free_cells(struct strv *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strv_free(&cells[i]);
}

static void print_header(struct program *const *v, size_t n, const struct compare_layout *lay,
			 struct strv *out)
{
	struct strv *cells = xcalloc(n, sizeof *cells);
	for (size_t i = 0; i < n; i++) {
		if (v[i]->option)
			strv_push(&cells[i], xasprintf(_("Option %c"), v[i]->option));
		else
			strv_push(&cells[i], xstrdup(v[i]->id));
	}
	print_row("", cells, n, false, lay, out);
	free_cells(cells, n);
	for (size_t i = 0; i < n; i++)
		strv_push(&cells[i], xstrdup(v[i]->id));
	print_row(_(ID_LABEL), cells, n, false, lay, out);
	free_cells(cells, n);
	free(cells);
}

static size_t label_width(void)
{
	size_t w = width_of(_(ID_LABEL));
	for (size_t r = 0; r < N_ROWS; r++)
		if (width_of(_(rows[r].label)) > w)
			w = width_of(_(rows[r].label));
	return w;
}

static struct compare_layout table_layout(size_t n, size_t total)
{
	struct compare_layout lay = { label_width(), COMPARE_MIN_COLUMN, COMPARE_GAP };
	size_t fixed = lay.label_w + COMPARE_GAP * n;
	if (total > fixed && (total - fixed) / n > lay.col_w)
		lay.col_w = (total - fixed) / n;
	return lay;
}

void compare_table(struct program *const *v, size_t n, size_t total, struct strv *out,
		   struct compare_layout *layout)
{
	struct compare_layout lay = table_layout(n, total);
	if (layout)
		*layout = lay;
	print_header(v, n, &lay, out);
	struct strv *cells = xcalloc(n, sizeof *cells);
	for (size_t r = 0; r < N_ROWS; r++) {
		bool any = false;
		for (size_t i = 0; i < n; i++) {
			rows[r].fill(v[i], &cells[i]);
			any |= cells[i].n > 0;
		}
		if (any) {
			if (rows[r].list)
				strv_push(out, xstrdup(""));
			print_row(_(rows[r].label), cells, n, rows[r].list, &lay, out);
		}
		free_cells(cells, n);
	}
	free(cells);
}

