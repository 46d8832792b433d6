/* The hand-off's entry point, how steps are taken, and what runs without a click. */
#include "config.h"

#include "util/i18n.h"
#include "portal/handoff/handoff.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/sanitize.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "web/url.h"
#include "portal/handoff/handoff_internal.h"

/* Records why a step that exists cannot be followed; returns whether the
 * scan of this handler should stop (it should for a clicked control). */
bool handoff_fail(struct handoff_source *src, const char *what, const char *detail)
{
	if (src->strict && !src->ctx->error) {
		const char *who = src->via ? src->via : _("the payment button");
		char *shown = detail ? sanitize_text(detail, strlen(detail), SANITIZE_SINGLE_LINE,
		                                     120)
		                     : NULL;
		src->ctx->error = shown ? xasprintf("%s: %s (%s)", who, what, shown)
		                        : xasprintf("%s: %s", who, what);
		free(shown);
	}
	return src->strict;
}

static void fill_step(struct handoff_ctx *ctx, enum handoff_kind kind, const char *via,
                      const char *confirm)
{
	ctx->step->kind = kind;
	ctx->step->via = xstrdup(via);
	ctx->step->confirm = confirm ? xstrdup(confirm) : NULL;
}

bool handoff_take_url(struct handoff_source *src, const char *url, const char *via,
                      const char *confirm)
{
	struct handoff_ctx *ctx = src->ctx;
	char *err = NULL, *abs;

	if (url_is_javascript(url))
		return handoff_fail(src, _("a javascript: URL inside a script"), url);
	if (!(abs = url_resolve(ctx->base, url, &err))) {
		bool stop = handoff_fail(src, _("cannot resolve its URL"), err);
		free(err);
		return stop;
	}
	if (strcmp(abs, ctx->self_url) == 0) {
		free(abs); /* a reload: never a step, an error only on a click */
		return handoff_fail(src, _("it leads nowhere (back to this page)"), NULL);
	}
	fill_step(ctx, HANDOFF_GET, src->via ? src->via : via, confirm);
	ctx->step->url = abs;
	return true;
}

bool handoff_submit_form(struct handoff_source *src, const struct form *form, long submitter,
                         const char *via, const char *confirm, const char *confirm_code)
{
	struct handoff_ctx *ctx = src->ctx;
	struct form_request *req = NULL;
	char *err = NULL;
	const char *base = *form->action ? ctx->base : ctx->page_url;

	if (form_encode(form, NULL, submitter, base, ctx->charset, &req, &err) != 0) {
		bool stop = handoff_fail(src, _("cannot submit its form"), err);
		free(err);
		return stop;
	}
	fill_step(ctx, HANDOFF_SUBMIT, via, confirm);
	if (!confirm)
		ctx->step->confirm = handoff_handler_confirm(ctx, confirm_code);
	ctx->step->request = req;
	return true;
}

static const struct form *form_named(const struct form_list *forms, const char *key, bool by_id)
{
	for (size_t i = 0; i < forms->count; i++)
		if (!by_id && forms->forms[i].name && strcmp(forms->forms[i].name, key) == 0)
			return &forms->forms[i];
	for (size_t i = 0; i < forms->count; i++)
		if (forms->forms[i].id && strcmp(forms->forms[i].id, key) == 0)
			return &forms->forms[i];
	return NULL;
}

/* The form a script designates: document.forms[i], by name or id, or
 * this.form (the handler's element's form, or the element itself). */
static const struct form *script_form(const struct handoff_ctx *ctx, const struct js_action *a,
                                      const struct html_node *element)
{
	size_t fi;

	switch (a->form_how) {
	case JS_FORM_INDEX:
		return a->form_index >= 0 && (size_t)a->form_index < ctx->forms->count
		               ? &ctx->forms->forms[a->form_index]
		               : NULL;
	case JS_FORM_NAME:
	case JS_FORM_ID:
		return a->form_key ? form_named(ctx->forms, a->form_key, a->form_how == JS_FORM_ID)
		                   : NULL;
	case JS_FORM_THIS:
		if (!element)
			return NULL;
		for (fi = 0; fi < ctx->forms->count; fi++)
			if (ctx->forms->forms[fi].node == element)
				return &ctx->forms->forms[fi];
		return form_list_control_for_node(ctx->forms, element, &fi) ? &ctx->forms->forms[fi]
		                                                            : NULL;
	}
	return NULL;
}

