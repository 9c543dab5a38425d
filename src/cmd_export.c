#include "config.h"
#include "atomic_file.h"
#include "cmd.h"
#include "export.h"
#include "nls.h"
#include "session.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

/* A FIFO or a character device (a pipe to another program, /dev/stdout)
 * is written to as it is: replacing it with a regular file would break
 * what the learner set up. */
static bool write_stream(const char *path, const char *text, size_t len)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	bool ok = fd >= 0 && atomic_write_all(fd, text, len);
	int saved = errno;
	if (fd >= 0 && close(fd) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	if (!ok)
		fprintf(stderr, _("cursus: %s: cannot write: %s\n"), path, strerror(saved));
	return ok;
}

/* The descriptor that /dev/stdout, /dev/stderr, /dev/fd/N or
 * /proc/self/fd/N names, or -1. Written to as it is open: following the
 * link to the file behind it would replace a file opened for appending
 * (">> notes.txt"), or fail on a pipe. */
static int named_descriptor(const char *path)
{
	if (strcmp(path, "/dev/stdout") == 0)
		return STDOUT_FILENO;
	if (strcmp(path, "/dev/stderr") == 0)
		return STDERR_FILENO;
	const char *n = strncmp(path, "/dev/fd/", 8) == 0 ? path + 8
		      : strncmp(path, "/proc/self/fd/", 14) == 0 ? path + 14 : NULL;
	if (!n || !*n || strspn(n, "0123456789") != strlen(n) || strlen(n) > 6)
		return -1;
	return atoi(n);
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* An export is an ordinary file the user asked for: the umask decides its
 * permissions, and it is replaced atomically like everything we write; a
 * link is followed and its target replaced. "-" is standard output. The
 * progress file is never an export's target. */
static bool write_output(const char *path, const char *state, const char *text, size_t len)
{
	if (!path || strcmp(path, "-") == 0)
		return fwrite(text, 1, len, stdout) == len && fflush(stdout) == 0;
	int fd = named_descriptor(path);
	if (fd >= 0) {
		fflush(stdout);
		if (atomic_write_all(fd, text, len))
			return true;
		fprintf(stderr, _("cursus: %s: cannot write: %s\n"), path, strerror(errno));
		return false;
	}
	if (same_file(path, state)) {
		fprintf(stderr, _("cursus: %s: that is the progress file; the export is not written "
				  "there\n"), path);
		return false;
	}
	char *target = atomic_link_target(path);
	struct stat st;
	bool exists = stat(target, &st) == 0;
	bool ok;
	if (exists && (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))) {
		ok = write_stream(target, text, len);
	} else if (exists && !S_ISREG(st.st_mode)) {
		fprintf(stderr, S_ISDIR(st.st_mode)
			? _("cursus: %s: not a file cursus can write an export to (a directory)\n")
			: _("cursus: %s: not a file cursus can write an export to\n"), path);
		ok = false;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		const char *step = NULL;
		bool synced;
		ok = atomic_write(target, text, len, 0666 & ~mask, false, &step, &synced);
		if (!ok)
			/* TRANSLATORS: a file, the step that failed ("rename"),
			 * and why. */
			fprintf(stderr, _("cursus: %s: cannot write (%s: %s)\n"), path, _(step),
				strerror(errno));
	}
	free(target);
	return ok;
}

static int export_program(struct session *s, struct program_view *v, void *ctx)
{
	const enum export_format *fmt = ctx;
	size_t len = 0;
	char *doc = export_plan(*fmt, v->program, &v->plan, s->today, &len);
	int status = doc && write_output(s->cli->output, s->state_path, doc, len) ? 0 : 1;
	free(doc);
	return status;
}

int cmd_export(struct cli *cli)
{
	enum export_format fmt = EXPORT_ICS;
	if (cli->argc != 0) {
		fprintf(stderr, "%s", _("cursus: usage: cursus export [--format ics|csv|md] "
					"[-o FILE|-]\n"));
		return 1;
	}
	if (cli->format && !export_format_parse(cli->format, &fmt)) {
		fprintf(stderr, _("cursus: unknown export format '%s' (ics, csv or md)\n"),
			cli->format);
		return 1;
	}
	/* Without --format, the format follows the file's extension. */
	const char *dot = cli->output ? strrchr(cli->output, '.') : NULL;
	if (!cli->format && dot && !strchr(dot, '/') && !export_format_parse(dot + 1, &fmt)) {
		fprintf(stderr, _("cursus: %s: no export format has the extension '%s'; name one "
				  "with --format ics|csv|md\n"), cli->output, dot);
		return 1;
	}
	return cmd_on_program(cli, SESSION_READ, export_program, NULL, &fmt);
}
