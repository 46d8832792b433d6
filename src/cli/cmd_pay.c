/* `pay --invoice NUM... | --all`: sends invoices to payment and prints the
 * card-payment URL (or its QR code, or opens it). We never see card data. */
#include "config.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/i18n.h"
#include "util/json_print.h"
#include "util/sanitize.h"
#include "util/xalloc.h"
#include "money.h"
#include "web/url.h"
#include "app/browser.h"
#include "app/connect.h"
#include "app/pay_guard.h"
#include "app/qr_text.h"
#include "cli/commands.h"

struct pay_args {
	const char **numbers;
	size_t count;
	const char *regie; /* --regie NAME */
	bool all, json, qr, open, force, ascii;
	struct pay_guard guard; /* this run's hand-off record */
};

static int usage(void)
{
	sanitize_fprintf(
	        stderr, sanitize_terminal_flags(), "%s",
	        _("usage: portail-famille pay [--regie NAME] (--invoice NUM... | --all) [--json] "
	          "[--qr] [--open] [--force]\n"));
	return EXIT_USAGE;
}

static int parse_args(int argc, char **argv, struct pay_args *a)
{
	static const struct option options[] = {
		{ "invoice", required_argument, NULL, 'i' }, { "all", no_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },          { "qr", no_argument, NULL, 'q' },
		{ "open", no_argument, NULL, 'o' },          { "force", no_argument, NULL, 'f' },
		{ "regie", required_argument, NULL, 'r' },   { NULL, 0, NULL, 0 },
	};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		switch (c) {
		case 'i':
			a->numbers = xreallocarray(a->numbers, a->count + 1, sizeof(char *));
			a->numbers[a->count++] = optarg;
			/* "--invoice A B C": the numbers that follow belong to it. */
			while (optind < argc && argv[optind][0] != '-') {
				a->numbers = xreallocarray(a->numbers, a->count + 1,
				                           sizeof(char *));
				a->numbers[a->count++] = argv[optind++];
			}
			break;
		case 'a': a->all = true; break;
		case 'j': a->json = true; break;
		case 'q': a->qr = true; break;
		case 'o': a->open = true; break;
		case 'f': a->force = true; break;
		case 'r': a->regie = optarg; break;
		default: return -1;
		}
	}
	if (optind != argc || (a->all == (a->count > 0)))
		return -1;
	return 0;
}

/* The portal's confirm() texts: shown, and accepted — running `pay` is the
 * user's confirmation. */
static bool show_portal_question(void *ctx, const char *text)
{
	/* The whole line: under LANG=C the dash is folded to ASCII too. */
	char *line = xasprintf(_("the portal asks: \"%s\" — yes"), text);
	char *safe = sanitize_str(line, sanitize_terminal_flags());
	fprintf(stderr, "portail-famille: %s\n", safe);
	free(safe);
	free(line);
	return true;
}

static bool ask_yes(const char *question)
{
	if (!isatty(STDIN_FILENO))
		return false;
	/* TRANSLATORS: the keys of a question whose answer is no by default. */
	sanitize_fprintf(stderr, sanitize_terminal_flags(), "%s %s ", question, _("[y/N]"));
	char answer[16];
	return fgets(answer, sizeof(answer), stdin) &&
	       (answer[0] == 'y' || answer[0] == 'Y' || answer[0] == 'o' || answer[0] == 'O');
}

/* Before the Règlement leaves: warn about an earlier hand-off of the same
 * invoices, then record this one. */
static bool guard_double_payment(void *ctx, const struct invoice *const *chosen, size_t n,
                                 int64_t amount)
{
	struct pay_args *a = ctx;
	struct pay_guard_hit hit;
	char *err = NULL;
	bool go = true;
	int found = pay_guard_find(&a->guard, chosen, n, &hit, &err);
	if (found < 0) {
		cli_report(err);
		err = NULL;
	} else if (found > 0 && !a->force) {
		char stamp[32];
		strftime(stamp, sizeof(stamp), "%d/%m/%Y %H:%M", localtime(&hit.when));
		char *safe = sanitize_str(hit.number, sanitize_terminal_flags());
		sanitize_fprintf(
		        stderr, sanitize_terminal_flags(),
		        _("portail-famille: invoice %s was already sent to payment on %s and the "
		          "portal still shows it unpaid.\nIf that payment went through, the portal "
		          "may not show it yet: paying again would pay twice.\n"),
		        safe, stamp);
		free(safe);
		go = ask_yes(_("Send it to payment again?"));
		if (!go)
			sanitize_fprintf(stderr, sanitize_terminal_flags(), "portail-famille: %s\n",
			                 _("not sent (use --force to send it again)"));
	}
	if (go && pay_guard_record(&a->guard, chosen, n, amount, &err) < 0) {
		cli_report(err);
		go = false;
	}
	return go;
}

