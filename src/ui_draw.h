/* Drawing primitives for the planner: text clipped and padded by display
 * width (through width.c), ASCII fallback, and the styles of each element,
 * in colour or not. Every pane draws through these. */
#ifndef CURSUS_UI_DRAW_H
#define CURSUS_UI_DRAW_H

#include <stdbool.h>

enum style {
	STYLE_NORMAL,
	STYLE_TITLE,       /* title bar */
	STYLE_HEADER,      /* a pane's name */
	STYLE_HEADER_FOCUS,
	STYLE_SELECTED,    /* the selected line of the focused pane */
	STYLE_SELECTED_DIM,/* the selected line of another pane */
	STYLE_DONE,        /* a ticked module */
	STYLE_CURRENT,     /* this week */
	STYLE_BEHIND,
	STYLE_AHEAD,
	STYLE_DIM,
	STYLE_BAR,
	STYLE_ERROR,
	STYLE_COUNT,
};

struct rect {
	int y, x, h, w;
};

/* Call once after curses starts: colours unless no_color. */
void draw_init(bool ascii, bool no_color);
bool draw_ascii(void);
int draw_attr(enum style st);
/* Writes text at (y, x), cut to w columns and padded with spaces to w. */
void draw_text(int y, int x, int w, const char *text, enum style st);
/* Like draw_text but right-aligned in w columns. */
void draw_text_right(int y, int x, int w, const char *text, enum style st);
/* A pane's heading across w columns, marked at its right end with an
 * arrow where its lines go on above or below the pane (a list longer
 * than the pane, a verdict pushed out of view), when the heading leaves
 * room for it: a heading's figure is never cut for a mark. */
void draw_pane_head(int y, int x, int w, const char *text, bool focused, bool above,
		    bool below);
/* A bar of w columns, filled to fraction (0..1). */
void draw_bar(int y, int x, int w, double fraction, enum style st);
/* The arrow that says lines go on above (up) or below: "↑"/"↓", or "^"/"v"
 * in ASCII. */
const char *draw_arrow(bool up);
/* The look of a symbol in this terminal: the UTF-8 one or its ASCII. */
const char *draw_symbol(const char *utf8, const char *ascii);

#endif
