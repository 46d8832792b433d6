/* `page NAME`: a page of the portal's menu as text. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xalloc.h"
#include "web/url.h"
#include "portal/page_content.h"
#include "app/connect.h"
#include "cli/commands.h"

static const char *const page_names[] = { "accueil",     "tableau-de-bord", "famille",
	                                  "coordonnees", "inscriptions",    "compte",
	                                  "aide" };

static int usage(void)
{
	sanitize_fprintf(
	        stderr, sanitize_terminal_flags(), "%s",
	        _("usage: portail-famille page NAME [--width N]\nNAME: accueil, tableau-de-bord, famille, coordonnees, inscriptions, compte, aide\n"));
	return EXIT_USAGE;
}

/* A width from --width or $COLUMNS: 20 to 10000 columns, else 0. */
static size_t width_number(const char *text)
{
	char *end;
	errno = 0;
	long v = text ? strtol(text, &end, 10) : 0;
	return text && !errno && end != text && !*end && v >= 20 && v <= 10000 ? (size_t)v : 0;
}

/* The columns to cut at, 0 for none: --width, else $COLUMNS, else the
 * terminal's width; output to a pipe or a file is never cut (a cut cell
 * is a lost date for the program reading it). */
static size_t output_width(size_t requested)
{
	if (requested)
		return requested;
	size_t columns = width_number(getenv("COLUMNS"));
	if (columns)
		return columns;
	if (!isatty(STDOUT_FILENO))
		return 0;
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 80;
}

static enum exit_code print_page(const struct portal_page *page, size_t width, int flags,
                                 char **errp)
{
	struct page_content *content = NULL;
	char *why = NULL;
	if (page_content_parse(page->doc, page->url, &content, &why) < 0) {
		char *shown = url_redacted(page->url);
		set_error(errp, "%s: %s", shown, why);
		free(shown);
		free(why);
		return EXIT_PAGE;
	}
	char *text = page_content_to_text(content, output_width(width), flags);
	fputs(text, stdout);
	free(text);
	page_content_free(&content);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		set_error(errp, _("cannot write the output"));
		return EXIT_ERROR;
	}
	return EXIT_OK;
}

/* NAME and --width N, in any order. */
static int parse_args(int argc, char **argv, const char **name, size_t *width)
{
	static const struct option options[] = {
		{ "width", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	/* 0, not 1: glibc then reads this optstring's ordering afresh. */
	optind = 0;
	while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (c != 'w')
			return -1;
		*width = width_number(optarg);
		if (!*width) {
			sanitize_fprintf(
			        stderr, sanitize_terminal_flags(),
			        _("portail-famille: --width wants 20 to 10000 columns, not "
			          "\"%s\"\n"),
			        optarg);
			return -1;
		}
	}
	if (optind != argc - 1)
		return -1;
	*name = argv[optind];
	return 0;
}

int cmd_page(struct cli_options *options, int argc, char **argv)
{
	const char *name = NULL;
	size_t width = 0;
	if (parse_args(argc, argv, &name, &width) < 0)
		return usage();
	int link = -1;
	for (size_t i = 0; i < sizeof(page_names) / sizeof(page_names[0]); i++)
		if (strcmp(name, page_names[i]) == 0)
			link = portal_link_from_name(name);
	if (link < 0)
		return usage();
	int flags = sanitize_terminal_flags() | (options->ascii ? SANITIZE_ASCII : 0) |
	            (options->plain ? PAGE_TEXT_PLAIN : 0);
	struct cli_context ctx;
	char *err = NULL;
	struct portal_page page = { 0 };
	enum exit_code rc = cli_connect(options, &ctx, &err);
	if (rc == EXIT_OK)
		rc = portal_open_page(ctx.portal, (enum portal_link)link, &page, &err);
	if (rc == EXIT_OK)
		rc = print_page(&page, width, flags, &err);
	portal_page_clear(&page);
	cli_disconnect(&ctx);
	if (rc != EXIT_OK)
		cli_report(err);
	return rc;
}