static int print_json(const struct pay_result *r)
{
	json_t *root = json_object();
	json_t *list = json_array();
	for (size_t i = 0; i < r->count; i++)
		json_array_append_new(list, json_string(r->numbers[i]));
	json_object_set_new(root, "payment_url", json_string(r->payment_url));
	json_object_set_new(root, "amount_cents", json_integer(r->amount_cents));
	json_object_set_new(root, "invoices", list);
	int rc = json_print(stdout, root);
	json_decref(root);
	return rc;
}

static enum exit_code check_payment_url(const char *url, char **errp)
{
	if (!url_is_plain(url)) {
		set_error(errp, _("payment hand-off: the payment URL holds spaces or control "
		                  "characters (raw or %%-encoded): refused"));
		return EXIT_PAGE;
	}
	return url_check_allowed(url, errp) == 0 ? EXIT_OK : EXIT_NETWORK;
}

static enum exit_code output(const struct pay_args *a, const struct pay_result *r, char **errp)
{
	enum exit_code rc = check_payment_url(r->payment_url, errp);
	if (rc != EXIT_OK)
		return rc;
	char amount[32], *host = url_host(r->payment_url);
	char *line = xasprintf(ngettext("%zu invoice, %s €, to pay on %s",
	                                "%zu invoices, %s €, to pay on %s", r->count),
	                       r->count,
	                       money_format(r->amount_cents, MONEY_FR, amount, sizeof(amount)),
	                       host ? host : "?");
	char *safe = sanitize_str(line, sanitize_terminal_flags()); /* "EUR" under LANG=C */
	fprintf(stderr, "portail-famille: %s\n", safe);
	free(safe);
	free(line);
	free(host);
	if (a->json ? print_json(r) < 0 : printf("%s\n", r->payment_url) < 0) {
		set_error(errp, _("cannot write the output"));
		return EXIT_ERROR;
	}
	if (a->qr) {
		size_t cols, rows;
		bool ascii = a->ascii || (sanitize_terminal_flags() & SANITIZE_ASCII);
		char *qr = qr_text_render(r->payment_url, ascii, &cols, &rows);
		if (!qr) {
			fflush(stdout);
			set_error(errp,
			          _("the payment URL (%zu bytes) is too long for a QR code: open "
			            "it or copy it instead"),
			          strlen(r->payment_url));
			return EXIT_ERROR;
		}
		fputs(qr, a->json ? stderr : stdout);
		free(qr);
	}
	/* The URL is the whole point: a failed write (| head, a full disk) is
	 * an error, not a success the user never saw. */
	if (fflush(stdout) == EOF || ferror(stdout)) {
		set_error(errp, _("cannot write the output"));
		return EXIT_ERROR;
	}
	/* The payment is started and its URL printed: a browser that does not
	 * open is a warning, the user opens the URL by hand. */
	char *why = NULL;
	if (a->open && browser_open(r->payment_url, &why) < 0) {
		char *shown = sanitize_str(why, sanitize_terminal_flags());
		sanitize_fprintf(stderr, sanitize_terminal_flags(),
		                 _("portail-famille: warning: %s; open the URL above by hand\n"),
		                 shown);
		free(shown);
		free(why);
	}
	return EXIT_OK;
}

/* A Règlement that never reached the portal leaves no record behind: the
 * next pay is not refused for a payment that does not exist. */
static void take_back_marker(struct pay_args *a, const struct pay_result *r)
{
	char *err = NULL;
	if (pay_guard_settle(&a->guard, r->progress, &err) < 0)
		cli_report(err);
}

int cmd_pay(struct cli_options *options, int argc, char **argv)
{
	struct pay_args a = { .ascii = options->ascii };
	if (parse_args(argc, argv, &a) < 0) {
		free(a.numbers);
		return usage();
	}
	struct cli_context ctx;
	char *err = NULL;
	struct pay_result result = { 0 };
	enum exit_code rc = cli_connect(options, &ctx, &err);
	if (rc == EXIT_OK) {
		struct pay_request req = { .numbers = a.numbers,
			                   .count = a.count,
			                   .all = a.all,
			                   .regie = a.regie,
			                   .confirm = show_portal_question,
			                   .before_submit = guard_double_payment,
			                   .before_ctx = &a };
		a.guard.account.portal_url = ctx.login_url;
		a.guard.account.user = options->user;
		rc = portal_pay(ctx.portal, &req, &result, &err);
	}
	if (rc != EXIT_OK)
		take_back_marker(&a, &result);
	if (rc == EXIT_OK)
		rc = output(&a, &result, &err);
	pay_result_clear(&result);
	cli_disconnect(&ctx);
	free(a.numbers);
	pay_guard_clear(&a.guard);
	if (rc != EXIT_OK)
		cli_report(err);
	return rc;
}
