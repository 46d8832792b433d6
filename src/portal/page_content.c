/* Any portal page as blocks of content: where it starts and ends, its lines. */
#include "config.h"

#include "util/i18n.h"
#include "portal/page_content.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/fold.h"
#include "util/xalloc.h"
#include "portal/navigation.h"
#include "portal/page_internal.h"

/* A breadcrumb container longer than this holds more than the path: the
 * path is then only the run of inline nodes around "Vous êtes ici". */
#define BREADCRUMB_MAX_BYTES 300

/* ---- blocks and links ---- */

struct page_block *page_add_block(struct page_builder *b, enum page_block_kind kind)
{
	struct page_content *pc = b->pc;
	if (pc->nblocks == b->blocks_cap) {
		b->blocks_cap = b->blocks_cap ? b->blocks_cap * 2 : 16;
		pc->blocks = xreallocarray(pc->blocks, b->blocks_cap, sizeof(*pc->blocks));
	}
	struct page_block *block = &pc->blocks[pc->nblocks++];
	memset(block, 0, sizeof(*block));
	block->kind = kind;
	block->first_link = pc->nlinks;
	return block;
}

void page_drop_links(struct page_builder *b, size_t first)
{
	struct page_content *pc = b->pc;
	while (pc->nlinks > first) {
		pc->nlinks--;
		free(pc->links[pc->nlinks].text);
		free(pc->links[pc->nlinks].url);
	}
}

/* ---- one line of text becomes a block, or is dropped as chrome ---- */

static const struct html_node *container_of(const struct html_node *n)
{
	const struct html_node *c = n->parent;
	while (c && !page_is_block(c))
		c = c->parent;
	return c;
}

/* The main menu and its left-column copy ("+ Ma famille"): lines made of
 * nothing but menu links and separators. "Détail financier par facture"
 * is not in the set: on Mon compte it is the page's own content. */
static bool is_menu_line(const struct page_builder *b, const char *text)
{
	const struct page_content *pc = b->pc;
	if (pc->nlinks == b->line_first_link)
		return false;
	char *rest = xstrdup(text);
	for (size_t i = pc->nlinks; i-- > b->line_first_link;) {
		int link = portal_link_from_text(pc->links[i].text);
		bool menu = link >= 0 && link != LINK_FACTURES &&
		            (link != LINK_PAYER || b->fallback);
		if (!menu) {
			free(rest);
			return false;
		}
		memset(rest + pc->links[i].offset, ' ', strlen(pc->links[i].text));
	}
	char *folded = fold_label(rest);
	bool only_separators = *folded == '\0';
	free(folded);
	free(rest);
	return only_separators;
}

/* Without a breadcrumb the banner is in the walk: the town and portal
 * titles and the balance line are recognised by their words. */
static bool is_banner_line(const char *text)
{
	static const char *const starts[] = { "ville de ", "commune de ", "solde des factures",
		                              NULL };
	static const char *const whole[] = { "le portail familles", "portail familles",
		                             "le portail famille", "portail famille", NULL };
	char *folded = fold_label(text);
	bool banner = false;
	for (const char *const *s = starts; *s && !banner; s++)
		banner = strncmp(folded, *s, strlen(*s)) == 0;
	for (const char *const *w = whole; *w && !banner; w++)
		banner = strcmp(folded, *w) == 0;
	free(folded);
	return banner;
}

static int heading_level(const struct html_node *c)
{
	static const char *const tags[] = { "h1", "h2", "h3", "h4", "h5", "h6" };
	for (int i = 0; i < 6; i++)
		if (html_is(c, tags[i]))
			return i + 1;
	return 0;
}

static bool has_title_class(const struct html_node *c)
{
	const char *cls = html_attr(c, "class");
	return cls && (strcasestr(cls, "titre") || strcasestr(cls, "title"));
}

static int list_depth(const struct html_node *c)
{
	if (!html_is(c, "li") && !html_ancestor(c, "li"))
		return 0;
	int depth = 0;
	for (const struct html_node *n = c; n; n = n->parent)
		if (html_is(n, "ul") || html_is(n, "ol"))
			depth++;
	return depth ? depth : 1;
}

