#include "config.h"
#include "user_dirs.h"
#include "xalloc.h"

#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

const char *user_home(void)
{
	const char *home = getenv("HOME");
	if (home && *home)
		return home;
	struct passwd *pw = getpwuid(getuid());
	return pw ? pw->pw_dir : "/";
}

char *user_xdg_path(const char *var, const char *fallback, const char *sub)
{
	const char *v = getenv(var);
	if (v && v[0] == '/')
		return xasprintf("%s/%s", v, sub);
	return xasprintf("%s/%s/%s", user_home(), fallback, sub);
}
