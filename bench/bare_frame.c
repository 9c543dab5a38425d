/* bare_frame: the least a full-screen ncurses program does for one frame.
 *
 * Takes the character set from the locale, starts curses, fills the 80x24
 * screen with text (accents included), draws it, waits for a key and ends.
 * No file is read. On the pty of bench/first_frame.c it gives the floor of
 * any ncurses program's first frame on this machine, to set beside the
 * planner's and calcurse -t's (which starts no curses at all). The last
 * line ends with "q quit", the marker first_frame waits for. */
#include <curses.h>
#include <locale.h>

int main(void)
{
	setlocale(LC_CTYPE, "");
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	for (int y = 0; y < LINES - 1; y++)
		mvprintw(y, 0, "%2d  Gérer les projets d'apprentissage automatique  ........", y);
	mvaddstr(LINES - 1, 0, " Spc tick  q quit");
	refresh();
	getch();
	endwin();
	return 0;
}
