/* Paying one régie's selection: one confirmation (which answers the portal's confirm() too),
 * the double-payment guard, the hand-off. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "money.h"
#include "portal/invoices.h"
#include "portal/session.h"
#include "app/pay_guard.h"
#include "ui/app.h"
#include "ui/dialog.h"

/* One payment attempt: what the user chose, and what came back. Owned by
 * the job once it starts. */
struct pay_job {
	struct ui *ui;
	char **numbers;
	int64_t *balances;
	size_t count;
	int64_t amount;
	char *regie;
	bool others; /* other régies have checked invoices, not paid now */
	/* The portal's confirm() texts of this Règlement, quoted in our
	 * confirmation: answering it answers them. */
	char *portal_texts[INVOICE_MAX_CONFIRMS];
	size_t nportal_texts;
	bool resend_confirmed;  /* the user already said "send again" */
	bool reglement_leaving; /* the guard passed: the hand-off's questions follow */
	bool stopped;           /* the user said no on the way */
	char *guard_error;      /* the marker could not be written */
	struct pay_guard guard; /* this attempt's hand-off record */
	struct pay_result result;
};

static void free_job(struct pay_job *j)
{
	for (size_t i = 0; i < j->count; i++)
		free(j->numbers[i]);
	free(j->numbers);
	free(j->balances);
	free(j->regie);
	for (size_t i = 0; i < j->nportal_texts; i++)
		free(j->portal_texts[i]);
	free(j->guard_error);
	pay_guard_clear(&j->guard);
	pay_result_clear(&j->result);
	free(j);
}

static struct pay_job *job_from_selection(struct ui *ui, size_t regie)
{
	struct pay_job *j = xcalloc(1, sizeof(*j));
	const char **numbers;
	int64_t *balances;
	j->ui = ui;
	j->guard.account.portal_url = ui->ctx.login_url;
	j->guard.account.user = ui->ctx.options ? ui->ctx.options->user : NULL;
	j->count = invlist_regie_selection(ui->selection, regie, &numbers, &balances);
	j->numbers = xcalloc(j->count ? j->count : 1, sizeof(char *));
	for (size_t i = 0; i < j->count; i++)
		j->numbers[i] = xstrdup(numbers[i]);
	free(numbers);
	j->balances = balances;
	j->amount = invlist_regie_total(ui->selection, regie);
	j->others = invlist_regies_selected(ui->selection) > 1;
	const char *name = ui->invoices && regie < ui->invoices->nregies
	                           ? ui->invoices->regies[regie].name
	                           : NULL;
	j->regie = xstrdup(name ? name : "");
	j->nportal_texts = invoice_regie_confirms(ui->invoices, regie, j->portal_texts);
	return j;
}

/* "226,11 € : F2022-0912 (181,99 €), F2022-0388 (44,12 €)" as lines. */
static char *describe(const struct pay_job *j)
{
	struct strbuf sb = STRBUF_INIT;
	char amount[32];
	strbuf_printf(&sb, _("Amount: %s €\nRégie: %s\n"),
	              money_format(j->amount, MONEY_FR, amount, sizeof(amount)), j->regie);
	for (size_t i = 0; i < j->count; i++)
		strbuf_printf(&sb, "  %-14s %10s €\n", j->numbers[i],
		              money_format(j->balances[i], MONEY_FR, amount, sizeof(amount)));
	return strbuf_detach(&sb);
}

/* ---- in the job's thread ---- */

static bool quoted(const struct pay_job *j, const char *text)
{
	for (size_t i = 0; i < j->nportal_texts; i++)
		if (text && strcmp(j->portal_texts[i], text) == 0)
			return true;
	return false;
}

/* The portal's confirm(). Before the Règlement: yes to the text our
 * confirmation quoted, a question for one the user has not seen (the page
 * changed since it was read). After it, during the hand-off: yes, the
 * user confirmed this payment; the text shows in the result. */
