/* reader_frame: the least a planner bound to cursus's libraries does
 * before its first frame.
 *
 * bare_frame's frame, preceded by what any program that shows a spec's
 * plan must do with the libraries cursus is required to link: the locale
 * of characters, messages and dates; the message catalogue; the progress
 * file through libyaml; one spec, its front matter through libyaml and its
 * body through cmark (every node visited). libutf8proc and json-c are
 * linked and called once, as cursus links them. No check, no model, no
 * plan, no cache, no error handling: a floor, not a program. It reads a
 * spec of up to 64 KB in one read() and finds its front matter's end by
 * "\n---\n" (P4-A's form, not CRLF). The catalogue is looked for under
 * /usr/share/locale; in the bench's C.UTF-8, neither it nor cursus (under
 * its own LOCALEDIR) loads one.
 *
 *   reader_frame PROGRESS_FILE SPEC
 *
 * On the pty of bench/first_frame.c, beside bare_frame, it shows what of
 * the planner's first frame the libraries and the reading alone take. */
#include <cmark.h>
#include <curses.h>
#include <fcntl.h>
#include <json.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>
#include <yaml.h>

static char progress[4096], spec[65536];

static size_t read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? 0 : read(fd, buf, size - 1);
	if (fd >= 0)
		close(fd);
	n = n < 0 ? 0 : n;
	buf[n] = '\0';
	return (size_t)n;
}

static int yaml_events(const char *text, size_t len)
{
	yaml_parser_t parser;
	yaml_event_t event;
	int n = 0, done = 0;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (!done && yaml_parser_parse(&parser, &event)) {
		done = event.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&event);
		n++;
	}
	yaml_parser_delete(&parser);
	return n;
}

static int cmark_nodes(const char *text)
{
	cmark_node *doc = cmark_parse_document(text, strlen(text), CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(doc);
	int n = 0;
	while (cmark_iter_next(it) != CMARK_EVENT_DONE)
		n++;
	cmark_iter_free(it);
	cmark_node_free(doc);
	return n;
}

int main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	setlocale(LC_TIME, "");
	bindtextdomain("cursus", "/usr/share/locale");
	textdomain("cursus");
	int events = yaml_events(progress, read_file(argv[1], progress, sizeof progress));
	read_file(argv[2], spec, sizeof spec);
	char *end = strstr(spec, "\n---\n"); /* the front matter's closing fence */
	char *body = end ? end + 5 : spec;
	if (end)
		*end = '\0';
	events += yaml_events(spec, strlen(spec));
	int nodes = cmark_nodes(body);
	int linked = utf8proc_charwidth('a') + (json_c_version_num() > 0);

	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	for (int y = 0; y < LINES - 1; y++)
		mvprintw(y, 0, "%2d  Gérer les projets d'apprentissage automatique  %d %d %d", y,
			 events, nodes, linked);
	mvaddstr(LINES - 1, 0, gettext(" Spc tick  q quit"));
	refresh();
	getch();
	endwin();
	return 0;
}
