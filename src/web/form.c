/* Forms and their controls, collected the way a browser associates them. */
#include "config.h"

#include "web/form.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static char *upper_method(const char *method)
{
	return xstrdup(method && strcasecmp(method, "post") == 0 ? "POST" : "GET");
}

static void add_form(struct form_list *list, const struct html_node *node)
{
	list->forms = xappend_room(list->forms, list->count, sizeof(*list->forms));
	struct form *form = &list->forms[list->count++];
	memset(form, 0, sizeof(*form));
	form->node = node;
	form->action = xstrdup(html_attr(node, "action") ? html_attr(node, "action") : "");
	form->method = upper_method(html_attr(node, "method"));
	const char *enctype = html_attr(node, "enctype");
	form->enctype = xstrdup(enctype && *enctype ? enctype
	                                            : "application/x-www-form-urlencoded");
	form->accept_charset = dup_or_null(html_attr(node, "accept-charset"));
	form->name = dup_or_null(html_attr(node, "name"));
	form->id = dup_or_null(html_attr(node, "id"));
	form->target = dup_or_null(html_attr(node, "target"));
	form->onsubmit = dup_or_null(html_attr(node, "onsubmit"));
}

static enum form_control_kind input_kind(const char *type)
{
	static const struct {
		const char *type;
		enum form_control_kind kind;
	} kinds[] = {
		{ "password", FC_PASSWORD }, { "hidden", FC_HIDDEN }, { "checkbox", FC_CHECKBOX },
		{ "radio", FC_RADIO },       { "submit", FC_SUBMIT }, { "image", FC_IMAGE },
		{ "button", FC_BUTTON },     { "reset", FC_RESET },   { "file", FC_FILE },
	};
	for (size_t i = 0; type && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcasecmp(type, kinds[i].type) == 0)
			return kinds[i].kind;
	return FC_TEXT;
}

/* Raw text content (textarea, option): entities decoded, spacing kept. */
static char *raw_text(const struct html_node *node)
{
	struct strbuf sb = STRBUF_INIT;
	for (const struct html_node *n = html_next(node, node); n; n = html_next(n, node))
		if (n->type == HTML_TEXT)
			strbuf_puts(&sb, n->text);
	return strbuf_detach(&sb);
}

static void add_options(struct form_control *control, const struct html_node *select)
{
	for (const struct html_node *n = html_next(select, select); n; n = html_next(n, select)) {
		if (!html_is(n, "option"))
			continue;
		control->options = xappend_room(control->options, control->noptions,
		                                sizeof(*control->options));
		struct form_option *opt = &control->options[control->noptions++];
		opt->label = html_text(n);
		const char *value = html_attr(n, "value");
		opt->value = value ? xstrdup(value) : xstrdup(opt->label);
		opt->selected = html_attr(n, "selected") != NULL;
		opt->disabled = html_attr(n, "disabled") != NULL ||
		                (html_ancestor(n, "optgroup") &&
		                 html_attr(html_ancestor(n, "optgroup"), "disabled"));
	}
}

/* Items found by the value of one of their attributes (label by "for",
 * form by "id"), sorted by (value, document order) so that each lookup is
 * a binary search: a page of 100,000 forms and as many controls would
 * otherwise cost minutes of string comparisons. */
struct keyed {
	const char *key;
	size_t seq; /* document order */
	const void *item;
};

struct key_index {
	struct keyed *entries;
	size_t count;
};

static void key_index_add(struct key_index *ix, const char *key, const void *item)
{
	ix->entries = xappend_room(ix->entries, ix->count, sizeof(*ix->entries));
	ix->entries[ix->count] = (struct keyed){ key, ix->count, item };
	ix->count++;
}

static int keyed_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static void key_index_sort(struct key_index *ix)
{
	if (ix->count)
		qsort(ix->entries, ix->count, sizeof(*ix->entries), keyed_cmp);
}

