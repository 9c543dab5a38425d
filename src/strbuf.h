/* Growable strings and string vectors, used wherever text is assembled. */
#ifndef CURSUS_STRBUF_H
#define CURSUS_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *buf;   /* always NUL-terminated once anything was added */
	size_t len;
	size_t cap;
};

void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the string over to the caller (never NULL) and empties sb. */
char *sb_steal(struct strbuf *sb);
void sb_free(struct strbuf *sb);

struct strv {
	char **v;
	size_t n;
	size_t cap;
};

/* Takes ownership of s. */
void strv_push(struct strv *sv, char *s);
void strv_free(struct strv *sv);

/* Strings that live and die together (the paths of a vault's notes),
 * copied one after the other into blocks: one allocation for hundreds of
 * them rather than one each, and one free per block. */
struct strpool {
	struct strpool_block *blocks; /* the newest first */
	char *next, *end;             /* the room left in the newest */
};

/* A copy of the n bytes at s, NUL-terminated, valid until strpool_free. */
char *strpool_add(struct strpool *pool, const char *s, size_t n);
void strpool_free(struct strpool *pool);

#endif
