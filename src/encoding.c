#include "config.h"
#include "encoding.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Unicode of bytes 0x80..0xFF in Mac OS Roman. */
static const uint16_t mac_roman[128] = {
	0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1,
	0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5, 0x00E7, 0x00E9, 0x00E8,
	0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3,
	0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC,
	0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6, 0x00DF,
	0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
	0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211,
	0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8,
	0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB,
	0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153,
	0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x25CA,
	0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
	0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1,
	0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4,
	0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC,
	0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7,
};

/* Unicode of bytes 0x80..0x9F in Windows-1252; 0 where it has no
 * character (those bytes survive Latin-1 round trips as C1 controls). */
static const uint16_t windows_1252_c1[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Mac Roman's bytes by code point, filled on first use: the Latin-1 ones
 * in a table (0: none), the others sorted for a binary search. Every
 * character of a French spec outside ASCII is looked up here (typographic
 * quotes and dashes among the others), twice per start. */
static unsigned char mac_roman_latin1[256];
struct mac_roman_other {
	uint16_t cp;
	unsigned char byte;
};
static struct mac_roman_other mac_roman_others[128];
static size_t n_mac_roman_others;

static int compare_mac_roman_others(const void *a, const void *b)
{
	const struct mac_roman_other *x = a, *y = b;
	return (x->cp > y->cp) - (x->cp < y->cp);
}

static void mac_roman_index(void)
{
	for (int i = 0; i < 128; i++) {
		unsigned char byte = (unsigned char)(0x80 + i);
		if (mac_roman[i] < 0x100)
			mac_roman_latin1[mac_roman[i]] = byte;
		else
			mac_roman_others[n_mac_roman_others++] =
				(struct mac_roman_other){ mac_roman[i], byte };
	}
	mac_roman_latin1[0xA4] = 0xDB; /* the currency sign before the euro */
	qsort(mac_roman_others, n_mac_roman_others, sizeof *mac_roman_others,
	      compare_mac_roman_others);
}

static int mac_roman_byte(uint32_t cp)
{
	if (!mac_roman_latin1[0xC4]) /* Ä is 0x80: not indexed yet */
		mac_roman_index();
	if (cp < 0x100)
		return mac_roman_latin1[cp] ? mac_roman_latin1[cp] : -1;
	if (cp > 0xFFFF)
		return -1;
	struct mac_roman_other key = { (uint16_t)cp, 0 };
	const struct mac_roman_other *found =
		bsearch(&key, mac_roman_others, n_mac_roman_others, sizeof key,
			compare_mac_roman_others);
	return found ? found->byte : -1;
}

/* The byte a code point stood for under the codepage, or -1. */
static int codepage_byte(uint32_t cp, enum mojibake_kind kind)
{
	if (kind == MOJIBAKE_MAC_ROMAN)
		return mac_roman_byte(cp);
	if (cp >= 0xA0 && cp <= 0xFF)
		return (int)cp;
	if (cp >= 0x80 && cp <= 0x9F) /* Latin-1 decoding keeps C1 controls */
		return (int)cp;
	for (int i = 0; i < 32; i++)
		if (windows_1252_c1[i] && windows_1252_c1[i] == cp)
			return 0x80 + i;
	return -1;
}

static size_t utf8_sequence_length(int lead)
{
	if (lead >= 0xC2 && lead <= 0xDF)
		return 2;
	if (lead >= 0xE0 && lead <= 0xEF)
		return 3;
	if (lead >= 0xF0 && lead <= 0xF4)
		return 4;
	return 0;
}

/* The characters a repair may restore. Clean text can look damaged too:
 * the French "l’été" is "’é", which Mac Roman would turn into U+054E, an
 * Armenian letter. So a repair only restores what our specs are written
 * in, Latin letters, punctuation, symbols, emoji and CJK, and never
 * controls, combining marks or other scripts, where a clean two-character
 * sequence is too easily mistaken for damage. */
static bool plausible_repair(uint32_t cp)
{
	return (cp >= 0x00A0 && cp <= 0x024F) ||
	       (cp >= 0x1E00 && cp <= 0x1EFF) ||
	       (cp >= 0x2000 && cp <= 0x2BFF) ||
	       (cp >= 0x3000 && cp <= 0x30FF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xAC00 && cp <= 0xD7AF) ||
	       (cp >= 0xFB00 && cp <= 0xFB06) ||
	       (cp >= 0xFE00 && cp <= 0xFE0F) ||
	       (cp >= 0x1F000 && cp <= 0x1FAFF) ||
	       (cp >= 0xE0020 && cp <= 0xE007F);
}

/* Tries to read, at s[i], the characters that a damaged UTF-8 sequence
 * became. On success fills bytes (the original sequence), sets *consumed to
 * the length of the damaged text, and returns the sequence's length. */
static size_t damaged_sequence_at(const char *s, size_t len, size_t i,
				  enum mojibake_kind kind, unsigned char bytes[4],
				  size_t *consumed)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t pos = i, need = 0;
	for (size_t k = 0; k == 0 || k < need; k++) {
		uint32_t cp;
		size_t n = utf8_decode(u + pos, len - pos, &cp);
		if (n == 0 || cp < 0x80)
			return 0;
		int b = codepage_byte(cp, kind);
		if (b < 0)
			return 0;
		if (k == 0) {
			need = utf8_sequence_length(b);
			if (need == 0)
				return 0;
		} else if ((b & 0xC0) != 0x80) {
			return 0;
		}
		bytes[k] = (unsigned char)b;
		pos += n;
	}
	uint32_t cp;
	if (utf8_decode(bytes, need, &cp) != need || !plausible_repair(cp))
		return 0;
	*consumed = pos - i;
	return need;
}

