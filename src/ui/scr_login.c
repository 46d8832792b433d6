/* The login screen: user name prefilled, password masked, then Accueil. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"
#include "web/url.h"
#include "portal/page_content.h"
#include "app/password.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/field.h"
#include "ui/summary.h"
#include "ui/text.h"

#define USER_MAX 256

struct login {
	char user[USER_MAX];
	struct ui_field user_field, password_field;
	int focus;         /* 0 user, 1 password */
	bool ask_password; /* no other source gave one */
	char *message;     /* the portal's refusal, or an error (raw) */
	bool message_error;
};

/* What the login job brings back. */
struct login_job {
	struct portal_page page;
	struct page_content *content;
	struct ui_summary summary;
};

static bool has_other_source(const struct ui *ui)
{
	const struct password_source *p = &ui->ctx.password;
	return p->command || p->file || p->from_env || (p->fixed && p->fixed != ui->password);
}

static void login_draw(struct ui *ui, struct screen *s)
{
	struct login *l = s->state;
	WINDOW *w = ui->body;
	int cols = getmaxx(w);
	werase(w);
	ui_put(w, 1, 2, cols - 4, _("Log in to the Portail familles"), ui_attr(UI_TITLE), false);
	const char *url = ui->ctx.login_url  ? ui->ctx.login_url
	                  : ui->options->url ? ui->options->url
	                                     : "";
	char *host = *url ? url_host(url) : NULL;
	if (host) {
		char *where = xasprintf(_("on %s"), host);
		ui_put(w, 2, 2, cols - 4, where, ui_attr(UI_DIM), false);
		free(where);
		free(host);
	}
	ui_put(w, 4, 2, 16, _("User name"), A_NORMAL, false);
	ui_field_draw(ui, &l->user_field, w, 4, 18, 40, false);
	if (l->ask_password) {
		ui_put(w, 5, 2, 16, _("Password"), A_NORMAL, false);
		ui_field_draw(ui, &l->password_field, w, 5, 18, 40, false);
	}
	ui_put(w, 7, 2, cols - 4,
	       l->ask_password ? _("Enter: log in   Tab: next field   Esc: quit")
	                       : _("Enter: log in   Esc: quit"),
	       ui_attr(UI_DIM), false);
	if (l->message)
		ui_put(w, 9, 2, cols - 4, l->message,
		       ui_attr(l->message_error ? UI_ERROR : UI_NORMAL), false);
	/* The focused field last: it places the cursor. */
	if (l->focus == 0)
		ui_field_draw(ui, &l->user_field, w, 4, 18, 40, true);
	else
		ui_field_draw(ui, &l->password_field, w, 5, 18, 40, true);
}

static void set_message(struct login *l, char *message, bool error)
{
	free(l->message);
	l->message = message;
	l->message_error = error;
}

static enum exit_code login_run(struct ui *ui, void *arg, char **errp)
{
	struct login_job *j = arg;
	enum exit_code rc = portal_login(ui->ctx.portal, errp);
	if (rc == EXIT_OK)
		rc = portal_open_page(ui->ctx.portal, LINK_ACCUEIL, &j->page, errp);
	if (rc != EXIT_OK)
		return rc;
	ui_summary_read(j->page.doc, &j->summary);
	char *why = NULL;
	if (page_content_parse(j->page.doc, j->page.url, &j->content, &why) < 0)
		free(why); /* Accueil shows the summary alone */
	return EXIT_OK;
}

static void free_job(struct login_job *j)
{
	portal_page_clear(&j->page);
	page_content_free(&j->content);
	ui_summary_clear(&j->summary);
	free(j);
}

static void take_summary(struct ui *ui, struct ui_summary *s)
{
	if (s->town) {
		free(ui->town);
		ui->town = ui_text_safe(s->town);
	}
	if (s->family) {
		free(ui->family);
		ui->family = ui_text_safe(s->family);
	}
	if (s->has_balance) {
		ui->has_balance = true;
		ui->balance_cents = s->balance_cents;
	}
}

