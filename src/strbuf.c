#include "config.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_add(struct strbuf *sb, const char *s, size_t n)
{
	XGROW(sb->buf, sb->cap, sb->len + n + 1);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_addc(struct strbuf *sb, char c)
{
	sb_add(sb, &c, 1);
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	XGROW(sb->buf, sb->cap, sb->len + (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

char *sb_steal(struct strbuf *sb)
{
	char *s = sb->buf ? sb->buf : xstrdup("");
	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return s;
}

void sb_free(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

void strv_push(struct strv *sv, char *s)
{
	XGROW(sv->v, sv->cap, sv->n + 1);
	sv->v[sv->n++] = s;
}

void strv_free(struct strv *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

/* 64 KB: about a thousand paths, and under malloc's threshold for a
 * mapping of its own. */
#define STRPOOL_BLOCK (64 * 1024 - 64)

struct strpool_block {
	struct strpool_block *next;
	char text[];
};

char *strpool_add(struct strpool *pool, const char *s, size_t n)
{
	size_t room = pool->blocks ? (size_t)(pool->end - pool->next) : 0;
	if (room < n + 1) {
		size_t size = n + 1 > STRPOOL_BLOCK ? n + 1 : STRPOOL_BLOCK;
		struct strpool_block *b = xmalloc(sizeof *b + size);
		b->next = pool->blocks;
		pool->blocks = b;
		pool->next = b->text;
		pool->end = b->text + size;
	}
	char *copy = pool->next;
	memcpy(copy, s, n);
	copy[n] = '\0';
	pool->next += n + 1;
	return copy;
}

void strpool_free(struct strpool *pool)
{
	while (pool->blocks) {
		struct strpool_block *b = pool->blocks;
		pool->blocks = b->next;
		free(b);
	}
	pool->next = pool->end = NULL;
}
