/* Just enough JavaScript for the payment hand-off: a tokenizer that knows
 * string literals and comments, and a scanner that finds, in document
 * order, the few statements portals use to leave a page:
 *   location[.href] = '...', location.replace/assign('...'),
 *   window.open('...'), FORM.submit() (document.forms[0], document.NAME,
 *   document.forms['NAME'], document.getElementById('ID'), $('#ID'),
 *   this.form), FORM.action = '...', confirm('...'),
 * through calls to the page's own functions (with literal arguments),
 * setTimeout('code' | function), window.onload and anonymous callbacks.
 * Nothing is evaluated: a URL must be built from string literals (and
 * `this.href` in an event handler), or the statement is "unreadable".
 *
 * Work is linear in the size of the code: each named function is analysed
 * once (memoised), nested calls stop at a small depth, and malformed code
 * (unterminated strings or comments, unbalanced braces) only ends a
 * statement early. Private to portal/handoff*.c. */
#ifndef PF_PORTAL_HANDOFF_HANDOFF_JS_H
#define PF_PORTAL_HANDOFF_HANDOFF_JS_H

#include <stdbool.h>
#include <stddef.h>

/* The page's scripts: their named functions, for handlers that call them. */
struct js_page;
struct js_page *js_page_new(void);
/* Registers a script's functions; text must outlive the js_page. */
void js_page_add_script(struct js_page *page, const char *text, size_t len);
void js_page_free(struct js_page **page);

enum js_action_kind {
	JS_ACTION_GO,         /* navigate to url (location, window.open) */
	JS_ACTION_SUBMIT,     /* submit a form */
	JS_ACTION_UNREADABLE, /* one of those, with a computed URL or an unknown form */
};

enum js_form_how {
	JS_FORM_INDEX, /* document.forms[form_index] */
	JS_FORM_NAME,  /* by name (or id: document.forms['x'] accepts both) */
	JS_FORM_ID,    /* document.getElementById / $('#id') */
	JS_FORM_THIS,  /* this.form: the form of the element the handler is on */
};

/* Everything is borrowed for the duration of the accept callback. */
struct js_action {
	enum js_action_kind kind;
	const char *via;           /* what was met: "location.href", "window.open",
	                             "submit()"... (static) */
	const char *url;           /* GO: the URL as written (maybe relative) */
	enum js_form_how form_how; /* SUBMIT */
	long form_index;
	const char *form_key;    /* SUBMIT by name/id */
	const char *form_action; /* SUBMIT: action set by the script first, or NULL */
	const char *confirm;     /* confirm('...') text met before, or NULL */
};

/* Returns true to take the action and stop, false to keep scanning. */
typedef bool (*js_accept_fn)(const struct js_action *action, void *arg);

/* Scans code (a whole script, an event handler or a javascript: URL body)
 * and offers each action to accept in order. this_href is the href of the
 * element a handler is on (NULL elsewhere). Returns true when an action was
 * taken. When confirm is not NULL it receives the first confirm('...') text
 * met (newly allocated) or NULL — useful for onclick="return confirm(...)". */
bool js_scan(struct js_page *page, const char *code, size_t len, const char *this_href,
             js_accept_fn accept, void *arg, char **confirm);

#endif
