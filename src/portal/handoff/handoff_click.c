/* The hand-off levels a click reaches: pay-card control, pay button, pop-up form. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/fold.h"
#include "util/hex.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "web/url.h"
#include "portal/handoff/handoff_internal.h"
#include "portal/handoff/handoff_lex.h"

/* A "button" is small: a larger element with an onclick is a container,
 * and reading its text for every such element would be quadratic. */
#define HANDOFF_LABEL_MAX_NODES 64

/* The code of a javascript: URL as a browser runs it: tabs and newlines
 * dropped, the scheme removed, then percent-decoded. */
static char *javascript_body(const char *href)
{
	struct strbuf sb = STRBUF_INIT;
	size_t skipped = 0;

	while (*href && (unsigned char)*href <= 0x20)
		href++;
	for (const char *p = href; *p; p++) {
		if (*p == '\t' || *p == '\n' || *p == '\r')
			continue;
		if (skipped < strlen("javascript:")) {
			skipped++;
			continue;
		}
		int hi = p[0] == '%' ? hex_digit_value(p[1]) : -1,
		    lo = hi >= 0 ? hex_digit_value(p[2]) : -1;
		if (lo >= 0) {
			strbuf_putc(&sb, (char)(hi * 16 + lo));
			p += 2;
		} else {
			strbuf_putc(&sb, *p);
		}
	}
	return strbuf_detach(&sb);
}

static bool scan_javascript_href(struct handoff_source *src, const char *href)
{
	char *code = javascript_body(href);
	bool done = js_scan(src->ctx->js, code, strlen(code), NULL, handoff_take_action, src, NULL);

	free(code);
	return done;
}

/* onclick="...; return false;" cancels the element's own action. */
static bool returns_false(const char *code)
{
	struct js_parser P;

	js_parser_init(&P, code, strlen(code));
	for (; P.cur.kind != JS_TOK_END; js_advance(&P))
		if (js_tok_ident(&P.prev, "return") && js_tok_ident(&P.cur, "false"))
			return true;
	return false;
}

static bool node_count_at_most(const struct html_node *n, size_t max)
{
	size_t count = 0;

	for (const struct html_node *d = html_next(n, n); d; d = html_next(d, n))
		if (++count > max)
			return false;
	return true;
}

static void label_add_attr(struct strbuf *sb, const struct html_node *n, const char *name)
{
	const char *v = html_attr(n, name);

	if (v && *v) {
		strbuf_putc(sb, ' ');
		strbuf_puts(sb, v);
	}
}

/* What a person reads on a control: its text, value, alt and title, and
 * those of the images it holds. NULL for a large container. */
static char *element_label(const struct html_node *n)
{
	struct strbuf sb = STRBUF_INIT;
	char *text;

	if (!node_count_at_most(n, HANDOFF_LABEL_MAX_NODES))
		return NULL;
	text = html_text(n);
	strbuf_puts(&sb, text);
	free(text);
	if (html_is(n, "input"))
		label_add_attr(&sb, n, "value");
	label_add_attr(&sb, n, "alt");
	label_add_attr(&sb, n, "title");
	for (const struct html_node *d = html_next(n, n); d; d = html_next(d, n))
		if (html_is(d, "img")) {
			label_add_attr(&sb, d, "alt");
			label_add_attr(&sb, d, "title");
		}
	return strbuf_detach(&sb);
}

static bool label_has(const char *label, const char *const *words)
{
	for (; label && *words; words++)
		if (fold_contains(label, *words))
			return true;
	return false;
}

static const char *const pay_card_words[] = {
	"payer par carte", "paiement par carte", "payer par cb", "paiement par cb", NULL,
};

static const char *const pay_words[] = {
	"reglement", "regler",    "payer",      "paiement", "payez",
	"valider",   "continuer", "poursuivre", NULL,
};

static bool is_submit_input(const struct html_node *n)
{
	const char *type = html_attr(n, "type");

	return html_is(n, "input") && type &&
	       (strcasecmp(type, "submit") == 0 || strcasecmp(type, "image") == 0 ||
	        strcasecmp(type, "button") == 0);
}

/* Elements a person clicks: links, buttons, and anything with onclick. */
static bool is_clickable(const struct html_node *n)
{
	if (n->type != HTML_ELEMENT)
		return false;
	if (html_is(n, "a") || html_is(n, "area"))
		return html_attr(n, "href") || html_attr(n, "onclick");
	return html_is(n, "button") || is_submit_input(n) || html_attr(n, "onclick");
}

static bool labelled(const struct html_node *n, const char *const *words)
{
	char *label = element_label(n);
	bool match = label_has(label, words);

	free(label);
	return match;
}

/* A submit button's click: the form's onsubmit may ask to confirm. */
static bool press_submit(struct handoff_source *src, const struct html_node *n, const char *confirm)
{
	size_t fi;
	const struct form_control *c = form_list_control_for_node(src->ctx->forms, n, &fi);
	const struct form *form = c ? &src->ctx->forms->forms[fi] : NULL;

	if (!c || !form_control_is_submit(c))
		return handoff_fail(src, _("it is a button that does nothing we can read"), NULL);
	if (c->disabled)
		return handoff_fail(src, _("the button is disabled"), NULL);
	return handoff_submit_form(src, form, (long)(c - form->controls), src->via, confirm,
	                           form->onsubmit);
}

