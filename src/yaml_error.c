#include "config.h"
#include "yaml_error.h"
#include "nls.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Whether the mistake is where libyaml's context began rather than where
 * it gave up: a key without its ':' (found on a later line), a quote
 * never closed (found at the end of the file). */
static bool mistake_at_context(const char *problem, const char *context)
{
	return context && (strcmp(context, "while scanning a simple key") == 0 ||
			   (strcmp(context, "while scanning a quoted scalar") == 0 &&
			    strstr(problem, "end of stream")));
}

int yaml_error(const yaml_parser_t *parser, int first_line, char *buf, size_t size)
{
	const char *problem = parser->problem ? parser->problem : _("unknown error");
	const char *context = parser->context;
	int line = first_line + (int)parser->problem_mark.line;
	int context_line = first_line + (int)parser->context_mark.line;
	if (mistake_at_context(problem, context))
		line = context_line;
	if (context && context_line != line)
		/* TRANSLATORS: libyaml's own (English) words: its problem,
		 * then what it was reading ("while parsing a block mapping"),
		 * which began on the line given. */
		snprintf(buf, size, _("%s %s started on line %d"), problem, context,
			 context_line);
	else if (context)
		snprintf(buf, size, "%s %s", problem, context);
	else
		snprintf(buf, size, "%s", problem);
	return line;
}
