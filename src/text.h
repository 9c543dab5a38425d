/* Small text helpers for matching what people write in specs: folding case
 * and accents, telling a leading emoji icon from a title, trimming. */
#ifndef CURSUS_TEXT_H
#define CURSUS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A lower-case copy with Latin accents removed ("Compétences" ->
 * "competences"), typographic apostrophes as "'", other text kept. The
 * accents go whether they are precomposed (NFC) or combining marks (NFD). */
char *text_fold(const char *s);
/* The Unicode NFC form of the len bytes at s (its length in *out_len when
 * out_len is not NULL), so that text typed on macOS (NFD: "e" + U+0301)
 * compares equal to the same text typed elsewhere. Text that is not valid
 * UTF-8 is copied unchanged. */
char *text_nfc_n(const char *s, size_t len, size_t *out_len);
char *text_nfc(const char *s);
/* True when the len bytes at s are NFC for certain (Unicode's quick
 * check, on the characters that need no table: Latin, punctuation,
 * symbols, emoji); false when they may not be. */
bool text_is_nfc(const char *s, size_t len);
/* No control character (text_find_control) and text_is_nfc, in one pass:
 * the usual case of a whole file. */
bool text_is_clean(const char *s, size_t len);
/* True when title b reads as title a edited in place: compared folded
 * (text_fold) with spaces and ASCII punctuation left out, one contains the
 * other, or their common beginning and end together cover at least two
 * thirds of the shorter. Either needs at least TEXT_SIMILAR_MIN of those
 * characters in common, so that "IA" is not like every title holding it. */
#define TEXT_SIMILAR_MIN 4
bool text_similar_title(const char *a, const char *b);
/* True for the code points a terminal acts on instead of showing: C0
 * controls but tab and newline, DEL, the C1 controls U+0080..U+009F, and
 * the bidirectional overrides and isolates (U+202A..E, U+2066..9). */
bool text_is_control_cp(uint32_t cp);
/* The first control character (text_is_control_cp) in the len bytes at s,
 * or NULL; its code point in *cp. */
const char *text_find_control(const char *s, size_t len, uint32_t *cp);
/* A copy of the len bytes at s (its length in *out_len when not NULL)
 * where each control character is replaced by a visible stand-in: C0 and
 * DEL in caret notation (ESC -> "^[", BEL -> "^G", DEL -> "^?"), C1 and
 * bidi controls by U+FFFD. Spec text is data: it must never clear or retitle the learner's
 * terminal. */
char *text_visible_controls_n(const char *s, size_t len, size_t *out_len);
char *text_visible_controls(const char *s);
/* True when folded text begins with word and the word ends there. */
bool text_has_prefix_word(const char *folded, const char *word);
/* True for code points that make up emoji and pictographs (including the
 * joiners and variation selectors between them). */
bool text_is_icon_cp(uint32_t cp);
/* Splits "🏛️ Duke University" into the icon "🏛️" (or NULL) and the title
 * "Duke University", both newly allocated. */
void text_split_icon(const char *s, char **icon, char **title);
/* An ASCII rendering for terminals that cannot show UTF-8 (LANG=C):
 * accented letters lose their accents (keeping their case), typographic
 * punctuation becomes its ASCII look-alike, icons are dropped and anything
 * else becomes '?'. */
char *text_ascii(const char *s);
/* A copy without leading and trailing white space. */
char *text_trim(const char *s);
/* Skips what is not an ASCII letter or digit (icons, punctuation) in
 * folded text, returning where matching can start. */
const char *text_skip_nonalnum(const char *s);

#endif