static bool take_submit(struct handoff_source *src, const struct js_action *a)
{
	const struct form *form = script_form(src->ctx, a, src->element);
	struct form copy;

	if (src->go_only)
		return false;
	if (!form)
		return handoff_fail(src, _("its script submits a form the page does not have"),
		                    a->form_key);
	copy = *form;
	if (a->form_action)
		copy.action = (char *)a->form_action; /* set by the script just before */
	const char *via = src->via ? src->via : src->automatic ? _("auto-submit form") : a->via;
	return handoff_submit_form(src, &copy, -1, via, a->confirm, NULL);
}

bool handoff_take_action(const struct js_action *a, void *arg)
{
	struct handoff_source *src = arg;

	switch (a->kind) {
	case JS_ACTION_GO: return handoff_take_url(src, a->url, a->via, a->confirm);
	case JS_ACTION_SUBMIT: return take_submit(src, a);
	case JS_ACTION_UNREADABLE: break;
	}
	return handoff_fail(src, _("its script computes where it leads"), a->via);
}

/* Collects a handler's confirm text only (onsubmit="return confirm(...)"). */
static bool ignore_action(const struct js_action *a, void *arg)
{
	return false;
}

char *handoff_handler_confirm(struct handoff_ctx *ctx, const char *code)
{
	char *confirm = NULL;

	if (code)
		js_scan(ctx->js, code, strlen(code), NULL, ignore_action, NULL, &confirm);
	return confirm;
}

