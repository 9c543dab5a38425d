/* Moving a selection through a list of lines shown in a window of h lines:
 * what every pane, the chooser and help share. No curses here. */
#ifndef CURSUS_UI_LIST_H
#define CURSUS_UI_LIST_H

#include <stdbool.h>

#include "ui_actions.h"

/* Keeps *sel within [0, n) and *top so that *sel is among h lines. */
void ui_list_scroll_to(int *sel, int *top, int n, int h);

/* Moves *sel for the movement actions (up, down, pages, home, end) in a
 * list of n lines shown h at a time, keeping it in view; false for any
 * other action. */
bool ui_list_move(int *sel, int *top, enum action act, int n, int h);

#endif
