/* `parse invoices FILE [--json|--csv]`: a saved page read offline, so any
 * page a user reports can be replayed and turned into a fixture. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/file_map.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xalloc.h"
#include "exit_codes.h"
#include "web/html.h"
#include "portal/invoices.h"
#include "cli/commands.h"
#include "cli/invoice_output.h"

static int usage(FILE *out, int code)
{
	sanitize_fprintf(
	        out, sanitize_terminal_flags(), "%s",
	        _("usage: portail-famille parse invoices FILE [--json | --csv [--excel]]\n"
	          "Reads a saved \"Détail financier par facture\" page (FILE, or - for standard\n"
	          "input) and prints its invoices as a table, or as JSON with --json, or as CSV\n"
	          "with --csv (--excel: with a UTF-8 byte order mark, for Excel).\n"));
	return code;
}

/* Prints "portail-famille: <what>" with the message sanitized (it may quote
 * page text) and frees it. */
static void report(char *message)
{
	char *safe = sanitize_str(message ? message : "unknown error", SANITIZE_SINGLE_LINE);
	fprintf(stderr, "portail-famille: %s\n", safe);
	free(safe);
	free(message);
}

enum parse_format {
	FORMAT_TABLE,
	FORMAT_JSON,
	FORMAT_CSV
};

static int print_page(const struct invoice_page *page, enum parse_format format, bool excel)
{
	if (excel)
		invoice_output_bom(stdout);
	switch (format) {
	case FORMAT_JSON: return invoice_output_json(stdout, page);
	case FORMAT_CSV: return invoice_output_csv(stdout, page);
	default: return invoice_output_table(stdout, page);
	}
}

static int parse_invoices(const char *path, enum parse_format format, bool excel)
{
	char *err = NULL;
	struct file_map file;
	if (file_map_open(path, HTML_MAX_BYTES, &file, &err) < 0) {
		report(err);
		return EXIT_ERROR;
	}
	struct html_doc *doc = NULL;
	struct invoice_page *page = NULL;
	int rc = html_parse(file.data, file.len, NULL, &doc, &err);
	file_map_close(&file);
	if (rc < 0) {
		/* The page is named, as the portal's pages are by their label. */
		report(xasprintf("%s: %s", strcmp(path, "-") == 0 ? "standard input" : path, err));
		free(err);
		return EXIT_PAGE;
	}
	rc = invoice_page_parse(doc, &page, &err);
	html_doc_free(&doc);
	if (rc < 0) {
		report(err);
		return EXIT_PAGE;
	}
	invoice_output_warnings(stderr, page);
	rc = print_page(page, format, excel);
	invoice_page_free(&page);
	if (rc < 0 || fflush(stdout) == EOF) {
		sanitize_fprintf(stderr, sanitize_terminal_flags(), "portail-famille: %s\n",
		                 _("cannot write the output"));
		return EXIT_ERROR;
	}
	return EXIT_OK;
}

int cmd_parse(int argc, char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "csv", no_argument, NULL, 'c' },
		{ "excel", no_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum parse_format format = FORMAT_TABLE;
	bool excel = false;
	int c;
	/* 0, not 1: glibc then reads this optstring's ordering afresh. */
	optind = 0;
	/* Options may also follow the file ("parse invoices page.html --json"):
	 * getopt puts them first; "-" is a file (standard input). */
	while ((c = getopt_long(argc, argv, "jch", options, NULL)) != -1) {
		switch (c) {
		case 'j': format = FORMAT_JSON; break;
		case 'c': format = FORMAT_CSV; break;
		case 'e': excel = true; break;
		case 'h': return usage(stdout, EXIT_OK);
		default: return usage(stderr, EXIT_USAGE);
		}
	}
	int rest = argc - optind;
	char **args = argv + optind;
	if (rest != 2 || strcmp(args[0], "invoices") != 0 || (excel && format != FORMAT_CSV))
		return usage(stderr, EXIT_USAGE);
	return parse_invoices(args[1], format, excel);
}
