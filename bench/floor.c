/* floor [-f] [-r] [-s] DIR...: the least any reader of cursus's specs must do. Reads
 * every *.md file in each DIR, splits off the front matter, runs libyaml's
 * event parser over it to the end of the stream and cmark over the body, and
 * builds nothing from either. Prints the number of files read.
 *
 * This is the benchmark's floor: cursus's own times are given as ratios of
 * this program's time on the same files.
 *
 * With -f, the body is not parsed: the least that a reader of every front
 * matter (cursus list, or any command that loads the catalogue) must do
 * when it reads the files themselves rather than a cache.
 *
 * With -r, each DIR is a vault (PRODUCT.md §1): its folders are walked
 * (openat, fdopendir; hidden ones skipped), every *.md note is read, and
 * the front matter of those that have one is parsed; a note without front
 * matter, or whose front matter is not YAML (a template's {{date}}), is
 * no error there.
 *
 * With -s, each note is only stat'ed, not read: the least that a reader
 * keeping a cache must do to know which notes changed (an edit in place
 * changes nothing else a walk could see). */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* d_type */
#include <cmark.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

static char *buf;
static size_t buf_cap;

/* The whole file into buf; its length, or -1. */
static long read_file(int dirfd, const char *name)
{
	int fd = openat(dirfd, name, O_RDONLY);
	if (fd < 0)
		return -1;
	struct stat st;
	if (fstat(fd, &st) != 0) {
		close(fd);
		return -1;
	}
	size_t want = (size_t)st.st_size + 1;
	if (want > buf_cap) {
		buf_cap = want * 2;
		buf = realloc(buf, buf_cap);
		if (!buf) {
			perror("floor");
			exit(1);
		}
	}
	size_t len = 0;
	for (;;) {
		if (len + 1 >= buf_cap) {
			buf_cap *= 2;
			buf = realloc(buf, buf_cap);
			if (!buf) {
				perror("floor");
				exit(1);
			}
		}
		ssize_t n = read(fd, buf + len, buf_cap - 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	buf[len] = '\0';
	return (long)len;
}

/* Finds the front matter: the lines between a first "---" line and the
 * next "---" or "..." line. */
static int split(const char *s, size_t len, const char **yaml, size_t *yaml_len,
		 const char **body, size_t *body_len)
{
	if (len < 4 || memcmp(s, "---", 3) != 0 || (s[3] != '\n' && s[3] != '\r'))
		return 0;
	const char *start = memchr(s, '\n', len);
	if (!start)
		return 0;
	start++;
	for (const char *line = start; line < s + len;) {
		const char *nl = memchr(line, '\n', (size_t)(s + len - line));
		size_t n = nl ? (size_t)(nl - line) : (size_t)(s + len - line);
		if (n && line[n - 1] == '\r')
			n--;
		if (n == 3 && (memcmp(line, "---", 3) == 0 || memcmp(line, "...", 3) == 0)) {
			*yaml = start;
			*yaml_len = (size_t)(line - start);
			*body = nl ? nl + 1 : s + len;
			*body_len = (size_t)(s + len - *body);
			return 1;
		}
		if (!nl)
			break;
		line = nl + 1;
	}
	return 0;
}

static int parse_yaml(const char *yaml, size_t len)
{
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p))
		return 0;
	yaml_parser_set_input_string(&p, (const unsigned char *)yaml, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	int ok = 1;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			ok = 0;
			break;
		}
		yaml_event_type_t type = ev.type;
		yaml_event_delete(&ev);
		if (type == YAML_STREAM_END_EVENT)
			break;
	}
	yaml_parser_delete(&p);
	return ok;
}

static int is_md(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 3 && strcmp(name + n - 3, ".md") == 0;
}

static int front_only, vault, stat_only;
static long files, bad;

/* One note: read, split, its front matter parsed, its body too unless -f. */
static void read_note(int dirfd, const char *name)
{
	long len = read_file(dirfd, name);
	const char *yaml, *body;
	size_t yaml_len, body_len;
	if (len < 0) {
		bad++;
		return;
	}
	if (!split(buf, (size_t)len, &yaml, &yaml_len, &body, &body_len)) {
		if (vault)
			files++; /* a note without front matter: read, and that is all */
		else
			bad++;
		return;
	}
	if (!parse_yaml(yaml, yaml_len) && !vault)
		bad++;
	if (front_only) {
		files++;
		return;
	}
	cmark_node *doc = cmark_parse_document(body, body_len, CMARK_OPT_DEFAULT);
	if (!doc) {
		bad++;
		return;
	}
	cmark_node_free(doc);
	files++;
}

/* Every note of the folder open as fd (which it closes), and with -r of
 * its folders. */
static int read_folder(int fd, const char *name)
{
	DIR *d = fdopendir(fd);
	if (!d) {
		fprintf(stderr, "floor: %s: %s\n", name, strerror(errno));
		close(fd);
		return 1;
	}
	struct dirent *de;
	int status = 0;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (vault && de->d_type == DT_DIR) {
			int sub = openat(dirfd(d), de->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
			status |= sub < 0 ? 1 : read_folder(sub, de->d_name);
		} else if (is_md(de->d_name) && stat_only) {
			struct stat st;
			if (fstatat(dirfd(d), de->d_name, &st, 0) == 0)
				files++;
			else
				bad++;
		} else if (is_md(de->d_name)) {
			read_note(dirfd(d), de->d_name);
		}
	}
	closedir(d);
	return status;
}

int main(int argc, char **argv)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-f") == 0) {
			front_only = 1;
		} else if (strcmp(argv[i], "-r") == 0) {
			vault = 1;
		} else if (strcmp(argv[i], "-s") == 0) {
			stat_only = 1;
		} else {
			fprintf(stderr, "usage: floor [-f] [-r] [-s] DIR...\n");
			return 2;
		}
	}
	if (i == argc) {
		fprintf(stderr, "usage: floor [-f] [-r] [-s] DIR...\n");
		return 2;
	}
	for (; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY | O_DIRECTORY);
		if (fd < 0) {
			fprintf(stderr, "floor: %s: %s\n", argv[i], strerror(errno));
			return 1;
		}
		if (read_folder(fd, argv[i]) != 0)
			return 1;
	}
	free(buf);
	printf("%ld files\n", files);
	if (bad) {
		fprintf(stderr, "floor: %ld files could not be read or parsed\n", bad);
		return 1;
	}
	return 0;
}
