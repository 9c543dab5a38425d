#include "config.h"
#include "conflict_copies.h"
#include "xalloc.h"

#include <ctype.h>
#include <dirent.h>
#include <libgen.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* n characters of s are digits. */
static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* What lies between STEM and EXT in a Syncthing copy:
 * ".sync-conflict-YYYYMMDD-HHMMSS-DEVICE", DEVICE the first letters and
 * digits of the device id (seven today; any number is accepted). */
static bool syncthing_middle(const char *s, size_t n)
{
	static const char tag[] = ".sync-conflict-";
	size_t t = sizeof tag - 1;
	if (n < t + 17 || memcmp(s, tag, t) != 0)
		return false;
	s += t;
	n -= t;
	if (!digits(s, 8) || s[8] != '-' || !digits(s + 9, 6) || s[15] != '-')
		return false;
	for (size_t i = 16; i < n; i++)
		if (!isalnum((unsigned char)s[i]))
			return false;
	return true;
}

/* Dropbox's: " (NAME's conflicted copy YYYY-MM-DD)" or " (conflicted copy ...)". */
static bool dropbox_middle(const char *s, size_t n)
{
	static const char tag[] = "conflicted copy";
	if (n < 4 || s[0] != ' ' || s[1] != '(' || s[n - 1] != ')')
		return false;
	for (size_t i = 2; i + sizeof tag - 1 < n; i++)
		if (memcmp(s + i, tag, sizeof tag - 1) == 0)
			return true;
	return false;
}

static bool is_copy(const char *name, const char *stem, size_t stem_len, const char *ext)
{
	size_t n = strlen(name), ext_len = strlen(ext);
	if (n <= stem_len + ext_len || strncmp(name, stem, stem_len) != 0 ||
	    strcmp(name + n - ext_len, ext) != 0)
		return false;
	const char *mid = name + stem_len;
	size_t mid_len = n - stem_len - ext_len;
	return syncthing_middle(mid, mid_len) || dropbox_middle(mid, mid_len);
}

static int path_order(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The directory and base name of the file the sync tool sees: where a
 * symbolic link points, when it points somewhere. */
static void split_path(const char *state_path, char **dir, char **base)
{
	char resolved[PATH_MAX];
	const char *path = realpath(state_path, resolved) ? resolved : state_path;
	char *a = xstrdup(path), *b = xstrdup(path);
	*dir = xstrdup(dirname(a));
	*base = xstrdup(basename(b));
	free(a);
	free(b);
}

size_t progress_conflict_copies(const char *state_path, char ***paths)
{
	char *dir, *base;
	split_path(state_path, &dir, &base);
	const char *dot = strrchr(base, '.');
	size_t stem_len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	const char *ext = base + stem_len;
	size_t n = 0, cap = 0;
	*paths = NULL;
	DIR *d = opendir(dir);
	struct dirent *de;
	while (d && (de = readdir(d)) != NULL) {
		if (!is_copy(de->d_name, base, stem_len, ext))
			continue;
		XGROW(*paths, cap, n + 1);
		(*paths)[n++] = xasprintf("%s/%s", dir, de->d_name);
	}
	if (d)
		closedir(d);
	if (n)
		qsort(*paths, n, sizeof **paths, path_order);
	free(dir);
	free(base);
	return n;
}

void progress_conflict_copies_free(char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}
