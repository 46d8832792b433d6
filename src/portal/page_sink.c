/* One line of page text as a person reads it: words, links, controls. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/xalloc.h"
#include "portal/navigation.h"
#include "portal/page_internal.h"

static bool tag_in(const struct html_node *n, const char *const *tags)
{
	if (!n || n->type != HTML_ELEMENT)
		return false;
	for (; *tags; tags++)
		if (strcmp(n->tag, *tags) == 0)
			return true;
	return false;
}

/* What a reader never sees: non-content elements, and elements the page
 * hides (pop-up layers and messages its scripts show later). */
bool page_is_invisible(const struct html_node *n)
{
	static const char *const tags[] = { "script", "style",  "head",   "noscript", "template",
		                            "title",  "iframe", "object", "map",      NULL };
	if (tag_in(n, tags) || (n->type == HTML_ELEMENT && html_attr(n, "hidden")))
		return true;
	const char *style = html_attr(n, "style");
	if (!style || !strcasestr(style, "none"))
		return false;
	/* "display : none" with any spacing or case */
	char *squeezed = xstrdup(style);
	size_t k = 0;
	for (size_t i = 0; squeezed[i]; i++)
		if (squeezed[i] != ' ' && squeezed[i] != '\t')
			squeezed[k++] = squeezed[i];
	squeezed[k] = '\0';
	bool hidden = strcasestr(squeezed, "display:none") != NULL;
	free(squeezed);
	return hidden;
}

/* Elements that start a new line of text. */
bool page_is_block(const struct html_node *n)
{
	static const char *const tags[] = {
		"p",     "div",      "td",     "th",      "tr",         "li",      "ul",
		"ol",    "dl",       "dt",     "dd",      "h1",         "h2",      "h3",
		"h4",    "h5",       "h6",     "center",  "blockquote", "address", "pre",
		"form",  "fieldset", "legend", "caption", "table",      "tbody",   "thead",
		"tfoot", "body",     "html",   "section", "article",    "header",  "footer",
		"nav",   "aside",    "main",   "figure",  "figcaption", "hr",      NULL
	};
	return n->type == HTML_ROOT || tag_in(n, tags);
}

bool page_is_bold(const struct html_node *text, const struct html_node *stop)
{
	static const char *const tags[] = { "b", "strong", NULL };
	for (const struct html_node *n = text->parent; n && n != stop; n = n->parent)
		if (tag_in(n, tags))
			return true;
	return false;
}

void page_sink_init(struct page_sink *s, struct page_builder *b, size_t cell)
{
	memset(s, 0, sizeof(*s));
	s->b = b;
	s->cell = cell;
}

static void put_word(struct page_sink *s, const char *word, size_t len)
{
	if (s->pending_space && s->text.len > 0)
		strbuf_putc(&s->text, ' ');
	s->pending_space = false;
	strbuf_append(&s->text, word, len);
}

/* Appends words; returns true when there was at least one. */
static bool put_words(struct page_sink *s, const char *raw)
{
	const unsigned char *p = (const unsigned char *)raw;
	bool any = false;
	while (*p) {
		size_t space = html_space_length(p);
		if (space) {
			s->pending_space = true;
			p += space;
			continue;
		}
		const unsigned char *word = p;
		while (*p && !html_space_length(p))
			p++;
		put_word(s, (const char *)word, (size_t)(p - word));
		any = true;
	}
	return any;
}

void page_sink_text(struct page_sink *s, const char *raw, bool bold)
{
	if (!put_words(s, raw))
		return;
	if (bold)
		s->has_bold = true;
	else
		s->has_plain = true;
}

static void record_link(struct page_sink *s, const struct html_node *a, size_t offset)
{
	struct page_builder *b = s->b;
	struct page_content *pc = b->pc;
	if (pc->nlinks == b->links_cap) {
		b->links_cap = b->links_cap ? b->links_cap * 2 : 16;
		pc->links = xreallocarray(pc->links, b->links_cap, sizeof(*pc->links));
	}
	struct page_link *link = &pc->links[pc->nlinks++];
	link->text = xstrndup(s->text.data + offset, s->text.len - offset);
	link->url = portal_link_url(a, b->page_url);
	link->block = pc->nblocks;
	link->cell = s->cell;
	link->offset = offset;
}

