/* `payments [--json | --csv] [--year YYYY]`: the payments the portal lists,
 * or a year's sums per régie (what a tax return or an employer asks for). */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/i18n.h"
#include "util/xalloc.h"
#include "portal/payments.h"
#include "app/connect.h"
#include "cli/commands.h"
#include "cli/payment_output.h"

struct payments_args {
	enum payment_format format;
	int year;   /* 0: the list */
	bool plain; /* --plain: labelled lines instead of the table */
};

static int parse_year(const char *text, int *year)
{
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (!*text || *end || errno || v < 1900 || v > 9999)
		return -1;
	*year = (int)v;
	return 0;
}

#define PAYMENTS_USAGE "usage: portail-famille payments [--json | --csv] [--year YYYY]"

static int parse_args(int argc, char **argv, struct payments_args *a, char **errp)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "csv", no_argument, NULL, 'c' },
		{ "year", required_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		if (c == 'j' && a->format != PAYMENT_CSV)
			a->format = PAYMENT_JSON;
		else if (c == 'c' && a->format != PAYMENT_JSON)
			a->format = PAYMENT_CSV;
		else if (c == 'y') {
			if (parse_year(optarg, &a->year) < 0)
				return set_error(errp,
				                 _("payments: --year needs a year such as 2025, "
				                   "not \"%s\""),
				                 optarg);
		} else
			return set_error(errp, "%s", _(PAYMENTS_USAGE));
	}
	if (optind != argc)
		return set_error(errp, "%s", _(PAYMENTS_USAGE));
	return 0;
}

static enum exit_code print_history(const struct payments_args *a, const struct payment_history *h,
                                    char **errp)
{
	payment_output_warnings(stderr, h);
	int written = a->year ? payment_output_year(stdout, h, a->year, a->format)
	              : a->format == PAYMENT_JSON ? payment_output_json(stdout, h)
	              : a->format == PAYMENT_CSV  ? payment_output_csv(stdout, h)
	              : a->plain                  ? payment_output_plain(stdout, h)
	                                          : payment_output_table(stdout, h);
	if (written < 0 || fflush(stdout) == EOF) {
		set_error(errp, "%s", _("cannot write the output"));
		return EXIT_ERROR;
	}
	return EXIT_OK;
}

int cmd_payments(struct cli_options *options, int argc, char **argv)
{
	struct payments_args a = { .format = PAYMENT_TABLE, .plain = options->plain };
	char *err = NULL;
	if (parse_args(argc, argv, &a, &err) < 0) {
		cli_report(err);
		return EXIT_USAGE;
	}
	struct cli_context ctx;
	struct payment_history *history = NULL;
	enum exit_code rc = cli_connect(options, &ctx, &err);
	if (rc == EXIT_OK)
		rc = portal_read_payments(ctx.portal, &history, &err);
	if (rc == EXIT_OK)
		rc = print_history(&a, history, &err);
	payment_history_free(&history);
	cli_disconnect(&ctx);
	if (rc != EXIT_OK)
		cli_report(err);
	return rc;
}
