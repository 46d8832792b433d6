/* Finding a régie's name above its table and the buttons below it. */
#include "config.h"

#include "portal/regie_heading.h"

#include <stdlib.h>
#include <string.h>

#include "util/fold.h"
#include "util/xalloc.h"

/* Text that is page chrome, not a régie: the breadcrumb and the title. */
static bool is_chrome(const char *text)
{
	static const char *const chrome[] = { "vous etes ici", "detail financier", "mon compte",
		                              "payer mes factures", NULL };
	for (const char *const *c = chrome; *c; c++)
		if (fold_contains(text, *c))
			return true;
	return false;
}

/* A title row above the header row: one non-empty cell. */
static char *title_row(const struct table *table, size_t header_row)
{
	for (size_t i = header_row; i-- > 0;) {
		const struct table_row *row = &table->rows[i];
		const char *text = NULL;
		size_t filled = 0;
		for (size_t c = 0; c < row->ncells; c++)
			if (row->cells[c].text[0]) {
				text = row->cells[c].text;
				filled++;
			}
		if (filled == 1 && !is_chrome(text))
			return xstrdup(text);
		if (filled > 1)
			return NULL;
	}
	return NULL;
}

static bool is_block(const struct html_node *n)
{
	static const char *const blocks[] = { "td",    "th",       "div",    "p",    "h1",
		                              "h2",    "h3",       "h4",     "h5",   "h6",
		                              "li",    "caption",  "center", "body", "form",
		                              "table", "fieldset", "legend", "span", NULL };
	for (const char *const *b = blocks; *b; b++)
		if (html_is(n, *b))
			return true;
	return false;
}

/* Text inside these is never a heading (scripts, the previous régie's
 * buttons and links). */
static bool in_ignored(const struct html_node *n)
{
	static const char *const ignored[] = { "script", "style",    "button",   "select", "option",
		                               "a",      "noscript", "textarea", "title",  NULL };
	for (const struct html_node *p = n->parent; p; p = p->parent)
		for (const char *const *t = ignored; *t; t++)
			if (html_is(p, *t))
				return true;
	return false;
}

/* The nearest visible text before the table, as its whole block. */
static char *text_before(const struct html_node *table, const struct html_node *prev_table)
{
	for (const struct html_node *n = html_prev(table); n; n = html_prev(n)) {
		if (prev_table && (n == prev_table || html_is_ancestor(prev_table, n)))
			return NULL;
		if (n->type != HTML_TEXT || html_text_empty(n) || in_ignored(n) ||
		    html_is_ancestor(n, table))
			continue;
		const struct html_node *block = n->parent;
		while (block && !is_block(block))
			block = block->parent;
		/* When the block also holds the table (or the previous one), only
		 * the text node itself is the heading. */
		bool shared = !block || html_is_ancestor(block, table) ||
		              (prev_table && html_is_ancestor(block, prev_table));
		char *text = html_text(shared ? n : block);
		if (!is_chrome(text))
			return text;
		free(text);
		return NULL;
	}
	return NULL;
}

char *regie_heading_find(const struct html_doc *doc, const struct table *table, size_t header_row,
                         const struct html_node *prev_table)
{
	char *name = title_row(table, header_row);
	if (!name && table->caption && table->caption[0] && !is_chrome(table->caption))
		name = xstrdup(table->caption);
	if (!name)
		name = text_before(table->node, prev_table);
	return name ? name : xstrdup("");
}

static bool label_is(const char *label, const char *const *names)
{
	char *folded = fold_label(label);
	bool match = false;
	for (const char *const *n = names; *n && !match; n++)
		match = strcmp(folded, *n) == 0;
	free(folded);
	return match;
}

static const char *const pay_names[] = { "reglement",
	                                 "regler",
	                                 "payer",
	                                 "paiement",
	                                 "valider le reglement",
	                                 "proceder au reglement",
	                                 "regler la selection",
	                                 "payer la selection",
	                                 "payer en ligne",
	                                 NULL };
static const char *const back_names[] = { "retour", "annuler", "revenir", NULL };

static void set_button(struct form_button *b, const struct form *form, const struct form_control *c)
{
	b->present = true;
	b->control = c - form->controls;
	b->label = xstrdup(c->label);
	b->name = c->name[0] ? xstrdup(c->name) : NULL;
	b->value = xstrdup(c->value);
	b->onclick = c->onclick ? xstrdup(c->onclick) : NULL;
	b->is_submit = form_control_is_submit(c);
}

static bool is_button(const struct form_control *c)
{
	return c->kind == FC_SUBMIT || c->kind == FC_IMAGE || c->kind == FC_BUTTON;
}

static bool has_pay_button(const struct form *form)
{
	for (size_t i = 0; i < form->ncontrols; i++)
		if (is_button(&form->controls[i]) && label_is(form->controls[i].label, pay_names))
			return true;
	return false;
}

static bool fill_buttons(const struct form *form, struct regie *regie)
{
	for (size_t i = 0; i < form->ncontrols; i++) {
		const struct form_control *c = &form->controls[i];
		bool button = c->kind == FC_SUBMIT || c->kind == FC_IMAGE || c->kind == FC_BUTTON;
		if (button && !regie->pay.present && label_is(c->label, pay_names))
			set_button(&regie->pay, form, c);
		else if (button && !regie->back.present && label_is(c->label, back_names))
			set_button(&regie->back, form, c);
	}
	return regie->pay.present;
}

void regie_buttons_find(const struct html_doc *doc, const struct form_list *forms,
                        const struct html_node *table, struct regie *regie)
{
	if (regie->form_index < 0) {
		const struct html_node *enclosing = html_ancestor(table, "form");
		for (size_t i = 0; enclosing && i < forms->count; i++)
			if (forms->forms[i].node == enclosing)
				regie->form_index = (long)i;
	}
	if (regie->form_index >= 0) {
		fill_buttons(&forms->forms[regie->form_index], regie);
		return;
	}
	/* No checkbox and no enclosing form: the first form after the table
	 * with a Règlement button. Only that form's buttons are taken: a
	 * "Retour" met in an earlier form would be an index into the wrong
	 * form's controls. */
	for (size_t i = 0; i < forms->count; i++) {
		if (forms->forms[i].node->order < table->order || !has_pay_button(&forms->forms[i]))
			continue;
		fill_buttons(&forms->forms[i], regie);
		regie->form_index = (long)i;
		return;
	}
	(void)doc;
}
