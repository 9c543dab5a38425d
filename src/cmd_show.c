#include "config.h"
#include "cmd.h"
#include "human_format.h"
#include "links.h"
#include "nls.h"
#include "plan_text.h"
#include "session.h"
#include "strbuf.h"
#include "text.h"
#include "width.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A label in a column of 12 (by display width: a translated label may
 * carry accents), then its value. */
static void print_label(const char *label)
{
	width_print_padded(stdout, label, 12);
	putchar(' ');
}

static void print_field(const char *label, const char *value)
{
	if (value && *value) {
		print_label(label);
		printf("%s\n", value);
	}
}

static void print_header(const struct program *p)
{
	printf("%s", p->id);
	if (p->option) {
		fputs("  ", stdout);
		printf(_("Option %c"), p->option);
	}
	printf("  %s%s%s\n", p->icon ? p->icon : "", p->icon ? " " : "",
	       p->title ? p->title : "");
	char effort[96];
	effort_describe(&p->effort, effort, sizeof effort);
	print_field(_("Institution:"), p->institution);
	if (effort[0] && p->effort_text && strcmp(effort, p->effort_text) != 0) {
		print_label(_("Effort:"));
		printf("%s (%s)\n", effort, p->effort_text);
	} else {
		print_field(_("Effort:"), p->effort_text);
	}
	print_field(_("Price:"), p->price);
	print_field(_("Prestige:"), p->prestige);
	print_field(_("Badge:"), p->badge);
	print_field(_("Status:"), p->status);
	print_field(_("URL:"), p->url);
	for (size_t i = 0; i < p->n_extra_keys; i++) {
		char label[64];
		/* TRANSLATORS: a key of the spec's front matter, as a label. */
		snprintf(label, sizeof label, _("%s:"), p->extra_keys[i].key);
		print_field(label, p->extra_keys[i].value);
	}
}

/* Prints a block of text with every line indented. */
static void print_indented(const char *text, const char *indent)
{
	const char *s = text;
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		if (n)
			printf("%s%.*s\n", indent, (int)n, s);
		else
			putchar('\n');
		s += n + (nl ? 1 : 0);
	}
}

static void print_list(const char *title, const struct strv *items, const char *bullet)
{
	if (items->n == 0)
		return;
	printf("\n%s\n", title);
	for (size_t i = 0; i < items->n; i++) {
		const char *item = items->v[i];
		size_t depth = strspn(item, " ");
		printf("  %*s%s%s\n", (int)depth, "", bullet, item + depth);
	}
}

static void print_course_skills(const struct course *c)
{
	if (c->skills.n == 0)
		return;
	printf("  %s ", _("Skills:"));
	for (size_t k = 0; k < c->skills.n; k++)
		printf("%s%s", k ? _("; ") : "", c->skills.v[k] + strspn(c->skills.v[k], " "));
	putchar('\n');
}

/* Every course and topic as "PATH [x] TITLE", so that tick can be used
 * without guessing. */
static void print_courses(const struct program *p, const struct outline *o,
			  const struct completion *done)
{
	if (p->n_courses == 0)
		return;
	char stated[HUMAN_MAX] = "", total[HUMAN_MAX] = "";
	double sum = spec_stated_course_hours(p);
	if (sum > 0)
		human_hours(sum, stated, sizeof stated);
	if (p->effort.known & EFFORT_HOURS)
		human_hours(p->effort.hours, total, sizeof total);
	/* TRANSLATORS: the heading of show's courses, "Courses (6; 88 h
	 * stated; 90 h effort)", in three pieces. */
	printf(_("\nCourses (%zu"), p->n_courses);
	if (stated[0])
		printf(_("; %s h stated"), stated);
	if (total[0])
		printf(_("; %s h effort"), total);
	printf(")\n");
	double *hours = plan_course_hours(p);
	for (size_t i = 0; i < o->n; i++) {
		const struct module *m = &o->modules[i];
		printf("%*s%s [%c] %s", m->depth * 2, "", m->path, done->done[i] ? 'x' : ' ',
		       m->title);
		const struct course *c = &p->courses[m->course];
		if (m->depth == 0) {
			char h[128];
			plan_course_hours_text(p, hours, m->course, h, sizeof h);
			printf(" (%s)", h);
		}
		putchar('\n');
		if (i + 1 == o->n || o->modules[i + 1].depth == 0)
			print_course_skills(c);
	}
	free(hours);
}

