/* HTML forms as a browser sees them: every control with its name, value and
 * state, owned by its form.
 *
 * 2015-era pages often open a <form> between <table> and <tr>; tidy then
 * moves the form element and its controls end up outside it. Like a
 * browser's "form element pointer", a control with no <form> ancestor
 * belongs to the last form opened before it in document order (or to the
 * form named by its form="id" attribute). */
#ifndef PF_WEB_FORM_H
#define PF_WEB_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "web/html.h"

enum form_control_kind {
	FC_TEXT, /* text, email, tel, number, search, url, date... */
	FC_PASSWORD,
	FC_HIDDEN,
	FC_CHECKBOX,
	FC_RADIO,
	FC_SUBMIT, /* input type=submit, button (type submit or none) */
	FC_IMAGE,  /* input type=image: a submit control */
	FC_BUTTON, /* input type=button, button type=button: script only */
	FC_RESET,
	FC_FILE,
	FC_SELECT,
	FC_TEXTAREA,
};

struct form_option {
	char *value; /* value attribute, or the option's text when absent */
	char *label; /* visible text */
	bool selected;
	bool disabled;
};

struct form_control {
	enum form_control_kind kind;
	char *name;    /* "" when absent: such a control is never submitted */
	char *value;   /* value attribute ("on" for a checkbox/radio without
	                   one), textarea text; selects use options */
	char *label;   /* what a person reads: a button's text or value, or
	                   the text of the <label> / table cell next to it */
	char *onclick; /* NULL when absent */
	bool checked;  /* checkbox / radio */
	bool disabled;
	bool multiple; /* select multiple */
	struct form_option *options;
	size_t noptions;
	const struct html_node *node;
};

struct form {
	char *action;                        /* as written, "" when absent (= the page URL) */
	char *method;                        /* "GET" or "POST" */
	char *enctype;                       /* "application/x-www-form-urlencoded" by default */
	char *accept_charset;                /* NULL when absent (= the page's charset) */
	char *name, *id, *target, *onsubmit; /* NULL when absent */
	struct form_control *controls;
	size_t ncontrols;
	const struct html_node *node;
};

struct form_control_ref {
	unsigned order;       /* the control node's document order */
	size_t form, control; /* indexes into forms[] and its controls[] */
};

struct form_list {
	struct form *forms;
	size_t count;
	struct form_control_ref *by_order; /* every control, in document order */
	size_t ncontrols;
};

/* Every form of the document in document order. Never NULL. */
struct form_list *form_list_from_doc(const struct html_doc *doc);
void form_list_free(struct form_list **list);

/* The form owning the control built from node, and its index in *index;
 * NULL when node is not a control of any form. */
const struct form_control *form_list_control_for_node(const struct form_list *list,
                                                      const struct html_node *node,
                                                      size_t *form_index);
/* True for controls that submit the form when activated (submit, image). */
bool form_control_is_submit(const struct form_control *control);

#endif