/* "+ Voir", "- Voir", "• Voir": a list item written as text. Returns the
 * bullet's length with its space, or 0. */
static size_t text_bullet(const char *text)
{
	static const char *const bullets[] = { "+ ", "- ", "* ", "\xe2\x80\xa2 ", "\xe2\x80\x93 ",
		                               NULL };
	for (const char *const *bl = bullets; *bl; bl++)
		if (strncmp(text, *bl, strlen(*bl)) == 0 && text[strlen(*bl)])
			return strlen(*bl);
	return 0;
}

static void strip_bullet(struct page_builder *b, struct page_block *block, size_t len)
{
	memmove(block->text, block->text + len, strlen(block->text + len) + 1);
	for (size_t i = block->first_link; i < b->pc->nlinks; i++) {
		struct page_link *link = &b->pc->links[i];
		if (link->offset >= len) {
			link->offset -= len;
		} else {
			/* the bullet is part of the link's own text */
			memmove(link->text, link->text + len, strlen(link->text + len) + 1);
			link->offset = 0;
		}
	}
}

static void classify(struct page_builder *b, struct page_block *block)
{
	const struct html_node *c = b->line_container;
	const struct page_sink *s = &b->line;
	int depth = list_depth(c);
	size_t len = strlen(block->text);
	block->kind = BLOCK_PARAGRAPH;
	if (heading_level(c)) {
		block->kind = BLOCK_HEADING;
		block->level = heading_level(c);
	} else if (depth) {
		block->kind = BLOCK_LIST_ITEM;
		block->level = depth;
	} else if (!s->has_link && !s->has_control && len <= 200 &&
	           (has_title_class(c) || (s->has_bold && !s->has_plain && len <= 120))) {
		block->kind = BLOCK_HEADING;
		block->level = has_title_class(c) ? 2 : 3;
	} else if (text_bullet(block->text)) {
		block->kind = BLOCK_LIST_ITEM;
		block->level = 1;
		strip_bullet(b, block, text_bullet(block->text));
	}
}

static void line_reset(struct page_builder *b)
{
	strbuf_release(&b->line.text);
	page_sink_init(&b->line, b, 0);
	b->line_container = NULL;
	b->line_continued = false;
}

static void line_flush(struct page_builder *b, bool by_br)
{
	if (b->line.text.len == 0) {
		/* a second <br> in a row ends the paragraph */
		if (by_br)
			b->after_br = NULL;
		return;
	}
	char *text = strbuf_detach(&b->line.text);
	if (is_menu_line(b, text) || (b->fallback && is_banner_line(text))) {
		page_drop_links(b, b->line_first_link);
		free(text);
	} else {
		struct page_block *block = page_add_block(b, BLOCK_PARAGRAPH);
		block->text = text;
		block->first_link = b->line_first_link;
		block->continued = b->line_continued;
		classify(b, block);
		block->nlinks = b->pc->nlinks - block->first_link;
	}
	b->after_br = by_br ? b->line_container : NULL;
	line_reset(b);
}

/* Text about to go in from container c: a new container starts a line. */
static void line_prepare(struct page_builder *b, const struct html_node *c)
{
	if (b->line.text.len > 0 && c != b->line_container)
		line_flush(b, false);
	if (b->line.text.len == 0) {
		b->line_container = c;
		b->line_first_link = b->pc->nlinks;
		b->line_continued = b->after_br == c;
	}
}

void page_walk(struct page_builder *b, const struct html_node *from, const struct html_node *scope,
               unsigned end_order)
{
	for (const struct html_node *n = from; n && (!end_order || n->order < end_order);) {
		if (n->type == HTML_TEXT && html_text_empty(n)) {
			/* "<b>Tout</b> <b>gras</b>": the space between still counts */
			b->line.pending_space = true;
		} else if (n->type == HTML_TEXT) {
			const struct html_node *c = container_of(n);
			line_prepare(b, c);
			page_sink_text(&b->line, n->text, page_is_bold(n, c));
		} else if (n->type == HTML_ELEMENT) {
			if (html_is(n, "table"))
				line_flush(b, false);
			if (page_is_invisible(n) ||
			    (html_is(n, "table") && page_table_emit(b, n))) {
				n = html_next_skip(n, scope);
				continue;
			}
			if (html_is(n, "br") || html_is(n, "hr")) {
				line_flush(b, html_is(n, "br"));
			} else if (page_is_unit(n)) {
				if (!html_is(n, "img") && !html_is(n, "textarea")) {
					line_prepare(b, container_of(n));
					page_sink_unit(&b->line, n);
				}
				n = html_next_skip(n, scope);
				continue;
			}
		}
		n = html_next(n, scope);
	}
	line_flush(b, false);
}