/* What clicking the "Payer par carte bancaire" control does when its
 * onclick does not navigate: follow the link or submit the form. */
static bool default_action(struct handoff_source *src, const struct html_node *n,
                           const char *confirm)
{
	const char *href = html_attr(n, "href");

	if (!html_is(n, "a") && !html_is(n, "area"))
		return press_submit(src, n, confirm);
	if (!href)
		return handoff_fail(src, _("the link has no address"), NULL);
	if (url_is_javascript(href))
		return scan_javascript_href(src, href) ||
		       handoff_fail(src, _("its javascript: address does nothing we can read"),
		                    href);
	return handoff_take_url(src, href, src->via, confirm);
}

static const char *pay_card_via(const struct html_node *n)
{
	if (html_is(n, "a") || html_is(n, "area"))
		return _("Payer par carte bancaire link");
	if ((html_is(n, "button") || is_submit_input(n)) && !html_attr(n, "onclick"))
		return _("Payer par carte bancaire form");
	return _("Payer par carte bancaire button");
}

/* A click on the control: its onclick first, then its own action. */
static void click(struct handoff_ctx *ctx, const struct html_node *n)
{
	struct handoff_source src = {
		.ctx = ctx, .element = n, .via = pay_card_via(n), .strict = true
	};
	const char *onclick = html_attr(n, "onclick");
	char *confirm = NULL;

	/* handled: the onclick's action was taken, or recorded as an error */
	bool handled = handoff_scan_handler(&src, onclick, html_attr(n, "href"), &confirm);

	if (!handled && onclick && returns_false(onclick))
		handoff_fail(&src, _("its script does nothing we can read"), NULL);
	else if (!handled)
		default_action(&src, n, confirm);
	free(confirm);
}

/* Every "Payer par carte bancaire" control in document order until one
 * leads somewhere. */
void handoff_find_pay_card(struct handoff_ctx *ctx)
{
	const struct html_node *root = ctx->doc->root;

	for (const struct html_node *n = html_next(root, root);
	     n && ctx->step->kind == HANDOFF_NONE; n = html_next(n, root))
		if (is_clickable(n) && labelled(n, pay_card_words))
			click(ctx, n);
}

/* The main pay button ("Règlement", "Payer"...) leads on when its onclick
 * or javascript: link navigates; so does a form's onsubmit. */
static void try_pay_button(struct handoff_ctx *ctx, const struct html_node *n)
{
	struct handoff_source src = { .ctx = ctx, .element = n, .strict = true, .go_only = true };
	const char *onclick = html_attr(n, "onclick");
	const char *href = html_is(n, "a") || html_is(n, "area") ? html_attr(n, "href") : NULL;
	bool js_href = href && url_is_javascript(href);

	if (html_is(n, "form")) {
		handoff_scan_handler(&src, html_attr(n, "onsubmit"), NULL, NULL);
		return;
	}
	if (!(onclick || js_href) || !is_clickable(n) || !labelled(n, pay_words))
		return;
	if (!handoff_scan_handler(&src, onclick, href, NULL) && js_href)
		scan_javascript_href(&src, href);
}

void handoff_find_pay_button(struct handoff_ctx *ctx)
{
	const struct html_node *root = ctx->doc->root;

	for (const struct html_node *n = html_next(root, root);
	     n && ctx->step->kind == HANDOFF_NONE; n = html_next(n, root))
		try_pay_button(ctx, n);
}

static bool is_popup_target(const char *target)
{
	return target && *target && strcasecmp(target, "_self") != 0 &&
	       strcasecmp(target, "_top") != 0 && strcasecmp(target, "_parent") != 0;
}

/* The button a person presses: the first enabled submit button, or none
 * (an implicit submission). */
static long default_button(const struct form *form)
{
	for (size_t i = 0; i < form->ncontrols; i++)
		if (form_control_is_submit(&form->controls[i]) && !form->controls[i].disabled)
			return (long)i;
	return -1;
}

static void submit_target_form(struct handoff_ctx *ctx, const struct form *form)
{
	long button = default_button(form);
	struct handoff_source src = { .ctx = ctx, .element = form->node, .strict = true };
	char *confirm = handoff_handler_confirm(ctx, button >= 0 ? form->controls[button].onclick
	                                                         : NULL);

	handoff_submit_form(&src, form, button,
	                    strcasecmp(form->target, "_blank") == 0 ? _("form target _blank")
	                                                            : _("form target pop-up"),
	                    confirm, form->onsubmit);
	free(confirm);
}

/* A form opening in a new window: the one whose button reads like paying
 * first, else the first. */
void handoff_find_target_form(struct handoff_ctx *ctx)
{
	const struct form *first = NULL;

	for (size_t i = 0; i < ctx->forms->count; i++) {
		const struct form *form = &ctx->forms->forms[i];
		long button = default_button(form);
		if (!is_popup_target(form->target))
			continue;
		if (button >= 0 && label_has(form->controls[button].label, pay_words)) {
			first = form;
			break;
		}
		if (!first)
			first = form;
	}
	if (first)
		submit_target_form(ctx, first);
}
