#include "config.h"
#include "cli.h"
#include "locale_setup.h"

int main(int argc, char **argv)
{
	locale_setup();
	return cli_main(argc, argv);
}
