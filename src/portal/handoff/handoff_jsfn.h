/* The hand-off scanner's model of a page's JavaScript: values known
 * without running code, the actions found, and the page's functions with
 * what each one's body does (analysed once, however many handlers call
 * it). Private to portal/handoff_js.c and portal/handoff_jsfn.c. */
#ifndef PF_PORTAL_HANDOFF_HANDOFF_JSFN_H
#define PF_PORTAL_HANDOFF_HANDOFF_JSFN_H

#include <stdbool.h>
#include <stddef.h>

#include "portal/handoff/handoff_js.h"
#include "portal/handoff/handoff_lex.h"

#define JS_MAX_PARTS 8
#define JS_MAX_PARAMS 8
/* Functions beyond this many are not followed (they are still skipped
 * correctly): it bounds the memory a hostile page can make us use. */
#define JS_MAX_FUNCTIONS 65536

/* A value as far as it can be known without running code: literal text
 * and references to the parameters of the function being analysed. */
struct js_part {
	char *text; /* NULL for a parameter */
	int param;
};

struct js_value {
	struct js_part part[JS_MAX_PARTS];
	int n;
	bool overflow; /* too many parts: unknown */
};

void js_value_clear(struct js_value *v);
/* Appends literal text (taking ownership) or, with text NULL, parameter
 * `param`; adjacent literals are joined. */
void js_value_add(struct js_value *v, char *text, int param);
/* Copies v into *out with parameter k replaced by args[k]. False when a
 * parameter used has no known argument (a failed parse leaves n == 0). */
bool js_value_substitute(const struct js_value *v, const struct js_value *args, int nargs,
                         struct js_value *out);
void js_value_copy(const struct js_value *v, struct js_value *out);
/* The text of a value without parameters, newly allocated, or NULL. */
char *js_value_text(const struct js_value *v);

struct js_formref {
	enum js_form_how how;
	long index;
	char *key; /* owned */
};

bool js_formref_eq(const struct js_formref *a, const struct js_formref *b);

struct js_found {
	enum js_action_kind kind;
	const char *via;        /* static */
	struct js_value url;    /* GO */
	struct js_formref form; /* SUBMIT */
	struct js_value action; /* SUBMIT: FORM.action = '...' met before; n == 0 if none */
};

void js_found_clear(struct js_found *f);

/* What a function's body leads to, once analysed (memoised). */
struct js_fn_result {
	bool has_found, has_confirm;
	struct js_found found;
	struct js_value confirm;
};

/* A function of the page. Kept small: a page may declare many. */
struct js_fn {
	struct js_tok name; /* kind JS_TOK_END when anonymous */
	const char *kw;     /* its "function" keyword */
	const char *params; /* "(a, b)", parentheses included */
	size_t params_len;
	const char *body, *body_end; /* inside the braces; body_end is past '}' */
	size_t order;
	enum {
		JS_MEMO_NONE,
		JS_MEMO_BUSY,
		JS_MEMO_DONE
	} memo;
	struct js_fn_result *result; /* once JS_MEMO_DONE */
};

/* The index of `name` among f's parameters, or -1 (f may be NULL). */
int js_fn_param(const struct js_fn *f, const struct js_tok *name);

/* The function a call of `name` runs (the last declared, as in
 * JavaScript), or NULL; page may be NULL. */
struct js_fn *js_page_find_name(struct js_page *page, const struct js_tok *name);
/* The function whose "function" keyword is at kw, or NULL. */
struct js_fn *js_page_find_kw(struct js_page *page, const char *kw);

#endif
