/* Finding the hand-off statements in a page's JavaScript (see handoff_js.h). */
#include "config.h"

#include "portal/handoff/handoff_js.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"
#include "portal/handoff/handoff.h"
#include "portal/handoff/handoff_jsfn.h"
#include "portal/handoff/handoff_lex.h"

/* Real pages need two or three levels of calls (onclick -> payer() ->
 * ouvrir(url)) or parentheses; more is ignored, which bounds the stack. */
#define JS_MAX_DEPTH 8

/* One scan of some code: a handler, a script, or a function's body. */
struct scan {
	struct js_page *page;
	const char *this_href;    /* in an event handler: this.href */
	const struct js_fn *self; /* the function analysed, for its parameters */
	int depth;
	js_accept_fn accept; /* NULL while analysing a function: keep the first */
	void *arg;
	bool done, has_confirm, has_pending, has_found;
	struct js_value confirm;
	struct js_formref pending_form; /* FORM.action = value, for a later FORM.submit() */
	struct js_value pending_action;
	struct js_found found; /* what a function's analysis keeps */
};

static void scan_code(struct scan *S, const char *code, size_t len);

static bool parse_expr(struct scan *S, struct js_parser *P, struct js_value *v, int depth);

/* A string, a number, this.href (in a handler), a parameter (in a
 * function) or a parenthesised expression; anything else is unknown. */
static bool parse_term(struct scan *S, struct js_parser *P, struct js_value *v, int depth)
{
	struct js_tok t = P->cur;
	struct js_chain ch;

	if (t.kind == JS_TOK_STRING || t.kind == JS_TOK_NUMBER) {
		char *text = t.kind == JS_TOK_STRING ? js_string_value(&t) : xstrndup(t.s, t.n);
		if (!text)
			return false;
		js_value_add(v, text, -1);
		js_advance(P);
		return true;
	}
	if (js_tok_punct(&t, "(") && depth < JS_MAX_DEPTH) {
		js_advance(P);
		if (!parse_expr(S, P, v, depth + 1) || !js_tok_punct(&P->cur, ")"))
			return false;
		js_advance(P);
		return true;
	}
	if (t.kind != JS_TOK_IDENT)
		return false;
	js_parse_chain(P, &ch);
	if (js_chain_is(&ch, "this.href") && S->this_href && !S->self) {
		js_value_add(v, xstrdup(S->this_href), -1);
		return true;
	}
	int k = ch.n == 1 ? js_fn_param(S->self, &ch.seg[0].name) : -1;
	if (k < 0 || js_tok_punct(&P->cur, "("))
		return false;
	js_value_add(v, NULL, k);
	return true;
}

static bool parse_expr(struct scan *S, struct js_parser *P, struct js_value *v, int depth)
{
	if (!parse_term(S, P, v, depth))
		return false;
	while (js_tok_punct(&P->cur, "+")) {
		js_advance(P);
		if (!parse_term(S, P, v, depth))
			return false;
	}
	return !v->overflow;
}

/* An expression that ends where a statement or an argument does. */
static bool parse_value(struct scan *S, struct js_parser *P, struct js_value *v)
{
	memset(v, 0, sizeof(*v));
	bool ok = parse_expr(S, P, v, 0) &&
	          (P->cur.kind == JS_TOK_END || P->cur.nl_before || js_tok_punct(&P->cur, ",") ||
	           js_tok_punct(&P->cur, ")") || js_tok_punct(&P->cur, ";") ||
	           js_tok_punct(&P->cur, "}"));
	if (!ok)
		js_value_clear(v);
	return ok;
}

static bool seg_name_is(const struct js_seg *s, const char *name)
{
	return s->kind == JS_SEG_NAME && js_tok_ident(&s->name, name);
}

static bool seg_call_is(const struct js_seg *s, const char *name)
{
	return s->kind == JS_SEG_CALL && js_tok_ident(&s->name, name);
}

/* $('#id') or jQuery('#id'): a plain id selector only. */
static bool jquery_id(const struct js_seg *s, struct js_formref *ref)
{
	char *sel = js_string_value(&s->arg);

	if (sel && sel[0] == '#' && sel[1] && !sel[1 + strcspn(sel + 1, " .[:>#,")]) {
		ref->how = JS_FORM_ID;
		ref->key = xstrdup(sel + 1);
	}
	free(sel);
	return ref->key != NULL;
}

/* document.X... : forms[0], forms['n'], forms.n, n, getElementById('i'),
 * getElementsByName('n')[0]. */
