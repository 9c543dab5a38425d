/* Turning the bytes of a spec file into clean UTF-8 text: BOM and CR/LF
 * handling, strict validation, and repair of "mojibake" (UTF-8 that was once
 * decoded as Mac Roman or Windows-1252 and encoded again). */
#ifndef CURSUS_ENCODING_H
#define CURSUS_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

enum mojibake_kind {
	MOJIBAKE_NONE,
	MOJIBAKE_MAC_ROMAN,
	MOJIBAKE_WINDOWS_1252,
};

struct repair_report {
	enum mojibake_kind kind;  /* of the first pass */
	size_t sequences;         /* repaired, over all passes */
	int passes;               /* > 1 when the damage was applied twice */
	int first_line;           /* where the first repair happened */
	char example_bad[32];     /* the first damaged sequence ... */
	char example_good[8];     /* ... and what it became */
};

enum encoding_status {
	ENCODING_OK,
	ENCODING_NUL_BYTE,
	ENCODING_INVALID_UTF8,
};

struct decoded_text {
	char *text;      /* NUL-terminated, LF line ends */
	size_t len;
	bool had_bom;
	bool had_crlf;
	struct repair_report repair;
};

/* Decodes a file's bytes. On failure *bad_offset is the offset of the
 * offending byte in the original bytes and out is left empty. */
enum encoding_status encoding_decode(const char *bytes, size_t len,
				     struct decoded_text *out, size_t *bad_offset);

/* Repairs mojibake in valid UTF-8 text. Returns a new string (its length in
 * *out_len) when the repair leaves fewer suspect sequences, else NULL. */
char *encoding_repair(const char *text, size_t len, size_t *out_len,
		      struct repair_report *rep);

/* Counts the sequences that look like UTF-8 seen through either codepage. */
size_t encoding_suspects(const char *text, size_t len);

const char *mojibake_name(enum mojibake_kind kind);

#endif
