/* portail-famille: argv → the command it names. */
#include "config.h"

#include <curl/curl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "exit_codes.h"
#include "app/connect.h"
#include "app/options.h"
#include "app/password.h"
#include "cli/commands.h"
#include "ui/ui.h"

static const struct {
	const char *name;
	int (*run)(struct cli_options *options, int argc, char **argv);
} commands[] = {
	{ "check", cmd_check }, { "download", cmd_download }, { "invoices", cmd_invoices },
	{ "page", cmd_page },   { "pay", cmd_pay },           { "payments", cmd_payments },
};

static int run(struct cli_options *options, int argc, char **argv)
{
	if (argc == 0)
		return ui_run(options);
	if (strcmp(argv[0], "parse") == 0)
		return cmd_parse(argc, argv);
	if (strcmp(argv[0], "profiles") == 0)
		return cmd_profiles(options, argc, argv);
	/* A command shows what it waits on (a terminal's stderr only). */
	options->progress = true;
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			return commands[i].run(options, argc, argv);
	char *message = NULL;
	asprintf(&message, _("unknown command \"%s\" (see --help)"), argv[0]);
	cli_report(message);
	return EXIT_USAGE;
}

int main(int argc, char **argv)
{
	i18n_init();
	password_protect_process();
	cli_install_signal_handlers();
	struct cli_options options;
	char *err = NULL;
	int parsed = cli_options_parse(argc, argv, &options, &err);
	int rc = EXIT_OK;
	if (parsed < 0) {
		cli_report(err);
		rc = EXIT_USAGE;
	} else if (parsed == 0) {
		curl_global_init(CURL_GLOBAL_DEFAULT);
		rc = run(&options, options.argc - options.first_arg, argv + options.first_arg);
		curl_global_cleanup();
	}
	cli_options_free(&options);
	/* Stopped by Ctrl-C or SIGTERM (what was cancelled already said so):
	 * 130 or 143, what a script tests for, not the error it caused. */
	if (cli_interrupt_signal())
		rc = 128 + cli_interrupt_signal();
	return rc;
}
