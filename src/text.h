/* Small text helpers for matching what people write in specs: folding case
 * and accents, telling a leading emoji icon from a title, trimming. */
#ifndef CURSUS_TEXT_H
#define CURSUS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A lower-case copy with Latin accents removed ("Compétences" ->
 * "competences"), typographic apostrophes as "'", other text kept. */
char *text_fold(const char *s);
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
