/* An HTML document: tidy-html5 parses the bytes, we keep a small tree of
 * our own (lowercase tags, UTF-8 text with entities decoded, attributes)
 * and release tidy at once. Scrapers only ever see this tree.
 *
 * Only tidy's parser runs: no clean-and-repair and no output stage (their
 * bugs are listed in RELIABILITY.md section 2), diagnostics are off, and a
 * pre-scan (html_prescan.h) refuses, before tidy sees them, pages nested
 * deeper than HTML_MAX_DEPTH (tidy's recursive parser would exhaust the
 * stack, tidy-html5 #850), with more than HTML_MAX_ELEMENT_ATTRIBUTES
 * attributes on one element (tidy checks each against the others), or
 * with more markup than HTML_MAX_WORK (tags, character references and
 * attributes, each attribute counting HTML_PRESCAN_ATTRIBUTE_WORK).
 * Together with tidy's budget of CPU time (html.c) this makes any page
 * parsed or refused within 5 s of CPU; a 10,000-invoice page (4.4 MB,
 * 411,000 units of work) is parsed in half a second, and 18,000 invoices
 * (8 MB, 739,000 units) still pass. */
#ifndef PF_WEB_HTML_H
#define PF_WEB_HTML_H

#include <stdbool.h>
#include <stddef.h>

#define HTML_MAX_DEPTH 512
#define HTML_MAX_ELEMENT_ATTRIBUTES 256
#define HTML_MAX_WORK 750000u
#define HTML_MAX_BYTES (16u * 1024u * 1024u)

enum html_node_type {
	HTML_ROOT,
	HTML_ELEMENT,
	HTML_TEXT,
};

struct html_attr {
	const char *name;  /* lowercase */
	const char *value; /* UTF-8, entities decoded; "" for a bare attribute */
};

/* What a reader of the text needs to know of an element, set once when the
 * tree is built. */
enum html_node_flags {
	HTML_INVISIBLE = 1 << 0, /* script, style, head, title...: no page text */
	HTML_SEPARATOR = 1 << 1, /* br, td, div, p...: separates words */
};

/* 72 bytes: a 10,000-invoice page has 200,000 of them. */
struct html_node {
	unsigned char type;    /* enum html_node_type */
	unsigned char flags;   /* enum html_node_flags */
	unsigned short nattrs; /* at most HTML_MAX_ELEMENT_ATTRIBUTES */
	unsigned order;        /* position in document order, root = 0 */
	const char *tag;       /* lowercase element name; NULL for text and root */
	const char *text;      /* text nodes: UTF-8, entities decoded, whitespace as served */
	struct html_attr *attrs;
	struct html_node *parent, *first_child, *last_child, *prev, *next;
};

struct html_doc {
	struct html_node *root;
	const char *charset;      /* what the bytes were decoded from */
	struct html_arena *arena; /* owns every node and string */
};

/* Parses bytes served with the given Content-Type header (may be NULL).
 * Returns 0 and an owned document in *out, or -1 with a message in *errp
 * (page too large, nested too deeply, too many attributes on one element,
 * too much markup, unknown charset, tidy out of its budget or failing). */
int html_parse(const char *bytes, size_t len, const char *content_type, struct html_doc **out,
               char **errp);
void html_doc_free(struct html_doc **doc);

/* Attribute value by name (lowercase: attribute names are stored in
 * lowercase), or NULL when absent. */
const char *html_attr(const struct html_node *node, const char *name);
bool html_is(const struct html_node *node, const char *tag);
/* True when the class attribute holds `name` as one of its words. */
bool html_has_class(const struct html_node *node, const char *name);

/* Pre-order successor of node within scope (scope itself excluded), or NULL
 * at the end: `for (n = html_next(scope, scope); n; n = html_next(n, scope))`
 * walks every descendant of scope in document order. */
struct html_node *html_next(const struct html_node *node, const struct html_node *scope);
/* Like html_next but does not descend into node's children. */
struct html_node *html_next_skip(const struct html_node *node, const struct html_node *scope);
/* Pre-order predecessor of node (its previous sibling's last descendant, or
 * its parent), or NULL before the root. */
struct html_node *html_prev(const struct html_node *node);
/* First descendant element of scope with the given tag, or NULL. */
struct html_node *html_find(const struct html_node *scope, const char *tag);
/* Next element after `after` (exclusive) within scope with the tag. */
struct html_node *html_find_next(const struct html_node *after, const struct html_node *scope,
                                 const char *tag);
/* Nearest ancestor (node excluded) with the tag, or NULL. */
struct html_node *html_ancestor(const struct html_node *node, const char *tag);
bool html_is_ancestor(const struct html_node *ancestor, const struct html_node *node);

/* What a person sees of node: the text of its descendants, skipping
 * script, style, head, noscript and template, and control values; block
 * boundaries and <br> count as a space; every run of whitespace (NBSP
 * included) becomes one ASCII space; trimmed. Newly allocated, never NULL.
 * This text is NOT sanitized for the terminal (see util/sanitize.h). */
char *html_text(const struct html_node *node);
/* The same, stopping after about max_bytes bytes (whole words or
 * characters, never a cut UTF-8 sequence): for callers that only compare
 * short labels and must not copy a whole nested table to do so. */
char *html_text_capped(const struct html_node *node, size_t max_bytes);
/* Length in bytes of the whitespace character at s that html_text
 * collapses (ASCII space, tab, CR, LF, FF, VT, NBSP, U+2000-U+200A, U+202F,
 * U+205F, U+3000), or 0 when s does not start with one. */
size_t html_space_length(const unsigned char *s);
/* True when html_text(node) would be empty (no visible text). */
bool html_text_empty(const struct html_node *node);

#endif