/* The first item in document order with this key, or NULL. */
static const void *key_index_find(const struct key_index *ix, const char *key)
{
	size_t lo = 0, hi = ix->count;
	if (!key)
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(ix->entries[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ix->count && strcmp(ix->entries[lo].key, key) == 0 ? ix->entries[lo].item
	                                                               : NULL;
}

/* The <label for=...> elements of the page, gathered once. */
static void collect_labels(const struct html_doc *doc, struct key_index *labels)
{
	for (const struct html_node *n = doc->root; n; n = html_next(n, doc->root))
		if (html_is(n, "label") && html_attr(n, "for"))
			key_index_add(labels, html_attr(n, "for"), n);
	key_index_sort(labels);
}

/* The text a person associates with a control: <label for=id>, an
 * enclosing <label>, or nothing. */
static char *label_for(const struct key_index *labels, const struct html_node *node)
{
	const struct html_node *label = html_ancestor(node, "label");
	if (!label)
		label = key_index_find(labels, html_attr(node, "id"));
	return label ? html_text(label) : xstrdup("");
}

static void fill_control(const struct key_index *labels, struct form_control *c,
                         const struct html_node *node)
{
	c->node = node;
	c->name = xstrdup(html_attr(node, "name") ? html_attr(node, "name") : "");
	c->onclick = dup_or_null(html_attr(node, "onclick"));
	c->disabled = html_attr(node, "disabled") != NULL;
	const char *value = html_attr(node, "value");
	if (html_is(node, "input")) {
		c->kind = input_kind(html_attr(node, "type"));
		c->checked = html_attr(node, "checked") != NULL;
		if (c->kind == FC_CHECKBOX || c->kind == FC_RADIO)
			c->value = xstrdup(value ? value : "on");
		else
			c->value = xstrdup(value ? value : "");
		if (c->kind == FC_SUBMIT || c->kind == FC_BUTTON || c->kind == FC_RESET)
			c->label = xstrdup(c->value);
		else if (c->kind == FC_IMAGE)
			c->label = xstrdup(html_attr(node, "alt") ? html_attr(node, "alt")
			                                          : c->value);
		else
			c->label = label_for(labels, node);
	} else if (html_is(node, "button")) {
		const char *type = html_attr(node, "type");
		c->kind = !type || strcasecmp(type, "submit") == 0 ? FC_SUBMIT
		          : strcasecmp(type, "reset") == 0         ? FC_RESET
		                                                   : FC_BUTTON;
		c->value = xstrdup(value ? value : "");
		c->label = html_text(node);
	} else if (html_is(node, "select")) {
		c->kind = FC_SELECT;
		c->multiple = html_attr(node, "multiple") != NULL;
		c->value = xstrdup("");
		c->label = label_for(labels, node);
		add_options(c, node);
	} else {
		c->kind = FC_TEXTAREA;
		c->value = raw_text(node);
		c->label = label_for(labels, node);
	}
}

static bool is_control(const struct html_node *n)
{
	return html_is(n, "input") || html_is(n, "button") || html_is(n, "select") ||
	       html_is(n, "textarea");
}

static long form_by_id(const struct form_list *list, const struct key_index *ids, const char *id)
{
	const struct form *form = key_index_find(ids, id);
	return form ? (long)(form - list->forms) : -1;
}

/* Forms are listed in document order: a binary search on it. */
static long form_by_node(const struct form_list *list, const struct html_node *node)
{
	size_t lo = 0, hi = list->count;
	if (!node)
		return -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (list->forms[mid].node->order < node->order)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < list->count && list->forms[lo].node == node ? (long)lo : -1;
}

/* A form tidy moved out of a table keeps only what stood between <form>
 * and the first <tr>: nothing, or hidden inputs ("<table><form><input
 * type=hidden name=regie><tr>..."). A form a person sees has more. */
static bool looks_moved(const struct html_node *form)
{
	for (const struct html_node *n = form->first_child; n; n = n->next) {
		const char *type = html_attr(n, "type");
		if (n->type == HTML_TEXT
		            ? !html_text_empty(n)
		            : !html_is(n, "input") || !type || strcasecmp(type, "hidden"))
			return false;
	}
	return true;
}

/* Which form a control belongs to (see form.h on tidy moving forms). */
static long owner_of(const struct form_list *list, const struct key_index *ids,
                     const struct html_node *control, long last_form_seen)
{
	long owner = form_by_id(list, ids, html_attr(control, "form"));
	if (owner >= 0)
		return owner;
	owner = form_by_node(list, html_ancestor(control, "form"));
	if (owner >= 0)
		return owner;
	if (last_form_seen >= 0 && looks_moved(list->forms[last_form_seen].node))
		return last_form_seen;
	return -1;
}

struct form_list *form_list_from_doc(const struct html_doc *doc)
{
	struct form_list *list = xcalloc(1, sizeof(*list));
	for (const struct html_node *n = doc->root; n; n = html_next(n, doc->root))
		if (html_is(n, "form"))
			add_form(list, n);
	struct key_index labels = { NULL, 0 }, ids = { NULL, 0 };
	collect_labels(doc, &labels);
	for (size_t i = 0; i < list->count; i++)
		if (list->forms[i].id)
			key_index_add(&ids, list->forms[i].id, &list->forms[i]);
	key_index_sort(&ids);
	long last_form_seen = -1;
	for (const struct html_node *n = doc->root; n; n = html_next(n, doc->root)) {
		if (html_is(n, "form")) {
			last_form_seen = form_by_node(list, n);
			continue;
		}
		if (!is_control(n))
			continue;
		long owner = owner_of(list, &ids, n, last_form_seen);
		if (owner < 0)
			continue;
		struct form *form = &list->forms[owner];
		form->controls = xappend_room(form->controls, form->ncontrols,
		                              sizeof(*form->controls));
		struct form_control *c = &form->controls[form->ncontrols++];
		memset(c, 0, sizeof(*c));
		fill_control(&labels, c, n);
		list->by_order = xappend_room(list->by_order, list->ncontrols,
		                              sizeof(*list->by_order));
		list->by_order[list->ncontrols++] =
		        (struct form_control_ref){ n->order, (size_t)owner, form->ncontrols - 1 };
	}
	free(labels.entries);
	free(ids.entries);
	return list;
}

static void free_control(struct form_control *c)
{
	free(c->name);
	free(c->value);
	free(c->label);
	free(c->onclick);
	for (size_t i = 0; i < c->noptions; i++) {
		free(c->options[i].value);
		free(c->options[i].label);
	}
	free(c->options);
}

void form_list_free(struct form_list **list)
{
	if (!list || !*list)
		return;
	for (size_t i = 0; i < (*list)->count; i++) {
		struct form *f = &(*list)->forms[i];
		for (size_t j = 0; j < f->ncontrols; j++)
			free_control(&f->controls[j]);
		free(f->controls);
		free(f->action);
		free(f->method);
		free(f->enctype);
		free(f->accept_charset);
		free(f->name);
		free(f->id);
		free(f->target);
		free(f->onsubmit);
	}
	free((*list)->forms);
	free((*list)->by_order);
	free(*list);
	*list = NULL;
}

const struct form_control *form_list_control_for_node(const struct form_list *list,
                                                      const struct html_node *node,
                                                      size_t *form_index)
{
	size_t lo = 0, hi = list->ncontrols;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (list->by_order[mid].order < node->order)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == list->ncontrols || list->by_order[lo].order != node->order)
		return NULL;
	const struct form_control_ref *ref = &list->by_order[lo];
	if (form_index)
		*form_index = ref->form;
	return &list->forms[ref->form].controls[ref->control];
}

bool form_control_is_submit(const struct form_control *control)
{
	return control->kind == FC_SUBMIT || control->kind == FC_IMAGE;
}
