#include "config.h"
#include "locale_setup.h"
#include "human_format.h"
#include "nls.h"

#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The locale asked for in one category, as setlocale(category, "") reads
 * it: LC_ALL, else the category's own variable, else LANG. */
static const char *requested(const char *category_variable)
{
	const char *vars[] = { "LC_ALL", category_variable, "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return "";
}

/* "fr_CA.UTF-8", "xx_YY.utf8@euro" */
static bool names_utf8(const char *name)
{
	const char *dot = strchr(name, '.');
	return dot && (strncasecmp(dot + 1, "UTF-8", 5) == 0 ||
		       strncasecmp(dot + 1, "utf8", 4) == 0);
}

/* One category from the environment. A UTF-8 locale the system lacks
 * gives C.UTF-8 rather than the ASCII of "C". False when it was not
 * installed. */
static bool set_category(int category, const char *variable)
{
	if (setlocale(category, ""))
		return true;
	if (names_utf8(requested(variable)))
		setlocale(category, "C.UTF-8");
	return false;
}

/* Messages under C.UTF-8 after a fallback: gettext reads LANGUAGE in any
 * locale but "C", so the language the missing locale named ("fr" of
 * "fr_CA.UTF-8") still finds its catalogue. A LANGUAGE the user set wins. */
static void speak_as_requested(void)
{
	const char *name = requested("LC_MESSAGES");
	if (!names_utf8(name))
		return;
	char language[64];
	size_t n = strcspn(name, ".@");
	if (n == 0 || n >= sizeof language)
		return;
	memcpy(language, name, n);
	language[n] = '\0';
	setenv("LANGUAGE", language, 0);
}

void locale_setup(void)
{
	set_category(LC_CTYPE, "LC_CTYPE");
	if (!set_category(LC_MESSAGES, "LC_MESSAGES"))
		speak_as_requested();
	set_category(LC_TIME, "LC_TIME");
	human_format_use_numeric(requested("LC_NUMERIC"));
#ifdef ENABLE_NLS
	/* CURSUS_LOCALEDIR: the build tree's catalogues, for the program
	 * before make install (src/cursus and the tests set it). */
	const char *dir = getenv("CURSUS_LOCALEDIR");
	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	textdomain(PACKAGE);
#endif
}
