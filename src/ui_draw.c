#include "config.h"
#include "ui_draw.h"
#include "text.h"
#include "width.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool ascii_only;
static int attrs[STYLE_COUNT];
/* A bar's full and empty cells, made once: a bar is laid as two runs of
 * them, rather than a cell at a time through addstr()'s conversion of
 * its UTF-8 (12,000 instructions for a bar of 4 cells). */
static cchar_t bar_full, bar_empty;

/* Colours on the terminal's own background (-1), so that they read on dark
 * and light themes alike; without colour, attributes carry the meaning. */
static void init_colors(void)
{
	start_color();
	use_default_colors();
	init_pair(1, COLOR_GREEN, -1);
	init_pair(2, COLOR_RED, -1);
	init_pair(3, COLOR_CYAN, -1);
	init_pair(4, COLOR_YELLOW, -1);
	attrs[STYLE_DONE] = COLOR_PAIR(1);
	attrs[STYLE_AHEAD] = COLOR_PAIR(1) | A_BOLD;
	attrs[STYLE_BEHIND] = COLOR_PAIR(2) | A_BOLD;
	attrs[STYLE_ERROR] = COLOR_PAIR(2) | A_BOLD;
	attrs[STYLE_BAR] = COLOR_PAIR(3);
	attrs[STYLE_CURRENT] = COLOR_PAIR(4) | A_BOLD;
}

void draw_init(bool ascii, bool no_color)
{
	ascii_only = ascii;
	attrs[STYLE_NORMAL] = A_NORMAL;
	attrs[STYLE_TITLE] = A_REVERSE | A_BOLD;
	attrs[STYLE_HEADER] = A_UNDERLINE;
	attrs[STYLE_HEADER_FOCUS] = A_REVERSE;
	attrs[STYLE_SELECTED] = A_REVERSE;
	attrs[STYLE_SELECTED_DIM] = A_UNDERLINE;
	attrs[STYLE_DONE] = A_DIM;
	attrs[STYLE_CURRENT] = A_BOLD;
	attrs[STYLE_BEHIND] = A_BOLD;
	attrs[STYLE_AHEAD] = A_BOLD;
	attrs[STYLE_DIM] = A_DIM;
	attrs[STYLE_BAR] = A_NORMAL;
	attrs[STYLE_ERROR] = A_BOLD | A_REVERSE;
	setcchar(&bar_full, ascii ? L"#" : L"\u2588", A_NORMAL, 0, NULL);
	setcchar(&bar_empty, ascii ? L"." : L"\u2591", A_NORMAL, 0, NULL);
	if (!no_color && has_colors())
		init_colors();
}

bool draw_ascii(void)
{
	return ascii_only;
}

int draw_attr(enum style st)
{
	return attrs[st];
}

const char *draw_symbol(const char *utf8, const char *ascii)
{
	return ascii_only ? ascii : utf8;
}

const char *draw_arrow(bool up)
{
	return up ? draw_symbol("\xE2\x86\x91", "^") : draw_symbol("\xE2\x86\x93", "v");
}

/* Whether the text goes on past byte n with more than blanks: cut there,
 * it is marked as cut. */
static bool cut_at(const char *s, size_t n)
{
	return s[n + strspn(s + n, " ")] != '\0';
}

static void put_clipped(int y, int x, int w, const char *text, enum style st, bool right)
{
	if (w <= 0)
		return;
	char *own = ascii_only ? text_ascii(text) : NULL;
	const char *s = own ? own : text;
	size_t n = width_prefix_bytes(s, (size_t)w);
	/* a text that does not fit ends with an ellipsis, as tig and htop
	 * end theirs: the reader knows there is more */
	const char *ellipsis = cut_at(s, n) ? draw_symbol("\xE2\x80\xA6", "~") : "";
	if (*ellipsis)
		n = width_prefix_bytes(s, (size_t)w - 1);
	int used = (int)width_of_n(s, n) + (*ellipsis ? 1 : 0);
	/* The blanks are laid with one hline() (which leaves the cursor
	 * where it is) rather than one addch() a cell: a frame is mostly
	 * blanks, and each addch() converts its character anew. */
	int pad = w - used;
	attrset(attrs[st]);
	if (right) {
		mvhline(y, x, ' ', pad);
		mvaddnstr(y, x + pad, s, (int)n);
	} else {
		mvaddnstr(y, x, s, (int)n);
	}
	addstr(ellipsis);
	if (!right && pad > 0)
		mvhline(y, x + used, ' ', pad);
	attrset(A_NORMAL);
	free(own);
}

void draw_text(int y, int x, int w, const char *text, enum style st)
{
	put_clipped(y, x, w, text, st, false);
}

void draw_text_right(int y, int x, int w, const char *text, enum style st)
{
	put_clipped(y, x, w, text, st, true);
}

void draw_pane_head(int y, int x, int w, const char *text, bool focused, bool above,
		    bool below)
{
	enum style st = focused ? STYLE_HEADER_FOCUS : STYLE_HEADER;
	char marks[16];
	snprintf(marks, sizeof marks, "%s%s ", above ? draw_arrow(true) : "",
		 below ? draw_arrow(false) : "");
	int mark_w = (above ? 1 : 0) + (below ? 1 : 0);
	if (mark_w == 0 || (int)width_of(text) + 1 + mark_w + 1 > w) { /* a blank between */
		draw_text(y, x, w, text, st);
		return;
	}
	draw_text(y, x, w - mark_w - 1, text, st);
	draw_text(y, x + w - mark_w - 1, mark_w + 1, marks, st);
}

void draw_bar(int y, int x, int w, double fraction, enum style st)
{
	if (w <= 0)
		return;
	if (fraction < 0)
		fraction = 0;
	if (fraction > 1)
		fraction = 1;
	int full = (int)(fraction * w + 0.5);
	attrset(attrs[st]);
	if (full > 0)
		mvhline_set(y, x, &bar_full, full);
	if (w > full)
		mvhline_set(y, x + full, &bar_empty, w - full);
	attrset(A_NORMAL);
}
