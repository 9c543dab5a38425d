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
#undef ngettext
#define ngettext(one, many, n) ((n) == 1 ? (one) : (many))
#endif

#define N_(text) text

#endif
