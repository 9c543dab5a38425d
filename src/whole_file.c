#include "config.h"
#include "whole_file.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reads fd to its end and closes it. size is what fstat() said (0 when
 * unknown): the buffer is sized from it, one byte more to see the end of
 * the file without growing, one for the NUL. */
static char *read_to_end(int fd, off_t size, size_t max, size_t *len, int *err)
{
	size_t cap = size > 0 && (size_t)size <= max ? (size_t)size + 2 : 4096;
	char *buf = xmalloc(cap);
	size_t n = 0;
	*err = 0;
	for (;;) {
		if (n + 1 >= cap)
			XGROW(buf, cap, n + 4096);
		ssize_t got = read(fd, buf + n, cap - n - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			*err = errno;
		if (got <= 0)
			break;
		n += (size_t)got;
		if (n > max) {
			*err = EFBIG;
			break;
		}
	}
	close(fd);
	if (*err) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Opens path and checks what it is: a regular file, or with streams also
 * a FIFO or a character device. -1 with *err set otherwise. */
static int open_readable(const char *path, bool streams, struct stat *st, int *err)
{
	/* O_NONBLOCK: a FIFO put where a file was expected must not hang
	 * the open; it is refused below like any file that is not regular. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | (streams ? 0 : O_NONBLOCK));
	if (fd < 0) {
		*err = errno;
		return -1;
	}
	*err = fstat(fd, st) != 0 ? errno
	       : S_ISREG(st->st_mode) ? 0
	       : S_ISDIR(st->st_mode) ? EISDIR
	       : streams && (S_ISFIFO(st->st_mode) || S_ISCHR(st->st_mode)) ? 0
	       : EINVAL;
	if (*err) {
		close(fd);
		return -1;
	}
	return fd;
}

char *whole_file_read(const char *path, size_t max, size_t *len, int *err)
{
	struct stat st;
	int fd = open_readable(path, false, &st, err);
	return fd < 0 ? NULL : read_to_end(fd, st.st_size, max, len, err);
}

char *whole_stream_read(const char *path, size_t max, size_t *len, int *err)
{
	struct stat st;
	int fd = open_readable(path, true, &st, err);
	return fd < 0 ? NULL
		      : read_to_end(fd, S_ISREG(st.st_mode) ? st.st_size : 0, max, len, err);
}
