#include "config.h"
#include "whole_file.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

char *whole_file_read(const char *path, size_t max, size_t *len, int *err)
{
	/* O_NONBLOCK: a FIFO put where a file was expected must not hang
	 * the open; it is refused below like any file that is not regular. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		*err = errno;
		return NULL;
	}
	struct stat st;
	*err = fstat(fd, &st) != 0 ? errno
	       : S_ISREG(st.st_mode) ? 0
	       : S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
	if (*err) {
		close(fd);
		return NULL;
	}
	/* The size, one byte more to see the end of the file without growing
	 * the buffer, one for the NUL. */
	size_t cap = st.st_size > 0 && (size_t)st.st_size <= max
			     ? (size_t)st.st_size + 2
			     : 4096;
	char *buf = xmalloc(cap);
	size_t n = 0;
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
