/* ui_run: options → session → terminal → the loop, and everything undone in reverse. */
#include "config.h"

#include "util/i18n.h"
#include "ui/ui.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "util/xalloc.h"
#include "web/curl_lazy.h"
#include "portal/invoices.h"
#include "app/config_file.h"
#include "app/connect.h"
#include "app/password.h"
#include "ui/app.h"
#include "ui/loop.h"
#include "ui/text.h"

/* The typed password, in one page kept out of swap when the system lets
 * us; wiped at exit, on every path (atexit covers exit() from elsewhere). */
static char password_store[PASSWORD_MAX] __attribute__((aligned(4096)));

static void wipe_password(void)
{
	explicit_bzero(password_store, sizeof(password_store));
}

static bool has_password_source(const struct ui *ui)
{
	const struct password_source *p = &ui->ctx.password;
	return p->command || p->file || p->from_env || p->fixed;
}

/* Before curses: the config file and, when the user is known, the session
 * (and the --demo portal). Errors go to stderr while we still may. */
static int prepare(struct ui *ui)
{
	char *err = NULL;
	if (cli_config_load(ui->options, &err) < 0) {
		cli_report(err);
		return EXIT_USAGE;
	}
	if (!ui->options->demo && !(ui->options->user && *ui->options->user))
		return EXIT_OK; /* the login screen asks */
	enum exit_code rc = cli_connect(ui->options, &ui->ctx, &err);
	if (rc != EXIT_OK) {
		cli_report(err);
		return rc;
	}
	ui->connected = true;
	return EXIT_OK;
}

/* What belongs to the account logged in: none of it is the next one's. */
static void forget_account(struct ui *ui)
{
	invlist_free(&ui->selection);
	invoice_page_free(&ui->invoices);
	free(ui->invoices_error);
	ui->invoices_error = NULL;
	ui->invoices_gen++;
	ui->selection_adopted = false;
	pay_pending_clear(&ui->pending);
	free(ui->town);
	free(ui->family);
	ui->town = ui->family = NULL;
	ui->has_balance = false;
	ui->balance_cents = 0;
}

static void free_state(struct ui *ui)
{
	forget_account(ui);
	free(ui->message);
	free(ui->search);
}

void ui_login_again(struct ui *ui)
{
	cli_disconnect(&ui->ctx);
	ui->connected = ui->logged_in = false;
	forget_account(ui);
	explicit_bzero(ui->password, PASSWORD_MAX); /* the other account's */
	char *err = NULL;
	if (ui->options->demo || (ui->options->user && *ui->options->user)) {
		if (cli_connect(ui->options, &ui->ctx, &err) == EXIT_OK)
			ui->connected = true;
	}
	struct screen *login = scr_login_new(ui, err);
	free(err);
	ui_set_root(ui, login);
	if (ui->connected && has_password_source(ui))
		scr_login_connect(ui, login);
}

int ui_run(struct cli_options *options)
{
	struct ui ui;
	memset(&ui, 0, sizeof(ui));
	ui.options = options;
	ui.password = password_store;
	atexit(wipe_password);
	mlock(password_store, sizeof(password_store)); /* best effort */
	/* -v logs to stderr, which curses owns: not in the interface. */
	bool verbose = options->verbose;
	options->verbose = false;
	options->cancelled = ui_job_cancelled;
	options->cancel_ctx = &ui;
	/* libcurl is loaded now, while this is the only thread: loading sets
	 * an environment variable for a moment (web/curl_lazy.h). A failure
	 * is reported by the first connection. */
	curl_lazy_load(NULL);
	ui_worker_init(&ui.worker);
	int rc = prepare(&ui);
	char *err = NULL;
	if (rc == EXIT_OK && ui_term_start(options, &ui.term, &err) < 0) {
		cli_report(err);
		rc = EXIT_ERROR;
	}
	if (rc != EXIT_OK) {
		cli_disconnect(&ui.ctx);
		ui_worker_destroy(&ui);
		wipe_password();
		return rc;
	}
	ui_text_set_flags(ui.term.sanitize_flags);
	struct screen *login = scr_login_new(&ui, NULL);
	ui_push(&ui, login);
	if (verbose)
		ui_status(&ui, _("-v only has an effect on the commands (invoices, page, pay)."));
	if (ui.connected && has_password_source(&ui))
		scr_login_connect(&ui, login);
	rc = ui_loop(&ui);
	ui_worker_destroy(&ui);
	ui_loop_free_windows(&ui);
	ui_term_stop();
	/* Logging out takes a request: after the terminal is back, and at
	 * most 2 s, so quitting never hangs on a slow link. */
	portal_logout(ui.ctx.portal, 2);
	cli_disconnect(&ui.ctx);
	wipe_password();
	free_state(&ui);
	return rc;
}