/* One pass over the text: repairs what it can into out (if not NULL) and
 * returns how many sequences were damaged. */
static size_t repair_pass(const char *s, size_t len, enum mojibake_kind kind,
			  struct strbuf *out, struct repair_report *rep)
{
	size_t count = 0;
	size_t i = 0;
	while (i < len) {
		if (!out) {
			/* counting only: ASCII cannot be damaged text */
			while (i < len && (unsigned char)s[i] < 0x80)
				i++;
			if (i == len)
				break;
		}
		unsigned char bytes[4];
		size_t consumed = 0, n = 0;
		if ((unsigned char)s[i] >= 0x80)
			n = damaged_sequence_at(s, len, i, kind, bytes, &consumed);
		if (n == 0) {
			if (out)
				sb_addc(out, s[i]);
			i++;
			continue;
		}
		if (rep && count == 0 && rep->sequences == 0) {
			size_t m = consumed < sizeof rep->example_bad ? consumed
								      : sizeof rep->example_bad - 1;
			memcpy(rep->example_bad, s + i, m);
			rep->example_bad[m] = '\0';
			memcpy(rep->example_good, bytes, n);
			rep->example_good[n] = '\0';
			rep->first_line = text_line_of(s, i);
		}
		if (out)
			sb_add(out, (const char *)bytes, n);
		count++;
		i += consumed;
	}
	return count;
}

size_t encoding_suspects(const char *text, size_t len)
{
	return repair_pass(text, len, MOJIBAKE_MAC_ROMAN, NULL, NULL) +
	       repair_pass(text, len, MOJIBAKE_WINDOWS_1252, NULL, NULL);
}

/* Text damaged twice needs two passes; three is already far-fetched. */
#define MAX_REPAIR_PASSES 3

static bool all_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

char *encoding_repair(const char *text, size_t len, size_t *out_len,
		      struct repair_report *rep)
{
	struct repair_report local = {0};
	if (all_ascii(text, len)) { /* nothing that could be damaged */
		if (rep)
			*rep = local;
		return NULL;
	}
	char *cur = NULL;
	size_t cur_len = len;
	size_t suspects = encoding_suspects(text, len);

	for (int pass = 0; pass < MAX_REPAIR_PASSES && suspects > 0; pass++) {
		const char *src = cur ? cur : text;
		size_t mac = repair_pass(src, cur_len, MOJIBAKE_MAC_ROMAN, NULL, NULL);
		size_t win = repair_pass(src, cur_len, MOJIBAKE_WINDOWS_1252, NULL, NULL);
		enum mojibake_kind kind = mac >= win ? MOJIBAKE_MAC_ROMAN
						     : MOJIBAKE_WINDOWS_1252;
		struct strbuf out = {0};
		struct repair_report pass_rep = local;
		size_t n = repair_pass(src, cur_len, kind, &out, &pass_rep);
		size_t after = encoding_suspects(out.buf ? out.buf : "", out.len);
		if (n == 0 || after >= suspects) {
			sb_free(&out);
			break;
		}
		if (local.passes == 0)
			local = pass_rep, local.kind = kind;
		local.sequences += n;
		local.passes++;
		free(cur);
		cur_len = out.len;
		cur = sb_steal(&out);
		suspects = after;
	}
	if (rep)
		*rep = local;
	if (cur)
		*out_len = cur_len;
	return cur;
}

const char *mojibake_name(enum mojibake_kind kind)
{
	switch (kind) {
	case MOJIBAKE_MAC_ROMAN:
		return "Mac Roman";
	case MOJIBAKE_WINDOWS_1252:
		return "Windows-1252";
	case MOJIBAKE_NONE:
		break;
	}
	return "none";
}

/* CRLF and lone CR become LF; returns true when any CR was seen. The
 * text up to the first CR stays where it is. */
static bool normalize_line_ends(char *s, size_t *len)
{
	const char *cr = memchr(s, '\r', *len);
	if (!cr)
		return false;
	size_t w = (size_t)(cr - s);
	for (size_t r = w; r < *len; r++) {
		if (s[r] == '\r') {
			if (r + 1 < *len && s[r + 1] == '\n')
				continue;
			s[w++] = '\n';
			continue;
		}
		s[w++] = s[r];
	}
	s[w] = '\0';
	*len = w;
	return true;
}

enum encoding_status encoding_decode(const char *bytes, size_t len,
				     struct decoded_text *out, size_t *bad_offset)
{
	memset(out, 0, sizeof *out);
	size_t skip = 0;
	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		skip = 3;
	const char *nul = memchr(bytes, '\0', len);
	if (nul) {
		*bad_offset = (size_t)(nul - bytes);
		return ENCODING_NUL_BYTE;
	}
	size_t bad;
	if (!utf8_validate(bytes + skip, len - skip, &bad)) {
		*bad_offset = bad + skip;
		return ENCODING_INVALID_UTF8;
	}
	size_t n = len - skip;
	char *text = xstrndup(bytes + skip, n);
	out->had_bom = skip > 0;
	out->had_crlf = normalize_line_ends(text, &n);

	size_t fixed_len;
	char *fixed = encoding_repair(text, n, &fixed_len, &out->repair);
	if (fixed) {
		free(text);
		text = fixed;
		n = fixed_len;
	}
	out->text = text;
	out->len = n;
	return ENCODING_OK;
}
