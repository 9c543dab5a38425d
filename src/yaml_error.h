/* libyaml's errors, said the same way for every file cursus reads. */
#ifndef CURSUS_YAML_ERROR_H
#define CURSUS_YAML_ERROR_H

#include <stddef.h>
#include <yaml.h>

/* The line of the parser's error, lines counted from first_line (that of
 * the input's first line), and libyaml's (English) words for it in buf:
 * its problem, what it was reading and, when that began on another line,
 * which. A key without its ':' and a quote never closed are named by the
 * line they start on, where the mistake is, rather than where libyaml
 * gave up. */
int yaml_error(const yaml_parser_t *parser, int first_line, char *buf, size_t size);

#endif
