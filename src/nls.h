/* Native language support: what a person reads goes through gettext.
 * _("text") where the text is used, N_("text") where it is only listed
 * (a table of labels, translated when shown), ngettext() for a sentence
 * that carries a count. Built with --disable-nls, all three are the
 * English text itself. Spec text, command names, options, spec keys, the
 * progress file, --json, ICS and CSV are never translated. */
#ifndef CURSUS_NLS_H
#define CURSUS_NLS_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(text) gettext(text)
#else
#define _(text) (text)
/* A function, as libintl's is, so that the compiler checks a format
 * through either of its texts, even when both are the same. */
__attribute__((format_arg(1), format_arg(2))) static inline const char *
nls_ngettext(const char *one, const char *many, unsigned long n)
{
	return n == 1 ? one : many;
}
#undef ngettext
#define ngettext(one, many, n) nls_ngettext((one), (many), (n))
#endif

#define N_(text) text

#endif
