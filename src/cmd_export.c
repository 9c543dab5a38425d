#include "config.h"
#include "atomic_file.h"
#include "cmd.h"
#include "export.h"
#include "session.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* An export is an ordinary file the user asked for: the umask decides its
 * permissions, and it is replaced atomically like everything we write. */
static bool write_output(const char *path, const char *text, size_t len)
{
	if (!path || strcmp(path, "-") == 0)
		return fwrite(text, 1, len, stdout) == len;
	mode_t mask = umask(0);
	umask(mask);
	const char *step = NULL;
	bool synced;
	if (!atomic_write(path, text, len, 0666 & ~mask, false, &step, &synced)) {
		fprintf(stderr, "cursus: %s: cannot write (%s: %s)\n", path, step, strerror(errno));
		return false;
	}
	return true;
}

static int export_program(struct session *s, struct program_view *v, void *ctx)
{
	const enum export_format *fmt = ctx;
	size_t len = 0;
	char *doc = export_plan(*fmt, v->program, &v->plan, s->today, &len);
	int status = doc && write_output(s->cli->output, doc, len) ? 0 : 1;
	free(doc);
	return status;
}

int cmd_export(struct cli *cli)
{
	enum export_format fmt = EXPORT_ICS;
	if (cli->argc != 0) {
		fprintf(stderr, "cursus: usage: cursus export [--format ics|csv|md] [-o FILE]\n");
		return 1;
	}
	if (cli->format && !export_format_parse(cli->format, &fmt)) {
		fprintf(stderr, "cursus: unknown export format '%s' (ics, csv or md)\n", cli->format);
		return 1;
	}
	return cmd_on_program(cli, SESSION_READ, export_program, NULL, &fmt);
}
