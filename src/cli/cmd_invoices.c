/* `invoices [--json | --csv]`: every régie's invoices, from the portal. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "portal/invoices.h"
#include "app/connect.h"
#include "cli/commands.h"
#include "cli/invoice_output.h"

enum invoice_format {
	FORMAT_TABLE,
	FORMAT_JSON,
	FORMAT_CSV
};

static int parse_args(int argc, char **argv, enum invoice_format *format)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "csv", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		if (c == 'j' && *format != FORMAT_CSV)
			*format = FORMAT_JSON;
		else if (c == 'c' && *format != FORMAT_JSON)
			*format = FORMAT_CSV;
		else
			return -1;
	}
	return optind == argc ? 0 : -1;
}

int cmd_invoices(struct cli_options *options, int argc, char **argv)
{
	enum invoice_format format = FORMAT_TABLE;
	if (parse_args(argc, argv, &format) < 0) {
		fputs("usage: portail-famille invoices [--json | --csv]\n", stderr);
		return EXIT_USAGE;
	}
	struct cli_context ctx;
	char *err = NULL;
	struct invoice_page *page = NULL;
	enum exit_code rc = cli_connect(options, &ctx, &err);
	if (rc == EXIT_OK)
		rc = portal_read_invoices(ctx.portal, &page, NULL, &err);
	if (rc == EXIT_OK) {
		invoice_output_warnings(stderr, page);
		int written = format == FORMAT_JSON  ? invoice_output_json(stdout, page)
		              : format == FORMAT_CSV ? invoice_output_csv(stdout, page)
		                                     : invoice_output_table(stdout, page);
		if (written < 0 || fflush(stdout) == EOF) {
			err = strdup("cannot write the output");
			rc = EXIT_ERROR;
		}
	}
	invoice_page_free(&page);
	cli_disconnect(&ctx);
	if (rc != EXIT_OK)
		cli_report(err);
	return rc;
}