static bool document_form(const struct js_seg *s, int n, struct js_formref *ref)
{
	bool forms = n == 3 && seg_name_is(&s[1], "forms");

	if (n == 2 && seg_call_is(&s[1], "getElementById")) {
		ref->how = JS_FORM_ID;
		ref->key = js_string_value(&s[1].arg);
	} else if (n == 3 && seg_call_is(&s[1], "getElementsByName") && s[2].kind == JS_SEG_INDEX &&
	           js_tok_is(&s[2].arg, JS_TOK_NUMBER, "0")) {
		ref->key = js_string_value(&s[1].arg);
	} else if (forms && s[2].kind == JS_SEG_INDEX) {
		ref->how = JS_FORM_INDEX;
		ref->index = strtol(s[2].arg.s, NULL, 10);
		return s[2].arg.s[0] >= '0' && s[2].arg.s[0] <= '9' && ref->index >= 0;
	} else if (forms && s[2].kind == JS_SEG_KEY) {
		ref->key = js_string_value(&s[2].arg);
	} else if ((forms && s[2].kind == JS_SEG_NAME) ||
	           (n == 2 && s[1].kind == JS_SEG_NAME && !seg_name_is(&s[1], "forms"))) {
		ref->key = xstrndup(s[n - 1].name.s, s[n - 1].name.n);
	}
	return ref->key != NULL;
}

/* The form the first n links of a chain designate (before ".submit()"). */
static bool chain_form(const struct js_chain *ch, int n, struct js_formref *ref)
{
	const struct js_seg *s = ch->seg;

	memset(ref, 0, sizeof(*ref));
	ref->how = JS_FORM_NAME;
	if (ch->overflow || n < 1)
		return false;
	if (n > 1 && seg_name_is(&s[0], "window")) {
		s++;
		n--;
	}
	if (n == 2 && seg_name_is(&s[0], "this") && seg_name_is(&s[1], "form")) {
		ref->how = JS_FORM_THIS;
		return true;
	}
	if (n == 1 && (seg_call_is(&s[0], "$") || seg_call_is(&s[0], "jQuery")))
		return jquery_id(&s[0], ref);
	if (n == 1 && s[0].kind == JS_SEG_NAME && !seg_name_is(&s[0], "document") &&
	    !seg_name_is(&s[0], "this")) {
		/* named forms are properties of window too */
		ref->key = xstrndup(s[0].name.s, s[0].name.n);
		return true;
	}
	return n >= 2 && seg_name_is(&s[0], "document") && document_form(s, n, ref);
}

static bool is_blank_popup(const struct js_value *url)
{
	char *text = js_value_text(url);
	bool blank = text && (!*text || strcmp(text, "about:blank") == 0 || strcmp(text, "#") == 0);

	free(text);
	return blank;
}

/* Hands a found action to the caller (or keeps it, in a function). */
static void offer(struct scan *S, struct js_found *f)
{
	struct js_action a = { f->kind,       f->via,      NULL, f->form.how,
		               f->form.index, f->form.key, NULL, NULL };
	char *url = NULL, *action = NULL, *confirm = NULL;

	if (f->kind == JS_ACTION_GO && is_blank_popup(&f->url))
		return; /* window.open('', 'name'): a form will fill it */
	if (!S->accept) {
		S->found = *f;
		memset(f, 0, sizeof(*f));
		S->has_found = S->done = true;
		return;
	}
	if (f->kind == JS_ACTION_GO && !(a.url = url = js_value_text(&f->url)))
		a.kind = JS_ACTION_UNREADABLE;
	if (f->kind == JS_ACTION_SUBMIT && f->action.n &&
	    !(a.form_action = action = js_value_text(&f->action)))
		a.kind = JS_ACTION_UNREADABLE;
	if (S->has_confirm)
		a.confirm = confirm = js_value_text(&S->confirm);
	S->done = S->accept(&a, S->arg);
	free(url);
	free(action);
	free(confirm);
}

static void analyse(struct js_page *page, struct js_fn *f, int depth)
{
	struct scan T = { .page = page, .self = f, .depth = depth };
	struct js_fn_result *r = xcalloc(1, sizeof(*r));

	f->memo = JS_MEMO_BUSY;
	scan_code(&T, f->body, (size_t)(f->body_end - f->body));
	r->has_found = T.has_found;
	r->found = T.found;
	r->has_confirm = T.has_confirm;
	r->confirm = T.confirm;
	js_value_clear(&T.pending_action);
	free(T.pending_form.key);
	f->result = r;
	f->memo = JS_MEMO_DONE;
}

