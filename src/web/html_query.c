/* Queries over our HTML tree: attributes, classes, document order. */
#include "config.h"

#include "web/html.h"

#include <string.h>
#include <strings.h>

const char *html_attr(const struct html_node *node, const char *name)
{
	if (!node)
		return NULL;
	/* Our names are lowercase already: callers pass lowercase names. */
	for (unsigned i = 0; i < node->nattrs; i++)
		if (strcmp(node->attrs[i].name, name) == 0)
			return node->attrs[i].value;
	return NULL;
}

bool html_is(const struct html_node *node, const char *tag)
{
	return node && node->type == HTML_ELEMENT && strcmp(node->tag, tag) == 0;
}

bool html_has_class(const struct html_node *node, const char *name)
{
	const char *classes = html_attr(node, "class");
	size_t len = strlen(name);
	while (classes && *classes) {
		while (*classes == ' ' || *classes == '\t' || *classes == '\n')
			classes++;
		size_t word = strcspn(classes, " \t\n");
		if (word == len && strncasecmp(classes, name, len) == 0)
			return true;
		classes += word;
	}
	return false;
}

struct html_node *html_next_skip(const struct html_node *node, const struct html_node *scope)
{
	while (node && node != scope) {
		if (node->next)
			return node->next;
		node = node->parent;
	}
	return NULL;
}

struct html_node *html_next(const struct html_node *node, const struct html_node *scope)
{
	if (node->first_child)
		return node->first_child;
	return html_next_skip(node, scope);
}

struct html_node *html_prev(const struct html_node *node)
{
	if (!node->prev)
		return node->parent;
	struct html_node *n = node->prev;
	while (n->last_child)
		n = n->last_child;
	return n;
}

struct html_node *html_find_next(const struct html_node *after, const struct html_node *scope,
                                 const char *tag)
{
	for (struct html_node *n = html_next(after, scope); n; n = html_next(n, scope))
		if (html_is(n, tag))
			return n;
	return NULL;
}

struct html_node *html_find(const struct html_node *scope, const char *tag)
{
	return html_find_next(scope, scope, tag);
}

struct html_node *html_ancestor(const struct html_node *node, const char *tag)
{
	for (struct html_node *n = node ? node->parent : NULL; n; n = n->parent)
		if (html_is(n, tag))
			return n;
	return NULL;
}

bool html_is_ancestor(const struct html_node *ancestor, const struct html_node *node)
{
	for (const struct html_node *n = node ? node->parent : NULL; n; n = n->parent)
		if (n == ancestor)
			return true;
	return false;
}