/* ---- where the content is: after the breadcrumb, before the footer ---- */

static bool folded_starts(const char *text, const char *prefix)
{
	char *folded = fold_label(text);
	bool yes = strncmp(folded, prefix, strlen(prefix)) == 0;
	free(folded);
	return yes;
}

static bool folded_contains(const char *text, const char *needle)
{
	char *folded = fold_label(text);
	bool yes = strstr(folded, needle) != NULL;
	free(folded);
	return yes;
}

static const struct html_node *find_text(const struct html_node *from,
                                         const struct html_node *scope, bool (*match)(const char *))
{
	for (const struct html_node *n = from; n;) {
		if (n->type == HTML_ELEMENT && page_is_invisible(n)) {
			n = html_next_skip(n, scope);
			continue;
		}
		if (n->type == HTML_TEXT && match(n->text))
			return n;
		n = html_next(n, scope);
	}
	return NULL;
}

static bool is_breadcrumb_text(const char *text)
{
	return folded_starts(text, "vous etes ici");
}

/* The copyright line, and the "back to top" line just above it. */
static bool is_footer_text(const char *text)
{
	return folded_contains(text, "tous droits reserves") ||
	       folded_starts(text, "vous pouvez egalement");
}

struct region {
	const struct html_node *start; /* first node of the content */
	unsigned end_order;            /* 0: to the end of the document */
	char *breadcrumb;
	bool found; /* a breadcrumb was found */
};

/* The nodes that hold the path: the breadcrumb's block when it is short,
 * else the run of inline siblings around the "Vous êtes ici" text. */
static const struct html_node *breadcrumb_end(const struct html_node *text, struct strbuf *path)
{
	const struct html_node *c = container_of(text);
	char *whole = c ? html_text(c) : xstrdup("");
	if (c && c->type == HTML_ELEMENT && strlen(whole) <= BREADCRUMB_MAX_BYTES) {
		strbuf_puts(path, whole);
		free(whole);
		return c;
	}
	free(whole);
	const struct html_node *top = text;
	while (top->parent != c)
		top = top->parent;
	const struct html_node *last = top;
	for (const struct html_node *n = top; n && !page_is_block(n) && !html_is(n, "br");
	     n = n->next) {
		char *t = html_text(n);
		strbuf_printf(path, "%s%s", path->len && *t ? " " : "", t);
		free(t);
		last = n;
	}
	return last;
}

/* "Vous êtes ici : Accueil » Mon compte" → "Accueil » Mon compte" */
static char *path_after_marker(const char *text)
{
	const char *p = strcasestr(text, "ici");
	p = p ? p + 3 : text;
	while (*p == ' ' || *p == ':')
		p++;
	return xstrdup(p);
}

static unsigned footer_order(const struct html_node *from, const struct html_node *root)
{
	const struct html_node *text = find_text(from, root, is_footer_text);
	if (!text)
		return 0;
	/* The footer's block, unless that block also holds the content (then
	 * the footer text itself ends it). */
	const struct html_node *c = container_of(text);
	return c && c->order > from->order ? c->order : text->order;
}

static void find_region(const struct html_doc *doc, struct region *r)
{
	const struct html_node *root = doc->root;
	const struct html_node *body = html_find(root, "body");
	const struct html_node *text = find_text(root, root, is_breadcrumb_text);
	memset(r, 0, sizeof(*r));
	if (text) {
		struct strbuf path = STRBUF_INIT;
		const struct html_node *last = breadcrumb_end(text, &path);
		char *raw = strbuf_detach(&path);
		r->breadcrumb = path_after_marker(raw);
		free(raw);
		r->start = html_next_skip(last, root);
		r->found = true;
	} else {
		r->breadcrumb = xstrdup("");
		r->start = body ? body : root;
	}
	if (r->start)
		r->end_order = footer_order(r->start, root);
}

