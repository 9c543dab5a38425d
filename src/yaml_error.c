#include "config.h"
#include "yaml_error.h"
#include "nls.h"

#include <stdio.h>
#include <string.h>

int yaml_error(const yaml_parser_t *parser, int first_line, char *buf, size_t size)
{
	const char *problem = parser->problem ? parser->problem : _("unknown error");
	const char *context = parser->context;
	int line = first_line + (int)parser->problem_mark.line;
	int context_line = first_line + (int)parser->context_mark.line;
	if (context && strncmp(context, "while scanning", 14) == 0)
		line = context_line; /* the scanner's context is the broken token */
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
