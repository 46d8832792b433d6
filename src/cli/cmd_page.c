/* `page NAME`: a page of the portal's menu as text. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

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
	fputs("usage: portail-famille page NAME\n"
	      "NAME: accueil, tableau-de-bord, famille, coordonnees, inscriptions, compte, aide\n",
	      stderr);
	return EXIT_USAGE;
}

static size_t output_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 80;
}

static enum exit_code print_page(const struct portal_page *page, char **errp)
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
	char *text = page_content_to_text(content, output_width(), sanitize_terminal_flags());
	fputs(text, stdout);
	free(text);
	page_content_free(&content);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		set_error(errp, "cannot write the output");
		return EXIT_ERROR;
	}
	return EXIT_OK;
}

int cmd_page(struct cli_options *options, int argc, char **argv)
{
	if (argc != 2)
		return usage();
	int link = -1;
	for (size_t i = 0; i < sizeof(page_names) / sizeof(page_names[0]); i++)
		if (strcmp(argv[1], page_names[i]) == 0)
			link = portal_link_from_name(argv[1]);
	if (link < 0)
		return usage();
	struct cli_context ctx;
	char *err = NULL;
	struct portal_page page = { 0 };
	enum exit_code rc = cli_connect(options, &ctx, &err);
	if (rc == EXIT_OK)
		rc = portal_open_page(ctx.portal, (enum portal_link)link, &page, &err);
	if (rc == EXIT_OK)
		rc = print_page(&page, &err);
	portal_page_clear(&page);
	cli_disconnect(&ctx);
	if (rc != EXIT_OK)
		cli_report(err);
	return rc;
}
