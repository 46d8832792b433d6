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
	list->forms = xreallocarray(list->forms, list->count + 1, sizeof(*list->forms));
	struct form *form = &list->forms[list->count++];
	memset(form, 0, sizeof(*form));
	form->node = node;
	form->action = xstrdup(html_attr(node, "action") ? html_attr(node, "action") : "");
	form->method = upper_method(html_attr(node, "method"));
	const char *enctype = html_attr(node, "enctype");
	form->enctype = xstrdup(enctype && *enctype ? enctype : "application/x-www-form-urlencoded");
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
		{ "radio", FC_RADIO }, { "submit", FC_SUBMIT }, { "image", FC_IMAGE },
		{ "button", FC_BUTTON }, { "reset", FC_RESET }, { "file", FC_FILE },
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
		control->options = xreallocarray(control->options, control->noptions + 1,
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

/* The <label for=...> elements of the page, gathered once: pages with
 * thousands of controls have a handful of labels. */
struct labels {
	const struct html_node **nodes;
	size_t count;
};

static void collect_labels(const struct html_doc *doc, struct labels *labels)
{
	for (const struct html_node *n = doc->root; n; n = html_next(n, doc->root))
		if (html_is(n, "label") && html_attr(n, "for")) {
			labels->nodes = xappend_room(labels->nodes, labels->count,
			                             sizeof(*labels->nodes));
			labels->nodes[labels->count++] = n;
		}
}

/* The text a person associates with a control: <label for=id>, an
 * enclosing <label>, or nothing. */
static char *label_for(const struct labels *labels, const struct html_node *node)
{
	const struct html_node *label = html_ancestor(node, "label");
	const char *id = html_attr(node, "id");
	for (size_t i = 0; !label && id && i < labels->count; i++)
		if (strcmp(html_attr(labels->nodes[i], "for"), id) == 0)
			label = labels->nodes[i];
	return label ? html_text(label) : xstrdup("");
}

static void fill_control(const struct labels *labels, struct form_control *c,
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
			c->label = xstrdup(html_attr(node, "alt") ? html_attr(node, "alt") : c->value);
		else
			c->label = label_for(labels, node);
	} else if (html_is(node, "button")) {
		const char *type = html_attr(node, "type");
		c->kind = !type || strcasecmp(type, "submit") == 0 ? FC_SUBMIT
		          : strcasecmp(type, "reset") == 0        ? FC_RESET
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

static long form_by_id(const struct form_list *list, const char *id)
{
	for (size_t i = 0; id && i < list->count; i++)
		if (list->forms[i].id && strcmp(list->forms[i].id, id) == 0)
			return (long)i;
	return -1;
}

static long form_by_node(const struct form_list *list, const struct html_node *node)
{
	for (size_t i = 0; node && i < list->count; i++)
		if (list->forms[i].node == node)
			return (long)i;
	return -1;
}

/* A form tidy moved out of a table keeps only what stood between <form>
 * and the first <tr>: nothing, or hidden inputs ("<table><form><input
 * type=hidden name=regie><tr>..."). A form a person sees has more. */
static bool looks_moved(const struct html_node *form)
{
	for (const struct html_node *n = form->first_child; n; n = n->next) {
		const char *type = html_attr(n, "type");
		if (n->type == HTML_TEXT ? !html_text_empty(n)
		                         : !html_is(n, "input") || !type || strcasecmp(type, "hidden"))
			return false;
	}
	return true;
}

/* Which form a control belongs to (see form.h on tidy moving forms). */
static long owner_of(const struct form_list *list, const struct html_node *control,
                     long last_form_seen)
{
	long owner = form_by_id(list, html_attr(control, "form"));
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
	struct labels labels = { NULL, 0 };
	collect_labels(doc, &labels);
	long last_form_seen = -1;
	for (const struct html_node *n = doc->root; n; n = html_next(n, doc->root)) {
		if (html_is(n, "form")) {
			last_form_seen = form_by_node(list, n);
			continue;
		}
		if (!is_control(n))
			continue;
		long owner = owner_of(list, n, last_form_seen);
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
		list->by_order[list->ncontrols++] = (struct form_control_ref){
			n->order, (size_t)owner, form->ncontrols - 1 };
	}
	free(labels.nodes);
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
