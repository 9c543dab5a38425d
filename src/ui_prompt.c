/* A one-line prompt on the bottom line: UTF-8 text, Backspace, ^U to clear,
 * Enter to accept, Esc to cancel. The screen is redrawn under it on every
 * key, a resize included. */
#include "config.h"
#include "ui_app.h"
#include "width.h"

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define KEY_ESC 27
#define CTRL_U 21

/* Drops the last UTF-8 character of buf. */
static void backspace(char *buf)
{
	size_t n = strlen(buf);
	while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
		n--;
	if (n > 0)
		n--;
	buf[n] = '\0';
}

static void append(char *buf, size_t size, wint_t wc)
{
	char mb[MB_LEN_MAX];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(mb, (wchar_t)wc, &st);
	size_t len = strlen(buf);
	if (n == (size_t)-1 || len + n + 1 > size)
		return;
	memcpy(buf + len, mb, n);
	buf[len + n] = '\0';
}

static void draw_prompt(struct app *a, void (*draw)(struct app *), const char *label,
			const char *buf)
{
	a->message[0] = '\0';
	draw(a);
	int y = a->rows - 1;
	char line[512];
	snprintf(line, sizeof line, "%s%s", label, buf);
	/* Keep the end of what is typed in view. */
	const char *shown = line;
	while (*shown && (int)width_of(shown) > a->cols - 1)
		shown++;
	draw_text(y, 0, a->cols, shown, STYLE_NORMAL);
	curs_set(1);
	move(y, (int)width_of(shown) < a->cols ? (int)width_of(shown) : a->cols - 1);
	refresh();
}

bool ui_prompt(struct app *a, void (*draw)(struct app *), const char *label, char *buf,
	       size_t size)
{
	bool accepted = false;
	for (;;) {
		draw_prompt(a, draw, label, buf);
		wint_t wc;
		int kind = get_wch(&wc);
		if (ui_quit_requested())
			break;
		if (kind == ERR)
			continue; /* the poll timeout: keep waiting */
		if (kind == KEY_CODE_YES) {
			if (wc == KEY_BACKSPACE)
				backspace(buf);
			else if (wc == KEY_ENTER) {
				accepted = true;
				break;
			}
			continue; /* KEY_RESIZE and the rest: redraw */
		}
		if (wc == '\n' || wc == '\r') {
			accepted = true;
			break;
		}
		if (wc == KEY_ESC)
			break;
		if (wc == 127 || wc == 8)
			backspace(buf);
		else if (wc == CTRL_U)
			buf[0] = '\0';
		else if (wc >= 32)
			append(buf, size, wc);
	}
	curs_set(0);
	return accepted;
}
