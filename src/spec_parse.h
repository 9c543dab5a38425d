/* Private to the data layer: the two parsers behind spec.c. */
#ifndef CURSUS_SPEC_PARSE_H
#define CURSUS_SPEC_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "spec.h"

/* Reads the YAML between the front matter fences (first_line is the file
 * line of its first line) into p's front-matter fields. */
bool spec_front_parse(struct program *p, const char *yaml, size_t len,
		      int first_line, struct diag_list *diags);

/* What a note whose front matter (the raw bytes between the fences, or
 * everything after the opening fence when it is never closed) is yaml
 * is: NOTE_SPEC or why not. It looks at the top-level keys only, line by
 * line, so that YAML that does not parse and text in any encoding are
 * judged alike. */
enum note_kind spec_front_kind(const char *yaml, size_t len);

/* Reads the Markdown body (first_line is its first line in the file) into
 * p's body fields, walking cmark's syntax tree. The body holds no control
 * character; stable: each of its characters is one that NFC leaves as it
 * is (text_is_nfc). */
bool spec_body_parse(struct program *p, const char *body, size_t len, bool stable,
		     int first_line, struct diag_list *diags);

#endif