static void print_certificate(const struct certificate_facts *cf)
{
	if (cf->lines.n == 0 && cf->rating < 0)
		return;
	printf("\n%s\n", _("Certificate"));
	struct strbuf facts = {0};
	char n[HUMAN_MAX], scale[HUMAN_MAX];
	if (cf->rating >= 0) {
		human_number(cf->rating, n, sizeof n);
		human_number(cf->rating_scale, scale, sizeof scale);
		/* TRANSLATORS: a rating out of a scale, "rating 4.7/5". */
		sb_addf(&facts, _("rating %s/%s"), n, scale);
	}
	if (cf->reviews >= 0) {
		human_count(cf->reviews, n, sizeof n);
		sb_addf(&facts, "%s", facts.len ? ", " : "");
		sb_addf(&facts, ngettext("%s review", "%s reviews", (unsigned long)cf->reviews), n);
	}
	if (cf->enrolled >= 0) {
		human_count(cf->enrolled, n, sizeof n);
		sb_addf(&facts, "%s", facts.len ? ", " : "");
		sb_addf(&facts, ngettext("%s enrolled", "%s enrolled", (unsigned long)cf->enrolled),
			n);
	}
	if (facts.len)
		printf("  (%s)\n", facts.buf);
	sb_free(&facts);
	for (size_t i = 0; i < cf->lines.n; i++) {
		const char *item = cf->lines.v[i];
		size_t depth = strspn(item, " ");
		printf("  %*s- %s\n", (int)depth, "", item + depth);
	}
}

/* How a link was written: "<other.md>", "[[other]]". */
static void print_link_written(const struct link *l)
{
	if (l->kind != LINK_WIKI)
		printf("  - %s <%s>", l->text, l->target);
	else if (strcmp(l->text, l->target) == 0)
		printf("  - [[%s]]", l->target);
	else
		printf("  - %s [[%s]]", l->text, l->target);
}

/* Every link of the body, and where it leads in the vault. */
static void print_links(const struct catalog *cat, const struct program *p)
{
	if (p->n_links == 0 && p->link_items.n == 0)
		return;
	printf("\n%s\n", _("Links"));
	struct link_resolution *r = links_resolve(p->path, p->links, p->n_links, &cat->dirs,
						  &cat->notes);
	for (size_t i = 0; i < p->n_links; i++) {
		print_link_written(&p->links[i]);
		if (r[i].state == LINK_PRESENT) {
			/* a file's name is the learner's, not ours to trust */
			char *where = text_visible_controls(r[i].relative);
			fputs("  ", stdout);
			/* TRANSLATORS: where a link's note is in the vault. */
			printf(_("present: %s"), where);
			free(where);
		} else if (r[i].state != LINK_IS_WEB) {
			fputs("  ", stdout);
			/* TRANSLATORS: a link's state ("missing", "outside the
			 * vault"), then the spec's line it is written on. */
			printf(_("%s (line %d)"), link_state_name(r[i].state), p->links[i].line);
		}
		putchar('\n');
	}
	links_free(r, p->n_links);
	for (size_t i = 0; i < p->link_items.n; i++)
		printf("  - %s\n", p->link_items.v[i]);
}

static void print_program(const struct catalog *cat, const struct program *p,
			  const struct outline *o, const struct completion *done)
{
	print_header(p);
	if (p->description && *p->description) {
		printf("\n%s\n", _("Description"));
		print_indented(p->description, "  ");
	}
	print_courses(p, o, done);
	print_list(_("Objectives"), &p->objectives, "- ");
	print_list(_("Skills"), &p->skills, "- ");
	print_list(_("Instructor"), &p->instructor, "");
	print_list(_("Format"), &p->format, "- ");
	print_certificate(&p->certificate);
	print_list(_("Choose if"), &p->choose_if, "- ");
	print_list(_("Watch out"), &p->watch_out, "- ");
	print_links(cat, p);
	for (size_t i = 0; i < p->n_sections; i++) {
		printf("\n%s\n", p->sections[i].title);
		print_indented(p->sections[i].text, "  ");
	}
}

int cmd_show(struct cli *cli)
{
	if (cli->argc != 1) {
		fputs(_("cursus: usage: cursus show ID\n"), stderr);
		return 1;
	}
	struct session s;
	if (!session_open(&s, cli, SESSION_READ)) {
		cmd_report(&s);
		session_close(&s);
		return 1;
	}
	int status = 1;
	struct program *p = catalog_find(&s.cat, cli->argv[0]);
	struct diag_list diags = {0};
	if (!p) {
		fprintf(stderr, _("cursus: no program with id '%s' (see 'cursus list')\n"),
			cli->argv[0]);
	} else if (spec_load_body(p, &diags)) {
		struct outline o;
		struct completion done;
		outline_build(&o, p);
		completion_compute(&done, &o, progress_find(&s.progress, p->id));
		print_program(&s.cat, p, &o, &done);
		completion_free(&done);
		outline_free(&o);
		status = 0;
	}
	diag_print(&diags, stderr, DIAG_ERROR);
	diag_free(&diags);
	cmd_report(&s);
	session_close(&s);
	return status;
}