/* A call of a page function: what its body does, with our arguments. */
static void call_fn(struct scan *S, struct js_fn *f, const struct js_value *args, int nargs)
{
	const struct js_fn_result *r;
	struct js_found g = { 0 };

	if (S->depth >= JS_MAX_DEPTH || f->memo == JS_MEMO_BUSY || !f->body_end)
		return;
	if (f->memo == JS_MEMO_NONE)
		analyse(S->page, f, S->depth + 1);
	r = f->result;
	if (r->has_confirm && !S->has_confirm &&
	    js_value_substitute(&r->confirm, args, nargs, &S->confirm))
		S->has_confirm = true;
	else if (!S->has_confirm)
		js_value_clear(&S->confirm);
	if (!r->has_found)
		return;
	g.kind = r->found.kind;
	g.via = r->found.via;
	g.form = r->found.form;
	g.form.key = g.form.key ? xstrdup(g.form.key) : NULL;
	if (!js_value_substitute(&r->found.url, args, nargs, &g.url) ||
	    !js_value_substitute(&r->found.action, args, nargs, &g.action))
		g.kind = JS_ACTION_UNREADABLE;
	offer(S, &g);
	js_found_clear(&g);
}

/* Skips to the end of the current argument (a failed parse stops inside). */
static void skip_argument(struct js_parser *P)
{
	int level = 0;

	for (; P->cur.kind != JS_TOK_END; js_advance(P)) {
		if (level == 0 && (js_tok_punct(&P->cur, ",") || js_tok_punct(&P->cur, ")")))
			return;
		if (js_tok_punct(&P->cur, "(") || js_tok_punct(&P->cur, "[") ||
		    js_tok_punct(&P->cur, "{"))
			level++;
		else if (js_tok_punct(&P->cur, ")") || js_tok_punct(&P->cur, "]") ||
		         js_tok_punct(&P->cur, "}"))
			level--;
	}
}

/* name(args) where name is a page function; the cursor is on '('. */
static void call_named(struct scan *S, struct js_parser *P, struct js_fn *f)
{
	struct js_value args[JS_MAX_PARAMS];
	int nargs = 0;

	js_advance(P);
	while (P->cur.kind != JS_TOK_END && !js_tok_punct(&P->cur, ")")) {
		struct js_value v;
		if (!parse_value(S, P, &v))
			skip_argument(P);
		if (nargs < JS_MAX_PARAMS)
			args[nargs++] = v;
		else
			js_value_clear(&v);
		if (!js_tok_punct(&P->cur, ","))
			break;
		js_advance(P);
	}
	call_fn(S, f, args, nargs);
	for (int i = 0; i < nargs; i++)
		js_value_clear(&args[i]);
}

static void go(struct scan *S, struct js_parser *P, const char *via)
{
	struct js_found f = { .kind = JS_ACTION_GO, .via = via };

	if (!parse_value(S, P, &f.url))
		f.kind = JS_ACTION_UNREADABLE;
	offer(S, &f);
	js_found_clear(&f);
}

/* FORM.submit(): the cursor is on '('. */
static void submit(struct scan *S, struct js_parser *P, const struct js_chain *ch)
{
	struct js_found f = { .kind = JS_ACTION_SUBMIT, .via = "submit()" };

	if (!chain_form(ch, ch->n - 1, &f.form))
		f.kind = JS_ACTION_UNREADABLE;
	else if (S->has_pending && js_formref_eq(&S->pending_form, &f.form))
		js_value_copy(&S->pending_action, &f.action);
	js_advance(P);
	js_advance(P);
	offer(S, &f);
	js_found_clear(&f);
}

/* "function (params)" of a callback: skipped, so that its body is
 * scanned in place. */
static void enter_function(struct js_parser *P)
{
	js_advance(P);
	if (!js_tok_punct(&P->cur, "("))
		return;
	while (P->cur.kind != JS_TOK_END && !js_tok_punct(&P->cur, ")"))
		js_advance(P);
	js_advance(P);
}