static void login_done(struct ui *ui, void *arg, enum exit_code rc, char *err)
{
	struct login_job *j = arg;
	if (!ui) {
		free_job(j);
		return;
	}
	struct screen *s = ui_base(ui);
	struct login *l = s && ui_on_stack(ui, s) ? s->state : NULL;
	if (rc == EXIT_OK) {
		ui->logged_in = true;
		take_summary(ui, &j->summary);
		struct page_content *content = j->content;
		j->content = NULL;
		free_job(j);
		free(err);
		ui_set_root(ui, scr_accueil_new(ui, content));
		ui_status(ui, _("Logged in. 1-7: the portal's menus, p: pay my invoices, ?: help"));
		scr_invoices_prefetch(ui);
		return;
	}
	free_job(j);
	if (!l) {
		free(err);
		return;
	}
	if (rc == EXIT_LOGIN_REFUSED) {
		/* Whatever gave the password was wrong: ask for one from now on. */
		password_source_clear(&ui->ctx.password);
		ui->ctx.password.command = ui->ctx.password.file = NULL;
		ui->ctx.password.fixed = ui->password;
		l->ask_password = true;
		l->focus = 1;
		ui_field_clear(&l->password_field);
		set_message(l, err ? err : xstrdup(_("login refused")), true);
	} else {
		set_message(l, xasprintf(_("%s — Enter to try again"), err ? err : _("error")),
		            true);
		if (err && strcmp(err, _("cancelled")) != 0)
			dialog_error(ui, _("Cannot log in"), err);
		free(err);
	}
	ui_redraw(ui);
}

void scr_login_connect(struct ui *ui, struct screen *s)
{
	(void)s;
	struct login_job *j = xcalloc(1, sizeof(*j));
	ui_job_start(ui, _("Logging in to the portal..."), login_run, login_done, j);
}

/* Enter: the fields become the session's user and password. */
static void submit(struct ui *ui, struct screen *s)
{
	struct login *l = s->state;
	if (!l->user_field.len) {
		set_message(l, xstrdup(_("Type your user name.")), true);
		return;
	}
	if (l->ask_password && !l->password_field.len) {
		l->focus = 1;
		set_message(l, xstrdup(_("Type your password.")), true);
		return;
	}
	if (!ui->connected || strcmp(ui->options->user ? ui->options->user : "", l->user) != 0) {
		portal_logout(ui->ctx.portal, 2);
		cli_disconnect(&ui->ctx);
		ui->connected = false;
		free(ui->options->user);
		ui->options->user = xstrdup(l->user);
		char *err = NULL;
		enum exit_code rc = cli_connect(ui->options, &ui->ctx, &err);
		if (rc != EXIT_OK) {
			set_message(l, err ? err : xstrdup(_("error")), true);
			return;
		}
		ui->connected = true;
	}
	if (l->ask_password) {
		ui->ctx.password.command = ui->ctx.password.file = NULL;
		password_source_clear(&ui->ctx.password);
		ui->ctx.password.fixed = ui->password;
	}
	set_message(l, NULL, false);
	scr_login_connect(ui, s);
}

static int login_key(struct ui *ui, struct screen *s, enum ui_action action, int ch)
{
	struct login *l = s->state;
	struct ui_field *f = l->focus == 0 ? &l->user_field : &l->password_field;
	if (action == ACT_ACTIVATE) {
		if (l->focus == 0 && l->ask_password) {
			l->focus = 1;
		} else {
			submit(ui, s);
		}
		return UI_HANDLED | UI_REDRAW;
	}
	if (action == ACT_NEXT_AREA || action == ACT_PREV_AREA || action == ACT_DOWN ||
	    action == ACT_UP) {
		if (l->ask_password)
			l->focus = 1 - l->focus;
		return UI_HANDLED | UI_REDRAW;
	}
	if (ch != 27 && ch != KEY_LEFT && ui_field_key(f, ch)) {
		login_draw(ui, s);
		return UI_HANDLED;
	}
	if (action == ACT_BACK || action == ACT_CANCEL) {
		ui->quit = true;
		return UI_HANDLED;
	}
	/* Menus and help need a session: nothing else to do here. */
	return action == ACT_HELP || action == ACT_REDRAW ? UI_IGNORED : UI_HANDLED;
}

static void login_destroy(struct ui *ui, struct screen *s)
{
	struct login *l = s->state;
	/* The password stays in ui->password (locked memory) for the session's
	 * own re-login when the portal session expires; ui.c wipes it. */
	free(l->message);
	free(l);
}

static const struct screen_ops login_ops = {
	.name = "connexion",
	.scope = SCOPE_EVERYWHERE,
	.draw = login_draw,
	.key = login_key,
	.destroy = login_destroy,
	.hints = N_("Enter log in  Tab next field  ? help  Esc quit"),
};

struct screen *scr_login_new(struct ui *ui, const char *message)
{
	struct login *l = xcalloc(1, sizeof(*l));
	if (ui->options->user)
		snprintf(l->user, sizeof(l->user), "%s", ui->options->user);
	ui_field_init(&l->user_field, l->user, sizeof(l->user), false);
	ui_field_init(&l->password_field, ui->password, PASSWORD_MAX, true);
	l->ask_password = !(ui->connected && has_other_source(ui));
	l->focus = l->user_field.len && l->ask_password ? 1 : 0;
	if (message)
		l->message = xstrdup(message);
	return ui_screen_new(&login_ops, l, _("Log in"), -1);
}
