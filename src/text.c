#include "config.h"
#include "text.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

#include <ctype.h>
#include <utf8proc.h>
#include <locale.h>
#include <wctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Base letters of U+00C0..U+00FF; '\0' keeps the character as it is. */
static const char latin1_base[64] =
	"AAAAAA\0CEEEEIIII"
	"DNOOOOO\0OUUUUYT\0"
	"aaaaaa\0ceeeeiiii"
	"dnooooo\0ouuuuyty";

/* Base letters of U+0100..U+017F (Latin Extended-A), in runs of alike
 * letters so that each line can be checked against the Unicode chart. */
static const char latin_ext_a_base[129] =
	"AaAaAa" "CcCcCcCc" "DdDd" "EeEeEeEeEe" "GgGgGgGg" "HhHh"
	"IiIiIiIiIi" "Ii" "Jj" "Kkk" "LlLlLlLlLl" "NnNnNnnNn" "OoOoOo" "Oo"
	"RrRrRr" "SsSsSsSs" "TtTtTt" "UuUuUuUuUuUu" "Ww" "YyY" "ZzZzZz" "s";

/* Writes the folded form of cp; returns false to keep cp unchanged. */
static bool fold_cp(uint32_t cp, struct strbuf *out)
{
	const char *multi = NULL;
	char base = 0;
	switch (cp) {
	case 0xC6: case 0xE6: multi = "ae"; break;
	case 0xDF: multi = "ss"; break;
	case 0x152: case 0x153: multi = "oe"; break;
	case 0x2018: case 0x2019: case 0x02BC: base = '\''; break;
	case 0x00A0: case 0x202F: case 0x2009: base = ' '; break;
	default:
		if (cp >= 0xC0 && cp <= 0xFF)
			base = latin1_base[cp - 0xC0];
		else if (cp >= 0x100 && cp <= 0x17F)
			base = latin_ext_a_base[cp - 0x100];
	}
	if (multi) {
		sb_adds(out, multi);
		return true;
	}
	if (!base)
		return false;
	sb_addc(out, (char)tolower((unsigned char)base));
	return true;
}

/* A byte that is not UTF-8, as map_utf8 hands it on. */
#define NOT_UTF8 UINT32_MAX

/* Builds a new string from s, one character at a time: put is given each
 * character's code point and bytes (a byte that is not UTF-8 comes alone,
 * as NOT_UTF8). */
static char *map_utf8(const char *s,
		      void (*put)(struct strbuf *out, uint32_t cp, const char *bytes, size_t n))
{
	struct strbuf out = {0};
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(u + i, len - i, &cp);
		if (n == 0) {
			cp = NOT_UTF8;
			n = 1;
		}
		put(&out, cp, s + i, n);
		i += n;
	}
	return sb_steal(&out);
}

/* Combining diacritical marks: what an accent is in NFD text. */
static bool is_combining_mark(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	       (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	       (cp >= 0xFE20 && cp <= 0xFE2F);
}

static void put_folded(struct strbuf *out, uint32_t cp, const char *bytes, size_t n)
{
	if (cp == NOT_UTF8) /* kept as it is: matching fails anyway */
		sb_add(out, bytes, n);
	else if (is_combining_mark(cp))
		; /* an accent NFC could not compose onto its letter */
	else if (cp < 0x80)
		sb_addc(out, (char)tolower((int)cp));
	else if (!fold_cp(cp, out))
		sb_add(out, bytes, n);
}

/* NFC first, so that an NFD "e" + U+0301 becomes the "é" the tables
 * know; marks left over (on letters the tables lack) are dropped. */
char *text_fold(const char *s)
{
	char *nfc = text_nfc(s);
	char *folded = map_utf8(nfc, put_folded);
	free(nfc);
	return folded;
}

/* Ranges whose characters are their own NFC and never combine with the
 * one before: text made only of them is NFC already, as Unicode's quick
 * check would say. Computed with Python's unicodedata (Unicode 14), each
 * range ending where a combining mark or a singleton (U+2126 OHM SIGN,
 * U+212B ANGSTROM SIGN) begins. Anything else goes to utf8proc: a copy
 * through it took longer than the rest of reading a front matter. */
static const uint32_t nfc_stable[][2] = {
	{ 0x0000, 0x02FF },   /* Latin, up to the combining diacritics */
	{ 0x2002, 0x20CF },   /* spaces, punctuation, currency */
	{ 0x2130, 0x2328 },   /* letterlike, arrows, technical */
	{ 0x232B, 0x2ADB },   /* technical, shapes, dingbats, math */
	{ 0x2ADD, 0x2BFF },
	{ 0xFE00, 0xFE0F },   /* variation selectors */
	{ 0x1F000, 0x1FAFF }, /* emoji */
};

static bool is_nfc_stable(uint32_t cp)
{
	for (size_t i = 0; i < sizeof nfc_stable / sizeof nfc_stable[0]; i++)
		if (cp >= nfc_stable[i][0] && cp <= nfc_stable[i][1])
			return true;
	return false;
}

bool text_is_nfc(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(u + i, len - i, &cp);
		if (n == 0 || !is_nfc_stable(cp))
			return false;
		i += n;
	}
	return true;
}

