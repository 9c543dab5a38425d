/* Strict UTF-8 decoding and encoding (no overlongs, no surrogates). */
#ifndef CURSUS_UTF8_H
#define CURSUS_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point from s[0..len). Returns its byte length (1-4),
 * or 0 when the bytes there are not valid UTF-8. */
size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
/* Writes cp as UTF-8 into out (at least 4 bytes); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/* Returns true when s[0..len) is valid UTF-8; otherwise *bad_offset is the
 * offset of the first byte that is not. */
bool utf8_validate(const char *s, size_t len, size_t *bad_offset);
/* Number of the line (1-based) that holds byte offset in s. */
int text_line_of(const char *s, size_t offset);

#endif
