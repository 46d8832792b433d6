/* portail-famille: argv → the command it names. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/exit_codes.h"

static int usage(FILE *out, int code)
{
	fputs("usage: portail-famille COMMAND [ARGS]\n"
	      "\n"
	      "Commands:\n"
	      "  parse invoices FILE [--json]   read a saved invoice page offline\n"
	      "\n"
	      "Options:\n"
	      "  -h, --help       this help\n"
	      "  -V, --version    the version\n"
	      "\n"
	      "See portail-famille(1).\n",
	      out);
	return code;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc < 2)
		return usage(stderr, EXIT_USAGE);
	const char *command = argv[1];
	if (strcmp(command, "-h") == 0 || strcmp(command, "--help") == 0)
		return usage(stdout, EXIT_OK);
	if (strcmp(command, "-V") == 0 || strcmp(command, "--version") == 0) {
		puts(PACKAGE_STRING);
		return EXIT_OK;
	}
	if (strcmp(command, "parse") == 0)
		return cmd_parse(argc - 1, argv + 1);
	fprintf(stderr, "portail-famille: unknown command \"%s\"\n", command);
	return usage(stderr, EXIT_USAGE);
}
