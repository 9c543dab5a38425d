/* Native language support: what a person reads goes through gettext.
 * _("text") where the text is used, N_("text") where it is only listed
 * (a table of labels, translated when shown), ngettext() for a sentence
 * that carries a count, C_("context", "text") for a text that another
 * language says differently in one context (gettext's pgettext: the
 * context and the text, joined by EOT, are the msgctxt and msgid). Built
 * with --disable-nls, all four are the English text itself. Spec text, command names, options, spec keys, the
 * progress file, --json, ICS and CSV are never translated. */
#ifndef CURSUS_NLS_H
#define CURSUS_NLS_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(text) gettext(text)
static inline const char *nls_pgettext(const char *context_text, const char *text)
{
	const char *translated = gettext(context_text);
	return translated == context_text ? text : translated;
}
#define C_(context, text) nls_pgettext(context "\004" text, text)
#else
#define _(text) (text)
#define C_(context, text) (text)
#undef ngettext
#define ngettext(one, many, n) ((n) == 1 ? (one) : (many))
#endif

#define N_(text) text

#endif
