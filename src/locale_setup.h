/* The locale cursus runs in (PRODUCT.md section 6), set once in main()
 * before anything is read or shown. */
#ifndef CURSUS_LOCALE_SETUP_H
#define CURSUS_LOCALE_SETUP_H

/* The character set, the messages and the dates follow the user's
 * locale; numbers are shown in the user's LC_NUMERIC (human_format) while
 * the program's own LC_NUMERIC and LC_COLLATE stay "C", so that every
 * parser and every file written keeps a decimal point and ids sort by
 * bytes. A UTF-8 locale that is not installed falls back to C.UTF-8
 * (accents and box drawing kept), and the messages still follow the
 * language it named when there is a catalogue for it. */
void locale_setup(void);

#endif