static void sink_link(struct page_sink *s, const struct html_node *a)
{
	char *text = portal_link_text(a);
	size_t before = s->text.len;
	bool pending = s->pending_space;
	if (put_words(s, text)) {
		/* the offset of the first word: after the space put_word added */
		size_t offset = before + (pending && before > 0 ? 1 : 0);
		s->has_link = true;
		if (s->b)
			record_link(s, a, offset);
	}
	free(text);
}

static char *selected_option(const struct html_node *select)
{
	const struct html_node *first = NULL;
	for (const struct html_node *n = html_find(select, "option"); n;
	     n = html_find_next(n, select, "option")) {
		if (html_attr(n, "selected"))
			return html_text(n);
		if (!first)
			first = n;
	}
	return first ? html_text(first) : xstrdup("");
}

/* How a form control reads on a text page: buttons as "[Règlement]",
 * checkboxes "[x]"/"[ ]", radios "(*)"/"( )", a list as its choice. Text
 * fields show nothing: their label says what they are. */
static char *control_text(const struct html_node *n, bool *marker)
{
	const char *type = html_attr(n, "type");
	*marker = false;
	if (html_is(n, "button"))
		return html_text(n);
	if (html_is(n, "select"))
		return selected_option(n);
	if (!html_is(n, "input") || !type)
		return NULL;
	bool checked = html_attr(n, "checked") != NULL;
	*marker = strcasecmp(type, "checkbox") == 0 || strcasecmp(type, "radio") == 0;
	if (strcasecmp(type, "checkbox") == 0)
		return xstrdup(checked ? "[x]" : "[ ]");
	if (strcasecmp(type, "radio") == 0)
		return xstrdup(checked ? "(*)" : "( )");
	if (strcasecmp(type, "submit") == 0 || strcasecmp(type, "button") == 0 ||
	    strcasecmp(type, "reset") == 0)
		return xstrdup(html_attr(n, "value") ? html_attr(n, "value") : "");
	if (strcasecmp(type, "image") == 0)
		return xstrdup(html_attr(n, "alt") ? html_attr(n, "alt") : "");
	return NULL;
}

static void sink_control(struct page_sink *s, const struct html_node *n)
{
	bool marker;
	char *text = control_text(n, &marker);
	if (!text)
		return;
	struct page_sink inner;
	page_sink_init(&inner, NULL, 0);
	if (put_words(&inner, text)) {
		char *words = strbuf_detach(&inner.text);
		char *shown = marker ? xstrdup(words) : xasprintf("[%s]", words);
		put_words(s, shown);
		s->has_control = true;
		free(shown);
		free(words);
	}
	strbuf_release(&inner.text);
	free(text);
}

bool page_is_unit(const struct html_node *n)
{
	if (html_is(n, "a") || html_is(n, "area"))
		return html_attr(n, "href") || html_attr(n, "onclick");
	return html_is(n, "input") || html_is(n, "button") || html_is(n, "select") ||
	       html_is(n, "img") || html_is(n, "textarea");
}

void page_sink_unit(struct page_sink *s, const struct html_node *n)
{
	if (html_is(n, "a") || html_is(n, "area"))
		sink_link(s, n);
	else if (html_is(n, "input") || html_is(n, "button") || html_is(n, "select"))
		sink_control(s, n);
	/* pictures outside links are decoration; text fields show nothing */
}

void page_sink_subtree(struct page_sink *s, const struct html_node *scope)
{
	for (const struct html_node *n = html_next(scope, scope); n;) {
		if (n->type == HTML_ELEMENT && (page_is_invisible(n) || page_is_unit(n))) {
			if (!page_is_invisible(n))
				page_sink_unit(s, n);
			n = html_next_skip(n, scope);
			continue;
		}
		if (n->type == HTML_TEXT)
			page_sink_text(s, n->text, page_is_bold(n, scope));
		else if (page_is_block(n) || html_is(n, "br"))
			s->pending_space = true;
		n = html_next(n, scope);
	}
}
