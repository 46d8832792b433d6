/* `download (--invoice NUM... | --all) [-o PATH] [--force]`: saves the
 * documents (PDFs) the invoice rows link, prints where. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xalloc.h"
#include "portal/invoices.h"
#include "app/connect.h"
#include "app/document_save.h"
#include "cli/commands.h"

struct download_args {
	const char **numbers;
	size_t count;
	bool all;
	struct document_dest dest;
};

static int usage(void)
{
	sanitize_fprintf(stderr, sanitize_terminal_flags(), "%s",
	                 _("usage: portail-famille download (--invoice NUM... | --all) "
	                   "[-o|--output PATH] [--force]\n"));
	return EXIT_USAGE;
}

static void add_number(struct download_args *a, const char *number)
{
	a->numbers = xreallocarray(a->numbers, a->count + 1, sizeof(char *));
	a->numbers[a->count++] = number;
}

static int parse_args(int argc, char **argv, struct download_args *a)
{
	static const struct option options[] = {
		{ "invoice", required_argument, NULL, 'i' },
		{ "all", no_argument, NULL, 'a' },
		{ "force", no_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+o:", options, NULL)) != -1) {
		switch (c) {
		case 'i':
			add_number(a, optarg);
			/* "--invoice A B C": the numbers that follow belong to it. */
			while (optind < argc && argv[optind][0] != '-')
				add_number(a, argv[optind++]);
			break;
		case 'a': a->all = true; break;
		case 'f': a->dest.force = true; break;
		case 'o': a->dest.path = optarg; break;
		default: return -1;
		}
	}
	if (optind != argc || a->all == (a->count > 0) || (a->dest.path && !*a->dest.path))
		return -1;
	return 0;
}

static const struct invoice *find_invoice(const struct invoice_page *page, const char *number)
{
	for (size_t i = 0; i < page->ninvoices; i++)
		if (strcmp(page->invoices[i].number, number) == 0)
			return &page->invoices[i];
	return NULL;
}

static enum exit_code print_path(const char *path, char **errp)
{
	/* Our part of the name is plain ASCII (file_name_safe); the rest is
	 * the directory the user gave: printed as it is, for scripts. */
	if (printf("%s\n", path) < 0 || fflush(stdout) == EOF) {
		set_error(errp, "%s", _("cannot write the output"));
		return EXIT_ERROR;
	}
	return EXIT_OK;
}

/* One invoice asked by its number: its document saved, or why not. */
static enum exit_code download_one(struct portal *portal, const struct invoice_page *page,
                                   const char *number, const struct document_dest *dest,
                                   char **errp)
{
	const struct invoice *inv = find_invoice(page, number);
	if (!inv) {
		set_error(errp, _("the portal shows no invoice %s"), number);
		return EXIT_USAGE;
	}
	if (!inv->document_href) {
		set_error(errp, _("invoice %s: the portal offers no document for it"), number);
		return EXIT_PAGE;
	}
	struct document_saved saved;
	enum exit_code rc = document_save(portal, inv->number, inv->document_url, dest, &saved,
	                                  errp);
	if (rc == EXIT_OK && saved.existed) {
		set_error(errp, _("%s already exists: not replaced (--force replaces it)"),
		          saved.path);
		rc = EXIT_ERROR;
	} else if (rc == EXIT_OK) {
		rc = print_path(saved.path, errp);
	}
	document_saved_clear(&saved);
	return rc;
}

/* A failure of one document that leaves the others worth trying. */
static bool only_this_one(enum exit_code rc)
{
	return rc == EXIT_PAGE;
}

/* --all: every document not in the directory yet. Goes on past a document
 * the portal spoils (each said on stderr); stops on the network, the
 * login or the disk. Returns the first failure. */
static enum exit_code download_all(struct portal *portal, const struct invoice_page *page,
                                   const struct document_dest *dest, char **errp)
{
	enum exit_code first = EXIT_OK;
	size_t linked = 0;
	for (size_t i = 0; i < page->ninvoices; i++) {
		const struct invoice *inv = &page->invoices[i];
		if (!inv->document_href)
			continue;
		linked++;
		struct document_saved saved;
		char *err = NULL;
		enum exit_code rc = document_save(portal, inv->number, inv->document_url, dest,
		                                  &saved, &err);
		if (rc == EXIT_OK && saved.existed)
			cli_report(xasprintf(_("%s: already there (%s), left as it is"),
			                     inv->number, saved.path));
		else if (rc == EXIT_OK)
			rc = print_path(saved.path, &err);
		document_saved_clear(&saved);
		if (rc == EXIT_OK)
			continue;
		if (first == EXIT_OK)
			first = rc;
		if (!only_this_one(rc)) {
			*errp = err;
			return first;
		}
		cli_report(err);
	}
	if (first == EXIT_OK && linked == 0 && page->ninvoices > 0) {
		set_error(errp, _("invoice page: no invoice links a document"));
		return EXIT_PAGE;
	}
	if (first != EXIT_OK)
		set_error(errp, _("some documents could not be saved"));
	return first;
}

int cmd_download(struct cli_options *options, int argc, char **argv)
{
	struct download_args a = { 0 };
	if (parse_args(argc, argv, &a) < 0) {
		free(a.numbers);
		return usage();
	}
	char *err = NULL;
	enum exit_code rc = EXIT_OK;
	if ((a.all || a.count > 1) && !document_dest_is_dir(&a.dest)) {
		set_error(&err, _("%s is not a directory: with several documents, -o names one"),
		          a.dest.path);
		rc = EXIT_USAGE;
	}
	struct cli_context ctx = { 0 };
	struct invoice_page *page = NULL;
	bool connected = false;
	if (rc == EXIT_OK) {
		rc = cli_connect(options, &ctx, &err);
		connected = true;
	}
	if (rc == EXIT_OK)
		rc = portal_read_invoices(ctx.portal, &page, NULL, &err);
	if (rc == EXIT_OK && a.all)
		rc = download_all(ctx.portal, page, &a.dest, &err);
	for (size_t i = 0; rc == EXIT_OK && i < a.count; i++)
		rc = download_one(ctx.portal, page, a.numbers[i], &a.dest, &err);
	invoice_page_free(&page);
	if (connected)
		cli_disconnect(&ctx);
	free(a.numbers);
	if (rc != EXIT_OK)
		cli_report(err);
	return rc;
}
