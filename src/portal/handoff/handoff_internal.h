/* What the hand-off levels share: the page being read, where a script
 * action comes from, and how a step is taken (a URL resolved, a form
 * encoded, a failure recorded). Private to portal/handoff*.c. */
#ifndef PF_PORTAL_HANDOFF_HANDOFF_INTERNAL_H
#define PF_PORTAL_HANDOFF_HANDOFF_INTERNAL_H

#include <stdbool.h>

#include "web/form.h"
#include "portal/handoff/handoff.h"
#include "portal/handoff/handoff_js.h"

/* The page being read and the step found so far. */
struct handoff_ctx {
	const struct html_doc *doc;
	const char *page_url;
	char *self_url; /* page_url normalised, to recognise a reload */
	char *base;     /* <base href>, else the page URL */
	const char *charset;
	struct form_list *forms;
	struct js_page *js;
	struct handoff_step *step;
	char *error; /* the first step met that cannot be followed */
};

/* Where a script action comes from, which decides how it is taken. */
struct handoff_source {
	struct handoff_ctx *ctx;
	const struct html_node *element; /* the handler's element (this.form) */
	const char *via;                 /* the control's name for the step, or NULL */
	bool automatic;                  /* runs without a click */
	bool strict;                     /* a clicked control: failure is an error */
	bool go_only;                    /* the main pay button: no scripted submit */
};

/* Records why a step that exists cannot be followed (for a strict source
 * only, the first reason wins); returns whether the scan of the handler
 * should stop. detail is page text: it is sanitized. */
bool handoff_fail(struct handoff_source *src, const char *what, const char *detail);
/* Resolves url against the page and makes it the step, unless it is the
 * page itself. Returns whether the scan should stop. */
bool handoff_take_url(struct handoff_source *src, const char *url, const char *via,
                      const char *confirm);
/* Encodes the form as pressed by `submitter` (-1: form.submit()) and makes
 * it the step. confirm is the question met, or NULL to take it from
 * confirm_code (an onsubmit) once the submission is known to work. */
bool handoff_submit_form(struct handoff_source *src, const struct form *form, long submitter,
                         const char *via, const char *confirm, const char *confirm_code);
/* The js_scan callback: takes an action found in a script. */
bool handoff_take_action(const struct js_action *a, void *arg);
/* Scans an event handler's code with handoff_take_action. */
bool handoff_scan_handler(struct handoff_source *src, const char *code, const char *this_href,
                          char **confirm);
/* The confirm('...') text of a handler, or NULL. */
char *handoff_handler_confirm(struct handoff_ctx *ctx, const char *code);

/* The levels a person's click reaches, in priority order (handoff_click.c). */
void handoff_find_pay_card(struct handoff_ctx *ctx);
void handoff_find_pay_button(struct handoff_ctx *ctx);
void handoff_find_target_form(struct handoff_ctx *ctx);

#endif
