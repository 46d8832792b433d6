/* `check [--days N] [--json]`: what a cron job mails. Invoices overdue or
 * due within N days and the documents the home page asks for; nothing
 * printed and exit 0 when there is nothing, exit 7 when there is. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"
#include "portal/documents_due.h"
#include "portal/invoices.h"
#include "portal/reminders.h"
#include "app/connect.h"
#include "cli/commands.h"
#include "cli/invoice_output.h"
#include "cli/reminder_output.h"

/* A year ahead is the longest window that means anything for a bill. */
#define CHECK_MAX_DAYS 366

struct check_args {
	int days;
	bool json;
};

static int parse_days(const char *text, int *days)
{
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (!*text || *end || errno || v < 0 || v > CHECK_MAX_DAYS)
		return -1;
	*days = (int)v;
	return 0;
}

static int parse_args(int argc, char **argv, struct check_args *a, char **errp)
{
	static const struct option options[] = {
		{ "days", required_argument, NULL, 'd' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		if (c == 'd' && parse_days(optarg, &a->days) < 0)
			return set_error(errp,
			                 _("check: --days needs a number of days from 0 to %d"),
			                 CHECK_MAX_DAYS);
		else if (c == 'j')
			a->json = true;
		else if (c != 'd')
			return set_error(errp, "%s",
			                 _("usage: portail-famille check [--days N] [--json]"));
	}
	if (optind != argc)
		return set_error(errp, "%s", _("usage: portail-famille check [--days N] [--json]"));
	return 0;
}

static enum exit_code report(const struct check_args *a, const struct invoice_page *page,
                             const struct documents_due *docs, char **errp)
{
	struct reminders r = { .documents = docs, .today = date_today() };
	r.invoices = reminders_select(page, &r.today, a->days, &r.ninvoices);
	enum exit_code rc = EXIT_OK;
	if (!reminders_empty(&r)) {
		invoice_output_warnings(stderr, page);
		int written = a->json ? reminder_output_json(stdout, &r)
		                      : reminder_output_text(stdout, &r);
		if (written < 0 || fflush(stdout) == EOF) {
			set_error(errp, "%s", _("cannot write the output"));
			rc = EXIT_ERROR;
		} else {
			rc = EXIT_REMINDERS;
		}
	}
	free(r.invoices);
	return rc;
}

int cmd_check(struct cli_options *options, int argc, char **argv)
{
	struct check_args a = { REMINDER_DEFAULT_DAYS, false };
	char *err = NULL;
	if (parse_args(argc, argv, &a, &err) < 0) {
		cli_report(err);
		return EXIT_USAGE;
	}
	struct cli_context ctx;
	struct invoice_page *page = NULL;
	struct documents_due *docs = NULL;
	enum exit_code rc = cli_connect(options, &ctx, &err);
	/* The home page first: it is the page the login lands on, so reading
	 * it costs no request. */
	if (rc == EXIT_OK)
		rc = portal_read_documents_due(ctx.portal, &docs, &err);
	if (rc == EXIT_OK)
		rc = portal_read_invoices(ctx.portal, &page, NULL, &err);
	if (rc == EXIT_OK)
		rc = report(&a, page, docs, &err);
	documents_due_free(&docs);
	invoice_page_free(&page);
	cli_disconnect(&ctx);
	if (rc != EXIT_OK && rc != EXIT_REMINDERS)
		cli_report(err);
	return rc;
}