bool handoff_scan_handler(struct handoff_source *src, const char *code, const char *this_href,
                          char **confirm)
{
	if (confirm)
		*confirm = NULL;
	if (!code)
		return false;
	return js_scan(src->ctx->js, code, strlen(code), this_href, handoff_take_action, src,
	               confirm);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The URL of <meta http-equiv=refresh content="5; URL='x'"> as the HTML
 * standard parses it, or NULL for a plain reload. */
static char *refresh_url(const char *content)
{
	const char *p = content, *end;
	char quote = 0;

	while (is_space(*p))
		p++;
	if (!strspn(p, "0123456789."))
		return NULL;
	p += strspn(p, "0123456789.");
	while (is_space(*p))
		p++;
	if (*p == ';' || *p == ',')
		p++;
	else if (*p)
		return NULL;
	while (is_space(*p))
		p++;
	if (strncasecmp(p, "url", 3) == 0) {
		const char *q = p + 3;
		while (is_space(*q))
			q++;
		if (*q == '=') {
			for (q++; is_space(*q); q++)
				;
			p = q;
		}
	}
	if (*p == '\'' || *p == '"')
		quote = *p++;
	end = quote && strchr(p, quote) ? strchr(p, quote) : p + strlen(p);
	while (end > p && is_space(end[-1]))
		end--;
	return end > p ? xstrndup(p, (size_t)(end - p)) : NULL;
}

static void find_meta_refresh(struct handoff_ctx *ctx)
{
	const struct html_node *root = ctx->doc->root;
	struct handoff_source src = { .ctx = ctx, .automatic = true };

	for (const struct html_node *n = html_find(root, "meta"); n;
	     n = html_find_next(n, root, "meta")) {
		const char *equiv = html_attr(n, "http-equiv"), *content = html_attr(n, "content");
		if (!equiv || strcasecmp(equiv, "refresh") != 0 || !content ||
		    html_ancestor(n, "noscript"))
			continue;
		char *url = refresh_url(content);
		if (url)
			handoff_take_url(&src, url, _("meta refresh"), NULL);
		free(url);
		return; /* browsers obey the first refresh only */
	}
}

static bool is_javascript_type(const struct html_node *script)
{
	const char *type = html_attr(script, "type");

	return !type || !*type || strcasestr(type, "javascript") ||
	       strcasestr(type, "ecmascript") || strcasestr(type, "jscript");
}

char *handoff_page_scripts(const struct html_doc *doc)
{
	struct strbuf sb = STRBUF_INIT;

	for (const struct html_node *n = html_find(doc->root, "script"); n;
	     n = html_find_next(n, doc->root, "script"))
		for (const struct html_node *t = n->first_child; t; t = t->next)
			if (t->type == HTML_TEXT && is_javascript_type(n)) {
				strbuf_puts(&sb, t->text);
				/* A script ends a statement: the next one starts afresh. */
				strbuf_puts(&sb, "\n;\n");
			}
	return sb.data;
}

char *handoff_confirm_text(const char *page_scripts, const char *handler)
{
	char *confirm = NULL;

	if (!handler)
		return NULL;
	struct js_page *js = js_page_new();
	if (page_scripts)
		js_page_add_script(js, page_scripts, strlen(page_scripts));
	js_scan(js, handler, strlen(handler), NULL, ignore_action, NULL, &confirm);
	js_page_free(&js);
	return confirm;
}

/* Everything that happens without a click: inline scripts in document
 * order, then <body onload>, then a meta refresh. */
static void find_automatic(struct handoff_ctx *ctx)
{
	const struct html_node *root = ctx->doc->root, *body = html_find(root, "body");
	struct handoff_source src = { .ctx = ctx, .automatic = true };

	for (const struct html_node *n = html_find(root, "script"); n;
	     n = html_find_next(n, root, "script")) {
		if (!is_javascript_type(n))
			continue;
		for (const struct html_node *t = n->first_child; t; t = t->next)
			if (t->type == HTML_TEXT && js_scan(ctx->js, t->text, strlen(t->text), NULL,
			                                    handoff_take_action, &src, NULL))
				return;
	}
	if (body && handoff_scan_handler(&src, html_attr(body, "onload"), NULL, NULL))
		return;
	find_meta_refresh(ctx);
}

static void register_scripts(struct handoff_ctx *ctx)
{
	const struct html_node *root = ctx->doc->root;

	for (const struct html_node *n = html_find(root, "script"); n;
	     n = html_find_next(n, root, "script"))
		for (const struct html_node *t = n->first_child; t; t = t->next)
			if (t->type == HTML_TEXT && is_javascript_type(n))
				js_page_add_script(ctx->js, t->text, strlen(t->text));
}

/* <base href> changes what relative URLs mean. */
static char *document_base(const struct html_doc *doc, const char *page_url)
{
	const struct html_node *base = html_find(doc->root, "base");
	const char *href = base ? html_attr(base, "href") : NULL;
	char *resolved = href && *href ? url_resolve(page_url, href, NULL) : NULL;

	return resolved ? resolved : xstrdup(page_url);
}

int handoff_next(const struct html_doc *doc, const char *page_url, const char *charset,
                 struct handoff_step *step, char **errp)
{
	/* By priority: what happens without a click, the "Payer par carte
	 * bancaire" control, window.open on the pay button, a pop-up form. A
	 * level that met a step it cannot follow ends the search: falling back
	 * to a lower one would be a guess. */
	static void (*const levels[])(struct handoff_ctx *) = {
		find_automatic,
		handoff_find_pay_card,
		handoff_find_pay_button,
		handoff_find_target_form,
	};
	struct handoff_ctx ctx = {
		.doc = doc, .page_url = page_url, .charset = charset, .step = step
	};
	int rc = 0;

	memset(step, 0, sizeof(*step));
	if (!doc || !page_url)
		return set_error(errp, _("no page to read the payment hand-off from"));
	ctx.self_url = url_resolve(page_url, "", NULL);
	if (!ctx.self_url)
		ctx.self_url = xstrdup(page_url);
	ctx.base = document_base(doc, page_url);
	ctx.forms = form_list_from_doc(doc);
	ctx.js = js_page_new();
	register_scripts(&ctx);
	for (size_t i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
		levels[i](&ctx);
		if (step->kind != HANDOFF_NONE || ctx.error)
			break;
	}
	if (step->kind == HANDOFF_NONE && ctx.error) {
		rc = -1;
		if (errp) {
			*errp = ctx.error;
			ctx.error = NULL;
		}
	}
	free(ctx.error);
	free(ctx.self_url);
	free(ctx.base);
	form_list_free(&ctx.forms);
	js_page_free(&ctx.js);
	return rc;
}

void handoff_step_clear(struct handoff_step *step)
{
	if (!step)
		return;
	free(step->url);
	form_request_free(&step->request);
	free(step->confirm);
	free(step->via);
	memset(step, 0, sizeof(*step));
}
