/* The writers behind `cursus export`: one program's weekly plan as an
 * iCalendar file (RFC 5545, one all-day event per week), a CSV table
 * (RFC 4180) or a Markdown page. They build the whole document in memory;
 * where it goes (stdout, -o FILE) is the command's business. */
#ifndef CURSUS_EXPORT_H
#define CURSUS_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "plan.h"
#include "spec.h"

enum export_format { EXPORT_ICS, EXPORT_CSV, EXPORT_MD };

/* "ics", "csv", "md" or "markdown", in any case. False for anything else,
 * leaving *out alone. */
bool export_format_parse(const char *name, enum export_format *out);

/* The document for pl, a plan of p, as a malloc'd NUL-terminated string;
 * its length in *len when len is not NULL. stamp is the day written as the
 * iCalendar DTSTAMP (the caller passes --today), so that the same inputs
 * always give the same bytes. Hours are written by effort_format_hours(),
 * as `schedule` writes them, so with a point only where LC_NUMERIC is "C"
 * (cli_main sees to that): a comma would break the CSV. */
char *export_plan(enum export_format fmt, const struct program *p, const struct plan *pl,
		  struct date stamp, size_t *len);

#endif
