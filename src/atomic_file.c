#include "config.h"
#include "atomic_file.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		buf += n;
		len -= (size_t)n;
	}
	return true;
}

static bool fsync_dir_of(const char *path)
{
	char *copy = xstrdup(path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(copy);
	if (fd < 0)
		return false;
	bool ok = fsync(fd) == 0 || errno == EINVAL; /* some filesystems cannot */
	close(fd);
	return ok;
}

/* The previous version stays beside the file: a hard link costs nothing
 * and is never half written. */
static void link_backup(const char *target)
{
	char *bak = xasprintf("%s.bak", target);
	char *tmp = xasprintf("%s.bak.new", target);
	unlink(tmp);
	if (link(target, tmp) == 0 && rename(tmp, bak) != 0)
		unlink(tmp);
	free(tmp);
	free(bak);
}

/* Writes and syncs a new temporary file beside target; returns its name. */
static char *write_temp(const char *target, const char *text, size_t len, mode_t mode,
			const char **step)
{
	char *tmp = xasprintf("%s.XXXXXX", target);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*step = "create a temporary file";
		free(tmp);
		return NULL;
	}
	bool ok = true;
	if (fchmod(fd, mode) != 0)
		ok = false, *step = "set permissions";
	else if (!write_all(fd, text, len))
		ok = false, *step = "write";
	else if (fsync(fd) != 0)
		ok = false, *step = "sync";
	int saved = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		*step = "close";
		saved = errno;
	}
	if (!ok) {
		unlink(tmp);
		free(tmp);
		errno = saved;
		return NULL;
	}
	return tmp;
}

bool atomic_write(const char *target, const char *text, size_t len, mode_t mode,
		  bool keep_backup, const char **step, bool *dir_synced)
{
	*dir_synced = true;
	char *tmp = write_temp(target, text, len, mode, step);
	if (!tmp)
		return false;
	struct stat st;
	if (keep_backup && stat(target, &st) == 0)
		link_backup(target);
	if (rename(tmp, target) != 0) {
		int saved = errno;
		*step = "rename";
		unlink(tmp);
		free(tmp);
		errno = saved;
		return false;
	}
	free(tmp);
	*dir_synced = fsync_dir_of(target);
	return true;
}