static bool portal_question(void *ctx, const char *portal_text)
{
	struct pay_job *j = ctx;
	if (j->reglement_leaving || quoted(j, portal_text))
		return true;
	char *what = describe(j);
	char *q = xasprintf(_("\"%s\"\n\n%s"), portal_text ? portal_text : "", what);
	free(what);
	bool yes = ui_job_ask(j->ui, _("The portal asks"), q);
	j->stopped = j->stopped || !yes;
	return yes;
}

/* Before the Règlement leaves: an earlier hand-off of the same invoices is
 * a possible double payment (RELIABILITY.md section 4); then the marker. */
static bool guard(void *ctx, const struct invoice *const *chosen, size_t n, int64_t amount)
{
	struct pay_job *j = ctx;
	struct pay_guard_hit hit;
	char *err = NULL;
	bool go = true;
	if (pay_guard_find(&j->guard, chosen, n, &hit, &err) > 0 && !j->resend_confirmed) {
		char stamp[32];
		strftime(stamp, sizeof(stamp), _("%d/%m/%Y at %H:%M"), localtime(&hit.when));
		go = ui_job_ask(
		        j->ui, _("Already sent to payment"),
		        xasprintf(
		                _("Invoice %s was sent to payment on %s and the portal still "
		                  "shows it unpaid.\nIf that payment went through, the portal may "
		                  "not show it yet: paying again would pay twice.\n\nSend it "
		                  "anyway?"),
		                hit.number, stamp));
		j->stopped = j->stopped || !go;
	}
	free(err); /* an unreadable record must not block paying */
	if (go && pay_guard_record(&j->guard, chosen, n, amount, &j->guard_error) < 0)
		go = false;
	j->reglement_leaving = go;
	return go;
}

static enum exit_code pay_run(struct ui *ui, void *arg, char **errp)
{
	struct pay_job *j = arg;
	struct pay_request req = {
		.numbers = (const char *const *)j->numbers,
		.count = j->count,
		.expected_balances = j->balances,
		.confirm = portal_question,
		.confirm_ctx = j,
		.before_submit = guard,
		.before_ctx = j,
	};
	return portal_pay(ui->ctx.portal, &req, &j->result, errp);
}

/* ---- back on the main thread ---- */

/* What went wrong, and above all whether the portal may have the
 * Règlement: the three cases call for three different next steps. */
static void report_failure(struct ui *ui, struct pay_job *j, const char *err)
{
	const char *title, *next;
	char *forget_error = NULL;
	switch (j->result.progress) {
	case PAY_NOT_SENT:
		title = _("Payment not sent");
		next = _("No payment started: you can try again.");
		/* Nothing left: no record may block the next attempt. */
		if (pay_guard_settle(&j->guard, PAY_NOT_SENT, &forget_error) < 0)
			next = _(
			        "No payment started, but the record of this sending could not be erased: "
			        "the next payment will ask for confirmation.");
		break;
	case PAY_MAYBE_RECEIVED:
		title = _("Payment perhaps received");
		next = _("The portal may have received the Règlement and the payment started. "
		         "Read the invoices again (r) before paying again.");
		break;
	default:
		title = _("Payment started, cannot go on");
		next = _("The portal received the Règlement: the payment may have started. Read "
		         "the invoices again (r) before paying again.");
		break;
	}
	char *text = xasprintf("%s\n\n%s", err ? err : _("error"), next);
	dialog_error(ui, title, text);
	free(text);
	free(forget_error);
	if (j->result.progress != PAY_NOT_SENT)
		pay_pending_add(&ui->pending, j->result.numbers, j->result.count);
}

