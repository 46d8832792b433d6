/* The portal's own words when it refuses a login (see navigation.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/fold.h"
#include "util/xalloc.h"
#include "portal/navigation.h"

/* Longer texts are layout (a whole box or column), never a message. */
#define MESSAGE_MAX_BYTES 1000
/* The "login box" around the password field stops growing at this size. */
#define LOGIN_AREA_MAX_BYTES 600

/* Folded word stems that say "this went wrong", French and English. */
static const char *const error_stems[] = {
	"incorrect", "invalid", "erreur", "errone",    "echec",     "echoue",     "refuse",
	"inconnu",   "expire",  "bloque", "verrouill", "desactive", "impossible", "n existe pas",
	"mauvais",   "wrong",   "error",  "failed",    NULL,
};

static bool has_error_word(const char *text)
{
	char *folded = fold_label(text);
	bool found = false;
	for (const char *const *stem = error_stems; *stem && !found; stem++)
		for (const char *p = strstr(folded, *stem); p && !found; p = strstr(p + 1, *stem))
			found = p == folded || p[-1] == ' ';
	free(folded);
	return found;
}

static size_t word_count(const char *text)
{
	size_t words = *text ? 1 : 0;
	for (; *text; text++)
		if (*text == ' ')
			words++;
	return words;
}

static bool attr_contains(const struct html_node *n, const char *const *words)
{
	const char *cls = html_attr(n, "class"), *id = html_attr(n, "id");
	for (; *words; words++)
		if ((cls && strcasestr(cls, *words)) || (id && strcasestr(id, *words)))
			return true;
	return false;
}

static bool is_strong_error(const struct html_node *n)
{
	static const char *const words[] = { "erreur", "error", "alert", "danger", NULL };
	return attr_contains(n, words);
}

/* A colour a person reads as an alarm: a named red, or a hex colour whose
 * red clearly dominates (#F00, #CC0000, #c33). */
static bool is_red(const char *color)
{
	static const char *const names[] = { "red",       "darkred", "crimson",
		                             "firebrick", "maroon",  NULL };
	while (*color == ' ' || *color == ':')
		color++;
	for (const char *const *name = names; *name; name++)
		if (strncasecmp(color, *name, strlen(*name)) == 0)
			return true;
	if (*color != '#')
		return false;
	unsigned long v = strtoul(color + 1, NULL, 16);
	size_t digits = strspn(color + 1, "0123456789abcdefABCDEF");
	unsigned r, g, b;
	if (digits == 3) {
		r = (unsigned)((v >> 8) & 0xf) * 17, g = (unsigned)((v >> 4) & 0xf) * 17;
		b = (unsigned)(v & 0xf) * 17;
	} else if (digits == 6) {
		r = (unsigned)(v >> 16) & 0xff, g = (unsigned)(v >> 8) & 0xff,
		b = (unsigned)v & 0xff;
	} else {
		return false;
	}
	return r >= 0x99 && g <= 0x66 && b <= 0x66;
}

static bool style_is_red(const char *style)
{
	/* "color:" but not "background-color:" */
	for (const char *p = style ? strcasestr(style, "color") : NULL; p;
	     p = strcasestr(p + 1, "color"))
		if (p == style || p[-1] == ';' || p[-1] == ' ' || p[-1] == '"')
			if (is_red(p + 5))
				return true;
	return false;
}

static bool is_weak_error(const struct html_node *n)
{
	static const char *const words[] = { "message", "msg",           "notice",
		                             "warning", "avertissement", NULL };
	if (attr_contains(n, words))
		return true;
	if (html_is(n, "font") && html_attr(n, "color") && is_red(html_attr(n, "color")))
		return true;
	return style_is_red(html_attr(n, "style"));
}

/* Hidden elements hold the script's own validation messages
 * ("Veuillez saisir votre identifiant"), not the server's answer. */
static bool is_hidden(const struct html_node *n)
{
	static const char *const tags[] = { "script",   "style", "head", "noscript",
		                            "template", "title", NULL };
	for (const char *const *t = tags; *t; t++)
		if (html_is(n, *t))
			return true;
	const char *style = html_attr(n, "style");
	if (html_attr(n, "hidden"))
		return true;
	if (!style)
		return false;
	char *folded = fold_label(style);
	bool hidden = strstr(folded, "display none") || strstr(folded, "visibility hidden");
	free(folded);
	return hidden;
}

