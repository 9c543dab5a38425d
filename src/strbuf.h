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

#endif
