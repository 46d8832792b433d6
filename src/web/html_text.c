/* What a person sees of a part of the page, as one line of text. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "util/strbuf.h"
#include "web/html.h"

/* Subtrees whose text is never shown as page text. */
static bool is_invisible(const struct html_node *node)
{
	return node->flags & HTML_INVISIBLE;
}

/* Elements that separate words even when the page has no space there
 * ("Date de la<br>facture", adjacent cells). */
static bool is_separator(const struct html_node *node)
{
	return node->flags & HTML_SEPARATOR;
}

/* Length of the whitespace character at s (ASCII space, tab, CR, LF, FF,
 * NBSP, U+2000-U+200A, U+202F, U+205F, U+3000), or 0. */
size_t html_space_length(const unsigned char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v')
		return 1;
	if (s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (s[0] == 0xE2 && s[1] == 0x80 && ((s[2] >= 0x80 && s[2] <= 0x8A) || s[2] == 0xAF))
		return 3;
	if (s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F)
		return 3;
	if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	return 0;
}

struct text_sink {
	struct strbuf out;
	bool pending_space;
	size_t max_bytes; /* SIZE_MAX = no cap */
};

static void sink_text(struct text_sink *sink, const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	while (*s) {
		size_t space = html_space_length(s);
		if (space) {
			sink->pending_space = true;
			s += space;
			continue;
		}
		const unsigned char *word = s;
		while (*s && !html_space_length(s))
			s++;
		if (sink->pending_space && sink->out.len > 0)
			strbuf_putc(&sink->out, ' ');
		sink->pending_space = false;
		strbuf_append(&sink->out, (const char *)word, (size_t)(s - word));
		if (sink->out.len >= sink->max_bytes)
			return;
	}
}

char *html_text_capped(const struct html_node *node, size_t max_bytes)
{
	struct text_sink sink = { STRBUF_INIT, false, max_bytes };
	if (node->type == HTML_TEXT) {
		sink_text(&sink, node->text);
		return strbuf_detach(&sink.out);
	}
	const struct html_node *n = html_next(node, node);
	while (n && sink.out.len < max_bytes) {
		if (is_invisible(n)) {
			n = html_next_skip(n, node);
			continue;
		}
		if (n->type == HTML_TEXT)
			sink_text(&sink, n->text);
		else if (is_separator(n))
			sink.pending_space = true;
		n = html_next(n, node);
	}
	return strbuf_detach(&sink.out);
}

char *html_text(const struct html_node *node)
{
	return html_text_capped(node, SIZE_MAX);
}

bool html_text_empty(const struct html_node *node)
{
	if (node->type == HTML_TEXT) {
		const unsigned char *s = (const unsigned char *)node->text;
		while (*s) {
			size_t space = html_space_length(s);
			if (!space)
				return false;
			s += space;
		}
		return true;
	}
	for (const struct html_node *n = html_next(node, node); n;) {
		if (is_invisible(n)) {
			n = html_next_skip(n, node);
			continue;
		}
		if (n->type == HTML_TEXT && !html_text_empty(n))
			return false;
		n = html_next(n, node);
	}
	return true;
}