/* setTimeout('code', ms), setTimeout(name, ms), setTimeout(function, ms). */
static void timeout(struct scan *S, struct js_parser *P)
{
	js_advance(P);
	if (P->cur.kind == JS_TOK_STRING) {
		char *code = js_string_value(&P->cur);
		js_advance(P);
		if (code && S->depth < JS_MAX_DEPTH) {
			S->depth++;
			scan_code(S, code, strlen(code));
			S->depth--;
		}
		free(code);
	} else if (js_tok_ident(&P->cur, "function")) {
		enter_function(P);
	} else if (P->cur.kind == JS_TOK_IDENT) {
		struct js_fn *f = js_page_find_name(S->page, &P->cur);
		js_advance(P);
		if (f && (js_tok_punct(&P->cur, ",") || js_tok_punct(&P->cur, ")")))
			call_fn(S, f, NULL, 0);
	}
}

static const char *const location_targets[] = {
	"location",
	"location.href",
	"window.location",
	"window.location.href",
	"document.location",
	"document.location.href",
	"self.location",
	"self.location.href",
	"window.document.location",
	"window.document.location.href",
	NULL,
};

static const char *const location_calls[] = {
	"location.replace",
	"location.assign",
	"window.location.replace",
	"window.location.assign",
	"document.location.replace",
	"document.location.assign",
	"self.location.replace",
	"self.location.assign",
	"window.open",
	"window.navigate",
	NULL,
};

/* chain = value: the cursor is on '='. */
static void assignment(struct scan *S, struct js_parser *P, const struct js_chain *ch)
{
	const char *via = js_chain_match(ch, location_targets);
	const struct js_seg *last = &ch->seg[ch->n - 1];
	struct js_formref form;

	js_advance(P);
	if (via) {
		go(S, P, via);
	} else if (seg_name_is(last, "onload")) {
		/* window.onload = function () {...} runs without a click. */
		if (js_tok_ident(&P->cur, "function")) {
			enter_function(P);
		} else if (P->cur.kind == JS_TOK_IDENT) {
			struct js_fn *f = js_page_find_name(S->page, &P->cur);
			js_advance(P);
			if (f && !js_tok_punct(&P->cur, "(") && !js_tok_punct(&P->cur, "."))
				call_fn(S, f, NULL, 0);
		}
	} else if (ch->n >= 2 && seg_name_is(last, "action") && chain_form(ch, ch->n - 1, &form)) {
		struct js_value v;
		if (parse_value(S, P, &v)) {
			js_value_clear(&S->pending_action);
			free(S->pending_form.key);
			S->pending_form = form;
			S->pending_action = v;
			S->has_pending = true;
		} else {
			free(form.key);
		}
	}
}

/* Callbacks that run at load are scanned in place: $(function), $(document)
 * .ready(function), $(window).load(function), addEventListener('load',
 * function). The cursor is on '('; true when it entered one. */
static bool enter_load_callback(struct js_parser *P, const struct js_chain *ch)
{
	static const char *const events[] = { "load", "DOMContentLoaded", "onload", NULL };
	const struct js_seg *last = &ch->seg[ch->n - 1];
	struct js_tok a = js_peek(P, 1), b = js_peek(P, 2), c = js_peek(P, 3);
	bool load_event = false;

	if (ch->overflow)
		return false;
	if ((seg_name_is(last, "ready") || seg_name_is(last, "load") || js_chain_is(ch, "$") ||
	     js_chain_is(ch, "jQuery")) &&
	    js_tok_ident(&a, "function")) {
		js_advance(P);
		enter_function(P);
		return true;
	}
	if (!(seg_name_is(last, "addEventListener") || seg_name_is(last, "attachEvent")) ||
	    a.kind != JS_TOK_STRING || !js_tok_punct(&b, ",") || !js_tok_ident(&c, "function"))
		return false;
	char *event = js_string_value(&a);
	for (size_t i = 0; event && events[i]; i++)
		load_event = load_event || strcmp(event, events[i]) == 0;
	free(event);
	if (load_event) {
		js_advance(P);
		js_advance(P);
		js_advance(P);
		enter_function(P);
	}
	return load_event;
}

/* chain(...): the cursor is on '('. A chain that follows a '.' (as in
 * getFrame().location.replace) is somebody else's member: only load
 * callbacks and .submit() are read there. */
