/* The accounts of the config file (profiles): A opens the list, Enter
 * logs out and logs in with the one under the cursor. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"
#include "app/config_file.h"
#include "ui/app.h"
#include "ui/text.h"

struct accounts {
	struct ui *ui;
	struct ui_list list;
};

static size_t accounts_count(void *ctx)
{
	return ((struct accounts *)ctx)->ui->options->nprofiles;
}

static void accounts_draw_row(void *ctx, WINDOW *w, int y, int x, int width, size_t row,
                              bool current)
{
	const struct cli_options *o = ((struct accounts *)ctx)->ui->options;
	const struct cli_profile *p = &o->profiles[row];
	bool in_use = o->profile && strcmp(o->profile, p->name) == 0;
	const char *user = cli_profile_user(o, p), *url = cli_profile_url(o, p);
	char *line = in_use ? xasprintf(_("%s  (%s, in use)  %s"), p->name, user, url)
	                    : xasprintf("%s  (%s)  %s", p->name, user, url);
	ui_put(w, y, x, width, line, current ? A_REVERSE : in_use ? A_BOLD : A_NORMAL, true);
	free(line);
}

static const struct ui_list_ops accounts_list_ops = { accounts_count, accounts_draw_row, NULL,
	                                              NULL };

static void accounts_draw(struct ui *ui, struct screen *s)
{
	struct accounts *a = s->state;
	werase(ui->body);
	ui_put(ui->body, 0, 1, ui_body_cols(ui) - 2,
	       _("The accounts of the config file (Enter: log out, log in with it):"),
	       ui_attr(UI_DIM), true);
	ui_list_place(&a->list, ui->body, 2, 1, ui_body_rows(ui) - 2, ui_body_cols(ui) - 2);
	ui_list_draw(&a->list);
}

/* Logs out, takes the profile's account, and logs in again. */
static void switch_to(struct ui *ui, const char *name)
{
	if (ui_job_busy(ui)) {
		ui_status(ui, "%s", _("Please wait: a request is under way"));
		return;
	}
	if (ui->options->profile && strcmp(ui->options->profile, name) == 0) {
		ui_pop(ui);
		return;
	}
	char *profile = xstrdup(name); /* the list's rows go with the switch */
	char *err = NULL;
	/* The old session's logout: at most 2 s, as when quitting; the
	 * session is this thread's from now on. */
	ui_job_stop_background(ui);
	portal_logout(ui->ctx.portal, 2);
	if (cli_config_switch(ui->options, profile, &err) < 0) {
		ui_status_error(ui, "%s", err);
		free(err);
		free(profile);
		return;
	}
	ui_login_again(ui);
	ui_status(ui, _("Account %s: logging in..."), profile);
	free(profile);
}

static int accounts_key(struct ui *ui, struct screen *s, enum ui_action action, int ch)
{
	struct accounts *a = s->state;
	(void)ch;
	if ((action == ACT_ACTIVATE || action == ACT_RIGHT) && ui->options->nprofiles) {
		switch_to(ui, ui->options->profiles[a->list.cur].name);
		return UI_HANDLED | UI_REDRAW;
	}
	return UI_IGNORED;
}

static struct ui_list *accounts_list(struct screen *s)
{
	return &((struct accounts *)s->state)->list;
}

static void accounts_destroy(struct ui *ui, struct screen *s)
{
	(void)ui;
	free(s->state);
}

static const struct screen_ops accounts_ops = {
	.name = "comptes",
	.scope = SCOPE_LISTS,
	.draw = accounts_draw,
	.key = accounts_key,
	.list = accounts_list,
	.destroy = accounts_destroy,
	.hints = N_("j k choose  Enter log in with it  q back"),
};

void ui_open_accounts(struct ui *ui)
{
	if (ui->options->nprofiles == 0) {
		ui_status(ui, "%s",
		          _("No accounts to switch to: the config file has no [NAME] sections "
		            "(see FILES in portail-famille(1))."));
		return;
	}
	struct accounts *a = xcalloc(1, sizeof(*a));
	a->ui = ui;
	ui_list_init(&a->list, &accounts_list_ops, a);
	for (size_t i = 0; i < ui->options->nprofiles; i++)
		if (ui->options->profile &&
		    strcmp(ui->options->profile, ui->options->profiles[i].name) == 0)
			a->list.cur = i;
	ui_push(ui, ui_screen_new(&accounts_ops, a, _("Accounts"), -1));
}
