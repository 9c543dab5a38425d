#include "config.h"
#include "atomic_file.h"
#include "nls.h"
#include "xalloc.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool atomic_write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO; /* nothing taken: never loop on it */
			return false;
		}
		buf += n;
		len -= (size_t)n;
	}
	return true;
}

static char *dir_of(const char *path)
{
	char *copy = xstrdup(path);
	char *dir = xstrdup(dirname(copy));
	free(copy);
	return dir;
}

static bool fsync_dir_of(const char *path)
{
	char *dir = dir_of(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return false;
	bool ok = fsync(fd) == 0 || errno == EINVAL; /* some filesystems cannot */
	close(fd);
	return ok;
}

/* Every file cursus makes beside a target is named ".BASE.cursus-WHAT" in
 * the target's directory: hidden, and a name no person would choose, so
 * that cleaning up can never touch a file of the learner's. */
static char *sibling_name(const char *target, const char *what)
{
	char *copy = xstrdup(target);
	char *dir_copy = xstrdup(target);
	char *name = xasprintf("%s/.%s.cursus-%s", dirname(dir_copy), basename(copy), what);
	free(dir_copy);
	free(copy);
	return name;
}

char *atomic_backup_name(const char *target)
{
	return sibling_name(target, "bak");
}

char *atomic_lock_name(const char *target)
{
	return sibling_name(target, "lock");
}

/* The previous version stays beside the file: a hard link costs nothing
 * and is never half written. */
static void link_backup(const char *target)
{
	char *bak = atomic_backup_name(target);
	char *tmp = sibling_name(target, "tmp-backup");
	unlink(tmp);
	if (link(target, tmp) == 0 && rename(tmp, bak) != 0)
		unlink(tmp);
	free(tmp);
	free(bak);
}

/* Writes and syncs a new temporary file beside target; returns its name.
 * The steps are marked N_(): whoever shows *step translates it. */
static char *write_temp(const char *target, const char *text, size_t len, mode_t mode,
			const char **step)
{
	char *tmp = sibling_name(target, "tmp-XXXXXX");
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*step = N_("create a temporary file");
		free(tmp);
		return NULL;
	}
	bool ok = true;
	if (fchmod(fd, mode) != 0)
		ok = false, *step = N_("set permissions");
	else if (!atomic_write_all(fd, text, len))
		ok = false, *step = N_("write");
	else if (fsync(fd) != 0)
		ok = false, *step = N_("sync");
	int saved = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		*step = N_("close");
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
		*step = N_("rename");
		unlink(tmp);
		free(tmp);
		errno = saved;
		return false;
	}
	free(tmp);
	*dir_synced = fsync_dir_of(target);
	return true;
}

/* Exactly the names write_temp and link_backup make: the prefix, then six
 * letters or digits (mkstemp's), or "backup". */
static bool is_temp_name(const char *name, const char *prefix, size_t plen)
{
	if (strncmp(name, prefix, plen) != 0)
		return false;
	const char *rest = name + plen;
	if (strcmp(rest, "backup") == 0)
		return true;
	size_t n = 0;
	while (isalnum((unsigned char)rest[n]))
		n++;
	return n == 6 && rest[n] == '\0';
}

void atomic_remove_stale_temps(const char *target)
{
	char *prefix_path = sibling_name(target, "tmp-");
	char *copy = xstrdup(prefix_path);
	const char *prefix = basename(copy);
	size_t plen = strlen(prefix);
	char *dir = dir_of(target);
	DIR *d = opendir(dir);
	struct dirent *de;
	while (d && (de = readdir(d)) != NULL) {
		if (!is_temp_name(de->d_name, prefix, plen))
			continue;
		char *full = xasprintf("%s/%s", dir, de->d_name);
		unlink(full);
		free(full);
	}
	if (d)
		closedir(d);
	free(dir);
	free(copy);
	free(prefix_path);
}

char *atomic_link_target(const char *path)
{
	char *cur = xstrdup(path);
	for (int hops = 0; hops < 16; hops++) {
		struct stat st;
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			break;
		char buf[PATH_MAX];
		ssize_t n = readlink(cur, buf, sizeof buf - 1);
		if (n <= 0)
			break;
		buf[n] = '\0';
		char *next;
		if (buf[0] == '/') {
			next = xstrdup(buf);
		} else {
			char *dir = dir_of(cur);
			next = xasprintf("%s/%s", dir, buf);
			free(dir);
		}
		free(cur);
		cur = next;
	}
	return cur;
}