static void pay_done(struct ui *ui, void *arg, enum exit_code rc, char *err)
{
	struct pay_job *j = arg;
	if (!ui) {
		free(err);
		free_job(j);
		return;
	}
	if (rc == EXIT_OK) {
		pay_pending_add(&ui->pending, j->result.numbers, j->result.count);
		struct pay_result *r = xmalloc(sizeof(*r));
		*r = j->result;
		memset(&j->result, 0, sizeof(j->result));
		ui_push(ui, scr_handoff_new(ui, r));
	} else if (j->guard_error) {
		dialog_error(ui, _("Payment not sent"), j->guard_error);
	} else if (j->stopped) {
		ui_status(ui, _("Payment not sent."));
	} else {
		report_failure(ui, j, err);
	}
	free(err);
	free_job(j);
}

static void on_confirm(struct ui *ui, bool yes, void *arg)
{
	struct pay_job *j = arg;
	if (!ui || !yes) {
		if (ui)
			ui_status(ui, _("Payment cancelled."));
		free_job(j);
		return;
	}
	if (ui_job_start(ui, _("Sending to payment..."), pay_run, pay_done, j) < 0) {
		ui_status(ui, _("Please wait: a request is under way"));
		free_job(j);
	}
}

static void ask_confirmation(struct ui *ui, struct pay_job *j)
{
	struct strbuf sb = STRBUF_INIT;
	char *what = describe(j);
	strbuf_puts(&sb, what);
	free(what);
	if (j->others)
		strbuf_puts(
		        &sb,
		        _("The checked invoices of the other régies are not paid this time.\n"));
	for (size_t i = 0; i < j->nportal_texts; i++)
		strbuf_printf(&sb, _("\nThe portal asks: \"%s\"\n"), j->portal_texts[i]);
	strbuf_puts(&sb, _("\nThe payment is then made by card on the secure payment site, in your "
	                   "browser."));
	char amount[32];
	char *title = xasprintf(_("Pay %s €?"),
	                        money_format(j->amount, MONEY_FR, amount, sizeof(amount)));
	/* The one question of this payment (the portal's are answered by it).
	 * Enter says yes: an Enter typed ahead must not be the one. */
	dialog_fresh_keys(
	        dialog_confirm(ui, title, sb.data, _("pay"), _("cancel"), true, on_confirm, j));
	free(title);
	strbuf_release(&sb);
}

static void on_resend(struct ui *ui, bool yes, void *arg)
{
	struct pay_job *j = arg;
	if (!ui || !yes) {
		if (ui)
			ui_status(ui, _("Payment not sent again."));
		free_job(j);
		return;
	}
	j->resend_confirmed = true;
	ask_confirmation(ui, j);
}

void scr_pay_start(struct ui *ui, long cursor_regie)
{
	if (invlist_count(ui->selection) == 0) {
		ui_status(ui, _("Check an invoice first (Space), or all of a régie's (a)."));
		return;
	}
	if (ui_job_busy(ui)) {
		ui_status(ui, _("Please wait: a request is under way"));
		return;
	}
	/* One Règlement pays one régie: the one under the cursor. */
	long regie = invlist_regie_to_pay(ui->selection, cursor_regie);
	if (regie < 0) {
		ui_status(ui, _("Several régies checked: put the cursor on the régie to pay."));
		return;
	}
	struct pay_job *j = job_from_selection(ui, (size_t)regie);
	const char *again = NULL;
	for (size_t i = 0; i < j->count && !again; i++)
		if (pay_pending_has(&ui->pending, j->numbers[i]))
			again = j->numbers[i];
	if (!again) {
		ask_confirmation(ui, j);
		return;
	}
	char stamp[16];
	strftime(stamp, sizeof(stamp), "%H:%M", localtime(&ui->pending.since));
	char *text = xasprintf(
	        _("Invoice %s was sent to payment at %s and the portal still shows it due."
	          "\nIf that payment went through, paying again would pay twice: read the "
	          "invoices again first (r).\n\nSend it to payment again?"),
	        again, stamp);
	dialog_fresh_keys(dialog_confirm(ui, _("Payment pending"), text, _("send again"), _("no"),
	                                 false, on_resend, j));
	free(text);
}