static void call(struct scan *S, struct js_parser *P, const struct js_chain *ch, bool member)
{
	static const char *const confirms[] = { "confirm", "window.confirm", NULL };
	static const char *const timeouts[] = { "setTimeout", "window.setTimeout", NULL };
	const char *via = member ? NULL : js_chain_match(ch, location_calls);
	struct js_tok next = js_peek(P, 1);
	struct js_fn *f;

	if (enter_load_callback(P, ch)) {
		return;
	} else if (seg_name_is(&ch->seg[ch->n - 1], "submit") && js_tok_punct(&next, ")") &&
	           (ch->n >= 2 || member)) {
		submit(S, P, ch);
	} else if (member) {
		return;
	} else if (via) {
		js_advance(P);
		go(S, P, via);
	} else if (js_chain_match(ch, confirms)) {
		struct js_value v;
		js_advance(P);
		if (parse_value(S, P, &v) && !S->has_confirm) {
			S->confirm = v;
			S->has_confirm = true;
		} else {
			js_value_clear(&v);
		}
	} else if (js_chain_match(ch, timeouts)) {
		timeout(S, P);
	} else if (ch->n == 1 && !ch->overflow &&
	           (f = js_page_find_name(S->page, &ch->seg[0].name))) {
		call_named(S, P, f);
	}
}

/* Steps over a whole function: declarations run only when called. */
static void skip_function(struct scan *S, struct js_parser *P)
{
	struct js_fn *f = js_page_find_kw(S->page, P->cur.s);
	int level = 0;

	if (f && f->body_end) {
		P->lx.p = f->body_end;
		js_advance(P);
		return;
	}
	while (P->cur.kind != JS_TOK_END && !js_tok_punct(&P->cur, "{"))
		js_advance(P);
	for (; P->cur.kind != JS_TOK_END; js_advance(P)) {
		if (js_tok_punct(&P->cur, "{"))
			level++;
		else if (js_tok_punct(&P->cur, "}") && --level == 0)
			break;
	}
	js_advance(P);
}

/* A declaration, a function stored for later (x = function, {k:
 * function}) or passed to a call (.click(function), .on('click',
 * function)) runs later, if ever: skipped. Load callbacks were entered by
 * call(); an expression run at once ((function () {...})()) is entered. */
static void function_keyword(struct scan *S, struct js_parser *P)
{
	struct js_tok next = js_peek(P, 1);
	bool argument = js_tok_punct(&P->prev, ",") ||
	                (js_tok_punct(&P->prev, "(") &&
	                 (P->prev2.kind == JS_TOK_IDENT || js_tok_punct(&P->prev2, ")") ||
	                  js_tok_punct(&P->prev2, "]")));

	if (next.kind == JS_TOK_IDENT || js_tok_punct(&P->prev, "=") ||
	    js_tok_punct(&P->prev, ":") || argument)
		skip_function(S, P);
	else
		enter_function(P);
}

static void scan_code(struct scan *S, const char *code, size_t len)
{
	struct js_parser P;
	struct js_chain ch;

	js_parser_init(&P, code, len);
	while (!S->done && P.cur.kind != JS_TOK_END) {
		if (js_tok_ident(&P.cur, "function")) {
			function_keyword(S, &P);
		} else if (P.cur.kind == JS_TOK_IDENT) {
			bool member = js_tok_punct(&P.prev, ".");
			js_parse_chain(&P, &ch);
			if (js_tok_punct(&P.cur, "=") && !member)
				assignment(S, &P, &ch);
			else if (js_tok_punct(&P.cur, "("))
				call(S, &P, &ch, member);
		} else {
			js_advance(&P);
		}
	}
}

bool js_scan(struct js_page *page, const char *code, size_t len, const char *this_href,
             js_accept_fn accept, void *arg, char **confirm)
{
	struct scan S = { .page = page, .this_href = this_href, .accept = accept, .arg = arg };

	if (code)
		scan_code(&S, code, len);
	if (confirm)
		*confirm = S.has_confirm ? js_value_text(&S.confirm) : NULL;
	js_value_clear(&S.confirm);
	js_value_clear(&S.pending_action);
	free(S.pending_form.key);
	js_found_clear(&S.found);
	return S.done;
}

char *handoff_js_call_arg(const char *script, const char *fn)
{
	struct scan S = { 0 };
	struct js_parser P;
	struct js_chain ch;
	struct js_value v;

	if (!script || !fn)
		return NULL;
	js_parser_init(&P, script, strlen(script));
	while (P.cur.kind != JS_TOK_END) {
		if (P.cur.kind != JS_TOK_IDENT) {
			js_advance(&P);
			continue;
		}
		js_parse_chain(&P, &ch);
		if (!js_chain_is(&ch, fn) || !js_tok_punct(&P.cur, "("))
			continue;
		js_advance(&P);
		if (parse_value(&S, &P, &v)) {
			char *text = js_value_text(&v);
			js_value_clear(&v);
			if (text)
				return text;
		}
	}
	return NULL;
}
