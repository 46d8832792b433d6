/* portail-famille: argv → the command it names. */
#include "config.h"

#include <locale.h>
#include <malloc.h>
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
	/* One malloc arena for every thread: tidy's parser thread and the
	 * interface's worker would each get an arena of their own, grown by
	 * mprotect 64 KB at a time and trimmed by madvise, its pages never
	 * reused by the main thread (measured: 20% more page faults on a
	 * large page). The threads seldom allocate at the same time: the
	 * lock they share costs next to nothing. */
	mallopt(M_ARENA_MAX, 1);
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
		/* No curl_global_init here: web/http initialises libcurl with the
		 * first session, so parse, --help and --version never pay for
		 * OpenSSL's configuration (2 ms, 2 MB). */
		rc = run(&options, options.argc - options.first_arg, argv + options.first_arg);
	}
	cli_options_free(&options);
	/* Stopped by Ctrl-C or SIGTERM (what was cancelled already said so):
	 * 130 or 143, what a script tests for, not the error it caused. */
	if (cli_interrupt_signal())
		rc = 128 + cli_interrupt_signal();
	return rc;
}