bool text_is_clean(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		if (u[i] < 0x80) {
			if (text_is_control_cp(u[i]))
				return false;
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(u + i, len - i, &cp);
		if (n == 0 || text_is_control_cp(cp) || !is_nfc_stable(cp))
			return false;
		i += n;
	}
	return true;
}

char *text_nfc_n(const char *s, size_t len, size_t *out_len)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t n = -1;
	if (!text_is_nfc(s, len))
		n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &nfc,
				 UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	char *copy = n >= 0 ? xstrndup((const char *)nfc, (size_t)n) : xstrndup(s, len);
	free(nfc); /* utf8proc allocates with malloc */
	if (out_len)
		*out_len = strlen(copy);
	return copy;
}

char *text_nfc(const char *s)
{
	return text_nfc_n(s, strlen(s), NULL);
}

/* The bidirectional embeddings, overrides and isolates reorder what
 * follows them on the terminal ("Trojan Source"): text that shows one
 * thing and says another. */
static bool is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool text_is_control_cp(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) ||
	       is_bidi_control(cp);
}

/* Bytes, not code points: in UTF-8 a C0 control or DEL is one byte below
 * 0x80, a C1 control is C2 80..C2 9F, a bidi control E2 80 AA..AE or
 * E2 81 A6..A9, and no other character has those bytes. One table
 * look-up a byte: every spec is scanned whole, and decoding each
 * character made this a tenth of reading a catalogue. */
const char *text_find_control(const char *s, size_t len, uint32_t *cp)
{
	static bool stop[256];
	if (!stop[0]) {
		for (int b = 0; b < 0x20; b++)
			stop[b] = b != '\t' && b != '\n';
		stop[0x7F] = stop[0xC2] = stop[0xE2] = true;
	}
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len; i++) {
		if (!stop[u[i]])
			continue;
		if (u[i] < 0x80) {
			*cp = u[i];
			return s + i;
		}
		if (u[i] == 0xC2 && i + 1 < len && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F) {
			*cp = u[i + 1];
			return s + i;
		}
		if (u[i] == 0xE2 && i + 2 < len && (u[i + 1] == 0x80 || u[i + 1] == 0x81)) {
			uint32_t c = 0x2000 + ((uint32_t)(u[i + 1] & 0x3F) << 6) + (u[i + 2] & 0x3F);
			if (is_bidi_control(c)) {
				*cp = c;
				return s + i;
			}
		}
	}
	return NULL;
}

/* Caret notation, as cat -v and less show controls: ASCII, so it reads
 * the same in every locale, CSV and calendar. (The Control Pictures block
 * was the other candidate, but ESC's, U+241B, is the bytes E2 90 9B: a
 * 0x9B that an 8-bit terminal takes for CSI.) C1 controls have no caret
 * form and become U+FFFD. */
static void put_stand_in(struct strbuf *out, uint32_t cp)
{
	if (cp >= 0x80) {
		sb_adds(out, "\xEF\xBF\xBD");
		return;
	}
	sb_addc(out, '^');
	sb_addc(out, cp == 0x7F ? '?' : (char)(cp + 0x40));
}

char *text_visible_controls_n(const char *s, size_t len, size_t *out_len)
{
	struct strbuf out = {0};
	size_t done = 0;
	uint32_t cp;
	const char *at;
	while ((at = text_find_control(s + done, len - done, &cp)) != NULL) {
		sb_add(&out, s + done, (size_t)(at - (s + done)));
		put_stand_in(&out, cp);
		done = (size_t)(at - s) + (cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3);
	}
	sb_add(&out, s + done, len - done);
	if (out_len)
		*out_len = out.len;
	return sb_steal(&out);
}

char *text_visible_controls(const char *s)
{
	return text_visible_controls_n(s, strlen(s), NULL);
}

bool text_has_prefix_word(const char *folded, const char *word)
{
	size_t n = strlen(word);
	if (strncmp(folded, word, n) != 0)
		return false;
	return !isalnum((unsigned char)folded[n]);
}