/* True when n shows more than max bytes of text, counted without reading
 * it all: on a hostile page every element may be a candidate, each around
 * megabytes of text. Non-space bytes never outnumber the collapsed text. */
static bool text_exceeds(const struct html_node *n, size_t max)
{
	size_t count = 0;
	for (const struct html_node *t = html_next(n, n); t; t = html_next(t, n))
		if (t->type == HTML_TEXT)
			for (const char *p = t->text; *p; p++)
				if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r' &&
				    ++count > max)
					return true;
	return false;
}

static char *short_text(const struct html_node *n)
{
	if (text_exceeds(n, MESSAGE_MAX_BYTES))
		return NULL;
	char *text = html_text(n);
	if (*text && strlen(text) <= MESSAGE_MAX_BYTES)
		return text;
	free(text);
	return NULL;
}

/* Steps 1 and 2 of the header's order, in one walk. */
static char *error_element_text(const struct html_doc *doc)
{
	const struct html_node *best = NULL, *first_worded = NULL, *first_strong = NULL;
	for (const struct html_node *n = doc->root; n;) {
		if (n->type == HTML_ELEMENT && is_hidden(n)) {
			n = html_next_skip(n, doc->root);
			continue;
		}
		bool strong = n->type == HTML_ELEMENT && is_strong_error(n);
		if (strong || (n->type == HTML_ELEMENT && is_weak_error(n))) {
			char *text = short_text(n);
			bool worded = text && has_error_word(text);
			if (worded && !first_worded)
				first_worded = n;
			if (worded && word_count(text) >= 3 && (!best || html_is_ancestor(best, n)))
				best = n;
			if (strong && text && !first_strong)
				first_strong = n;
			free(text);
		}
		n = html_next(n, doc->root);
	}
	const struct html_node *pick = best ? best : first_worded ? first_worded : first_strong;
	return pick ? html_text(pick) : NULL;
}

static bool is_block(const struct html_node *n)
{
	static const char *const tags[] = { "p",    "div",   "td",   "th",   "li",    "center",
		                            "h1",   "h2",    "h3",   "h4",   "h5",    "h6",
		                            "form", "table", "body", "span", "label", NULL };
	for (const char *const *t = tags; *t; t++)
		if (html_is(n, *t))
			return true;
	return false;
}

/* The largest block around the password field whose text stays short:
 * the login box, where a message about the login is written. */
static const struct html_node *login_area(const struct html_doc *doc)
{
	const struct html_node *pw = NULL;
	for (const struct html_node *n = doc->root; n && !pw; n = html_next(n, doc->root)) {
		const char *type = html_attr(n, "type");
		if (html_is(n, "input") && type && strcasecmp(type, "password") == 0)
			pw = n;
	}
	const struct html_node *area = NULL;
	for (const struct html_node *a = pw ? pw->parent : NULL; a; a = a->parent) {
		if (!is_block(a))
			continue;
		if (text_exceeds(a, LOGIN_AREA_MAX_BYTES))
			break;
		char *text = html_text(a);
		size_t len = strlen(text);
		free(text);
		if (len > LOGIN_AREA_MAX_BYTES)
			break;
		area = a;
	}
	return area;
}

static char *area_error_line(const struct html_node *area)
{
	for (const struct html_node *n = html_next(area, area); n;) {
		if (n->type == HTML_ELEMENT && is_hidden(n)) {
			n = html_next_skip(n, area);
			continue;
		}
		if (n->type == HTML_TEXT && has_error_word(n->text)) {
			const struct html_node *line = n->parent;
			while (line != area && !is_block(line))
				line = line->parent;
			char *text = short_text(line);
			if (text)
				return text;
		}
		n = html_next(n, area);
	}
	return NULL;
}

char *login_error_message(const struct html_doc *doc)
{
	if (!doc || !doc->root)
		return NULL;
	char *text = error_element_text(doc);
	if (text)
		return text;
	const struct html_node *area = login_area(doc);
	return area ? area_error_line(area) : NULL;
}
