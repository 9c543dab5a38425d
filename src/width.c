#include "config.h"
#include "width.h"
#include "utf8.h"
#include "xalloc.h"

#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

/* A private UTF-8 locale, used only by this file through uselocale(), so
 * that the program's own locale (which decides what curses writes) is left
 * alone. */
static locale_t utf8_locale(void)
{
	static locale_t loc = (locale_t)0;
	static int tried;
	if (!tried) {
		tried = 1;
		loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	}
	return loc;
}

/* Decodes one character at s (at most n bytes); returns its byte length
 * and its width in *cols. Invalid bytes are one byte, one column. */
static size_t next_char(const char *s, size_t n, size_t *cols)
{
	uint32_t cp;
	size_t len = utf8_decode((const unsigned char *)s, n, &cp);
	if (len == 0) {
		*cols = 1;
		return 1;
	}
	int w = wcwidth((wchar_t)cp);
	*cols = w < 0 ? 1 : (size_t)w;
	return len;
}

/* Plain ASCII text, the most common case, is as wide as it is long. */
static bool plain_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7F)
			return false;
	return true;
}

struct locale_guard {
	locale_t saved;
	int active;
};

static struct locale_guard enter_utf8(void)
{
	struct locale_guard g = { (locale_t)0, 0 };
	locale_t loc = utf8_locale();
	if (loc) {
		g.saved = uselocale(loc);
		g.active = 1;
	}
	return g;
}

static void leave_utf8(struct locale_guard g)
{
	if (g.active)
		uselocale(g.saved);
}

size_t width_of_n(const char *s, size_t n)
{
	if (plain_ascii(s, n))
		return n;
	struct locale_guard g = enter_utf8();
	size_t total = 0, i = 0;
	while (i < n) {
		size_t cols;
		i += next_char(s + i, n - i, &cols);
		total += cols;
	}
	leave_utf8(g);
	return total;
}

size_t width_of(const char *s)
{
	return width_of_n(s, strlen(s));
}

size_t width_prefix_bytes(const char *s, size_t max)
{
	/* An ASCII byte is one column, a control one too (next_char): most
	 * of a screen's text is measured here, without a look-up. */
	size_t n = strlen(s), i = 0;
	while (i < n && i < max && (unsigned char)s[i] < 0x80)
		i++;
	if (i == n)
		return i;
	size_t used = i;
	struct locale_guard g = enter_utf8();
	while (i < n) {
		size_t cols;
		size_t len = next_char(s + i, n - i, &cols);
		if (used + cols > max)
			break;
		used += cols;
		i += len;
	}
	/* Keep combining marks and variation selectors with their base. */
	while (i < n) {
		size_t cols;
		size_t len = next_char(s + i, n - i, &cols);
		if (cols != 0)
			break;
		i += len;
	}
	leave_utf8(g);
	return i;
}

char *width_truncate(const char *s, size_t max, int ascii)
{
	if (width_of(s) <= max)
		return xstrdup(s);
	if (max == 0)
		return xstrdup("");
	const char *ellipsis = ascii ? "~" : "\xE2\x80\xA6";
	size_t keep = width_prefix_bytes(s, max - 1);
	char *out = xmalloc(keep + strlen(ellipsis) + 1);
	memcpy(out, s, keep);
	strcpy(out + keep, ellipsis);
	return out;
}

void width_print_padded(FILE *out, const char *s, size_t width)
{
	fputs(s, out);
	for (size_t w = width_of(s); w < width; w++)
		fputc(' ', out);
}
