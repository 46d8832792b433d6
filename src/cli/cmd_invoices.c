/* `invoices [--json | --csv [--excel]] [--regie NAME]`: every régie's
 * invoices, or one régie's, from the portal. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xalloc.h"
#include "portal/invoices.h"
#include "portal/regie_name.h"
#include "app/connect.h"
#include "cli/commands.h"
#include "cli/invoice_output.h"
#include "cli/invoice_plain.h"

enum invoice_format {
	FORMAT_TABLE,
	FORMAT_JSON,
	FORMAT_CSV,
	FORMAT_PLAIN /* the table for screen readers (--plain) */
};

struct invoices_args {
	enum invoice_format format;
	bool excel;
	bool ascii; /* --ascii */
	const char *regie;
};

static int parse_args(int argc, char **argv, struct invoices_args *a)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "csv", no_argument, NULL, 'c' },
		{ "excel", no_argument, NULL, 'e' },
		{ "regie", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		if (c == 'j' && a->format != FORMAT_CSV)
			a->format = FORMAT_JSON;
		else if (c == 'c' && a->format != FORMAT_JSON)
			a->format = FORMAT_CSV;
		else if (c == 'e')
			a->excel = true;
		else if (c == 'r')
			a->regie = optarg;
		else
			return -1;
	}
	if (a->excel && a->format != FORMAT_CSV)
		return -1;
	return optind == argc ? 0 : -1;
}

/* The page as if it held régie r alone: a view sharing page's invoices,
 * never freed. */
static void one_regie(const struct invoice_page *page, size_t r, struct invoice_page *view,
                      struct regie *regie)
{
	*regie = page->regies[r];
	regie->first_invoice = 0;
	*view = *page;
	view->invoices = page->invoices + page->regies[r].first_invoice;
	view->ninvoices = page->regies[r].ninvoices;
	view->regies = regie;
	view->nregies = 1;
}

static enum exit_code print_invoices(const struct invoices_args *a, const struct invoice_page *page,
                                     char **errp)
{
	struct invoice_page view;
	struct regie regie;
	if (a->regie) {
		long r = regie_find(page, a->regie, errp);
		if (r < 0)
			return EXIT_USAGE;
		one_regie(page, (size_t)r, &view, &regie);
		page = &view;
	}
	invoice_output_warnings(stderr, page);
	if (a->excel)
		invoice_output_bom(stdout);
	struct date today = date_today();
	int written = a->format == FORMAT_JSON  ? invoice_output_json(stdout, page)
	              : a->format == FORMAT_CSV ? invoice_output_csv(stdout, page)
	              : a->format == FORMAT_PLAIN
	                      ? invoice_output_plain(stdout, page, &today,
	                                             sanitize_terminal_flags() |
	                                                     (a->ascii ? SANITIZE_ASCII : 0))
	                      : invoice_output_table(stdout, page);
	if (written < 0 || fflush(stdout) == EOF) {
		set_error(errp, _("cannot write the output"));
		return EXIT_ERROR;
	}
	return EXIT_OK;
}

int cmd_invoices(struct cli_options *options, int argc, char **argv)
{
	struct invoices_args a = { .format = FORMAT_TABLE };
	if (parse_args(argc, argv, &a) < 0) {
		sanitize_fprintf(
		        stderr, sanitize_terminal_flags(), "%s",
		        _("usage: portail-famille invoices [--json | --csv [--excel]] [--regie NAME]\n"));
		return EXIT_USAGE;
	}
	if (a.format == FORMAT_TABLE && options->plain)
		a.format = FORMAT_PLAIN;
	a.ascii = options->ascii;
	struct cli_context ctx;
	char *err = NULL;
	struct invoice_page *page = NULL;
	enum exit_code rc = cli_connect(options, &ctx, &err);
	if (rc == EXIT_OK)
		rc = portal_read_invoices(ctx.portal, &page, NULL, &err);
	if (rc == EXIT_OK)
		rc = print_invoices(&a, page, &err);
	invoice_page_free(&page);
	cli_disconnect(&ctx);
	if (rc != EXIT_OK)
		cli_report(err);
	return rc;
}