/* ---- the title ---- */

/* "Portail familles - Mon compte" → "Mon compte"; a title that is only
 * the portal's name says nothing about the page. */
static char *title_from_head(const struct html_doc *doc)
{
	const struct html_node *t = html_find(doc->root, "title");
	char *text = t ? html_text(t) : xstrdup("");
	if (!folded_starts(text, "portail famille") && !folded_starts(text, "le portail famille"))
		return text;
	static const char *const seps[] = { " - ",        " : ", " | ", " \xe2\x80\x93 ",
		                            " \xc2\xbb ", NULL };
	const char *cut = NULL;
	size_t cut_len = 0;
	for (const char *const *sep = seps; *sep; sep++) {
		const char *p = strstr(text, *sep);
		if (p && (!cut || p < cut)) {
			cut = p;
			cut_len = strlen(*sep);
		}
	}
	char *title = xstrdup(cut ? cut + cut_len : "");
	free(text);
	return title;
}

static char *last_path_item(const char *path)
{
	const char *last = path;
	for (const char *p = strstr(path, "\xc2\xbb"); p; p = strstr(p + 2, "\xc2\xbb"))
		last = p + 2;
	while (*last == ' ')
		last++;
	return xstrdup(last);
}

static void drop_first_block(struct page_content *pc)
{
	free(pc->blocks[0].text);
	memmove(pc->blocks, pc->blocks + 1, (pc->nblocks - 1) * sizeof(*pc->blocks));
	pc->nblocks--;
	for (size_t i = 0; i < pc->nlinks; i++)
		pc->links[i].block--;
}

/* The page's own heading when it opens the content (an <h1>, or any
 * heading that repeats the browser title), else the browser title, else
 * the last step of the path. */
static void choose_title(struct page_builder *b)
{
	struct page_content *pc = b->pc;
	pc->title = title_from_head(b->doc);
	if (!*pc->title) {
		free(pc->title);
		pc->title = last_path_item(pc->breadcrumb);
	}
	const struct page_block *first = pc->nblocks ? &pc->blocks[0] : NULL;
	if (!first || first->kind != BLOCK_HEADING || first->nlinks)
		return;
	if (first->level == 1 || fold_equal(first->text, pc->title)) {
		free(pc->title);
		pc->title = xstrdup(first->text);
		drop_first_block(pc);
	}
}

/* ---- the contract ---- */

int page_content_parse(const struct html_doc *doc, const char *page_url, struct page_content **out,
                       char **errp)
{
	*out = NULL;
	struct page_builder b = { .doc = doc, .page_url = page_url };
	b.pc = xcalloc(1, sizeof(*b.pc));
	page_sink_init(&b.line, &b, 0);
	struct region r;
	find_region(doc, &r);
	b.pc->breadcrumb = r.breadcrumb;
	b.fallback = !r.found;
	if (r.start)
		page_walk(&b, r.start, doc->root, r.end_order);
	strbuf_release(&b.line.text);
	choose_title(&b);
	if (b.pc->nblocks == 0) {
		page_content_free(&b.pc);
		return set_error(errp, _("page: no readable content between the breadcrumb and the "
		                         "footer"));
	}
	*out = b.pc;
	return 0;
}

void page_content_free(struct page_content **content)
{
	if (!content || !*content)
		return;
	struct page_content *pc = *content;
	for (size_t i = 0; i < pc->nblocks; i++) {
		struct page_block *block = &pc->blocks[i];
		free(block->text);
		for (size_t c = 0; c < block->nrows * block->ncols; c++)
			free(block->cells[c]);
		free(block->cells);
		free(block->spans);
	}
	for (size_t i = 0; i < pc->nlinks; i++) {
		free(pc->links[i].text);
		free(pc->links[i].url);
	}
	free(pc->blocks);
	free(pc->links);
	free(pc->title);
	free(pc->breadcrumb);
	free(pc);
	*content = NULL;
}
