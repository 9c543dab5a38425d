#include "config.h"
#include "diag.h"
#include "nls.h"
#include "text.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdlib.h>

void diag_add(struct diag_list *dl, enum diag_severity sev, const char *file,
	      int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	va_start(ap, fmt);
	vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);

	XGROW(dl->v, dl->cap, dl->n + 1);
	dl->v[dl->n++] = (struct diag){
		.severity = sev,
		.file = file ? xstrdup(file) : NULL,
		.line = line,
		.message = msg,
	};
}

size_t diag_count(const struct diag_list *dl, enum diag_severity sev)
{
	size_t count = 0;
	for (size_t i = 0; i < dl->n; i++)
		if (dl->v[i].severity == sev)
			count++;
	return count;
}

/* File names and the values quoted in messages come from the user's
 * files: their control characters are shown, never sent to the terminal. */
static void diag_format(const struct diag *d, FILE *out)
{
	const char *kind = d->severity == DIAG_WARNING ? _("warning: ") : "";
	char *file = d->file ? text_visible_controls(d->file) : NULL;
	char *message = text_visible_controls(d->message);
	if (file && d->line > 0)
		fprintf(out, "cursus: %s:%d: %s%s\n", file, d->line, kind, message);
	else if (file)
		fprintf(out, "cursus: %s: %s%s\n", file, kind, message);
	else
		fprintf(out, "cursus: %s%s\n", kind, message);
	free(file);
	free(message);
}

void diag_print(const struct diag_list *dl, FILE *out, enum diag_severity min)
{
	for (size_t i = 0; i < dl->n; i++)
		if (dl->v[i].severity >= min)
			diag_format(&dl->v[i], out);
}

void diag_free(struct diag_list *dl)
{
	for (size_t i = 0; i < dl->n; i++) {
		free(dl->v[i].file);
		free(dl->v[i].message);
	}
	free(dl->v);
	dl->v = NULL;
	dl->n = dl->cap = 0;
}