bool text_is_icon_cp(uint32_t cp)
{
	return (cp >= 0x2190 && cp <= 0x21FF) ||   /* arrows */
	       (cp >= 0x2300 && cp <= 0x23FF) ||   /* technical: watch, hourglass */
	       (cp >= 0x25A0 && cp <= 0x27BF) ||   /* shapes, symbols, dingbats */
	       (cp >= 0x2900 && cp <= 0x297F) ||
	       (cp >= 0x2B00 && cp <= 0x2BFF) ||
	       cp == 0x200D || cp == 0x20E3 ||     /* joiner, keycap */
	       (cp >= 0xFE00 && cp <= 0xFE0F) ||   /* variation selectors */
	       cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299 ||
	       cp == 0x00A9 || cp == 0x00AE || cp == 0x2122 ||
	       (cp >= 0x1F000 && cp <= 0x1FAFF) || /* emoji planes */
	       (cp >= 0xE0020 && cp <= 0xE007F);   /* tag sequences */
}

static bool is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0 || cp == 0x202F;
}

void text_split_icon(const char *s, char **icon, char **title)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, icon_end = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(u + i, len - i, &cp);
		if (n == 0)
			break;
		if (text_is_icon_cp(cp)) {
			i += n;
			icon_end = i;
		} else if (is_space_cp(cp)) {
			i += n;
		} else {
			break;
		}
	}
	char *raw_icon = xstrndup(s, icon_end);
	*icon = icon_end ? text_trim(raw_icon) : NULL;
	free(raw_icon);
	*title = text_trim(s + icon_end);
}

/* Case of a letter whatever the program's locale (LANG=C included). */
static bool is_upper(uint32_t cp)
{
	static locale_t utf8;
	static bool tried;
	if (!tried) {
		tried = true;
		utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	}
	return utf8 && iswupper_l((wint_t)cp, utf8);
}

static const char *ascii_punctuation(uint32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x02BC: return "'";
	case 0x201C: case 0x201D: case 0x00AB: case 0x00BB: return "\"";
	case 0x2013: case 0x2014: case 0x2212: return "-";
	case 0x2026: return "...";
	case 0x00A0: case 0x202F: case 0x2009: return " ";
	case 0x2022: case 0x00B7: return "*";
	case 0x20AC: return "EUR";
	case 0x00D7: return "x";
	case 0x2192: return "->";
	case 0x2190: return "<-";
	case 0x25B8: case 0x25B6: return ">";
	case 0x25BE: return "v";
	case 0x2588: case 0x2593: return "#";
	case 0x2591: return ".";
	}
	return NULL;
}

static void put_ascii(struct strbuf *out, uint32_t cp, const char *bytes, size_t n)
{
	(void)bytes;
	(void)n;
	if (cp == NOT_UTF8) {
		sb_addc(out, '?');
		return;
	}
	if (cp < 0x80) {
		sb_addc(out, (char)cp);
		return;
	}
	const char *punct = ascii_punctuation(cp);
	struct strbuf one = {0};
	if (punct) {
		sb_adds(out, punct);
	} else if (fold_cp(cp, &one)) {
		/* fold_cp lowers; give capitals their case back */
		if (is_upper(cp) && one.len)
			one.buf[0] = (char)toupper((unsigned char)one.buf[0]);
		sb_adds(out, one.buf);
	} else if (!text_is_icon_cp(cp) && !(cp >= 0x0300 && cp <= 0x036F)) {
		sb_addc(out, '?');
	}
	sb_free(&one);
}

char *text_ascii(const char *s)
{
	return map_utf8(s, put_ascii);
}

char *text_trim(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
		n--;
	return xstrndup(s, n);
}

/* The folded title without what an edit of spacing or punctuation
 * changes; bytes of other scripts are kept. */
static char *squeezed_fold(const char *s)
{
	char *f = text_fold(s);
	size_t w = 0;
	for (size_t r = 0; f[r]; r++)
		if ((unsigned char)f[r] >= 0x80 || isalnum((unsigned char)f[r]))
			f[w++] = f[r];
	f[w] = '\0';
	return f;
}

static bool squeezed_similar(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	const char *shorter = la <= lb ? a : b, *longer = la <= lb ? b : a;
	size_t m = la <= lb ? la : lb, l = la <= lb ? lb : la;
	if (m < TEXT_SIMILAR_MIN)
		return false;
	if (strstr(longer, shorter))
		return true;
	size_t prefix = 0, suffix = 0;
	while (prefix < m && a[prefix] == b[prefix])
		prefix++;
	while (suffix < m - prefix && shorter[m - 1 - suffix] == longer[l - 1 - suffix])
		suffix++;
	return (prefix + suffix) * 3 >= m * 2;
}

bool text_similar_title(const char *a, const char *b)
{
	char *sa = squeezed_fold(a), *sb = squeezed_fold(b);
	bool similar = squeezed_similar(sa, sb);
	free(sa);
	free(sb);
	return similar;
}

const char *text_skip_nonalnum(const char *s)
{
	while (*s && !isalnum((unsigned char)*s))
		s++;
	return s;
}
