/* Bounding the nesting depth of a page before tidy's recursive parser
 * sees it (tidy-html5 #850: 16,384 nested <b> exhaust a 2 MB stack), and
 * the markup it holds, which bounds tidy's time: 200,000 attributes on one
 * tag cost it 39 s, 4 million bare ones 27 s. */
#include "config.h"

#include "web/html_prescan.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/xalloc.h"

#define NAME_BUCKETS 4096u

/* Elements that never hold children, or whose end tag a page may omit:
 * counting them would make every 2015 table look infinitely deep. */
static const char *const uncounted[] = {
	"area",  "base",    "br",    "col",    "embed",    "hr",     "img",      "input",
	"link",  "meta",    "param", "source", "track",    "wbr",    "keygen",   "basefont",
	"frame", "isindex", "p",     "li",     "dt",       "dd",     "td",       "th",
	"tr",    "thead",   "tbody", "tfoot",  "colgroup", "option", "optgroup", "rb",
	"rt",    "rp",      "html",  "head",   "body",     NULL,
};
static const char *const new_cell[] = { "td", "th", "tr", "thead", "tbody", "tfoot", NULL };
static const char *const raw_text[] = { "script", "style", "textarea", "title", "xmp", NULL };

/* Tag lists are compared by hash: this runs for every tag of the page,
 * and a false match only makes the depth estimate a little off. */
struct name_set {
	const char *const *names;
	uint32_t hashes[48];
	size_t count;
	uint64_t maybe[8]; /* a bit per (hash % 512): most names miss here */
};

struct scan {
	uint32_t *stack; /* hashes of the open elements' names */
	size_t depth, cap;
	uint32_t open_count[NAME_BUCKETS]; /* open elements per name bucket */
	uint32_t table_hash;
	struct name_set uncounted, new_cell, raw_text;
	struct html_prescan *out;
};

static uint32_t name_hash(const char *name, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];
		if (c >= 'A' && c <= 'Z')
			c += 32;
		h = (h ^ c) * 16777619u;
	}
	return h;
}

static void name_set_init(struct name_set *set, const char *const *names)
{
	set->names = names;
	memset(set->maybe, 0, sizeof(set->maybe));
	for (set->count = 0; names[set->count]; set->count++) {
		uint32_t h = name_hash(names[set->count], strlen(names[set->count]));
		set->hashes[set->count] = h;
		set->maybe[(h % 512u) / 64u] |= UINT64_C(1) << (h % 64u);
	}
}

static bool name_set_has(const struct name_set *set, uint32_t hash)
{
	if (!(set->maybe[(hash % 512u) / 64u] & (UINT64_C(1) << (hash % 64u))))
		return false;
	for (size_t i = 0; i < set->count; i++)
		if (set->hashes[i] == hash)
			return true;
	return false;
}

static void pop(struct scan *s)
{
	s->depth--;
	s->open_count[s->stack[s->depth] % NAME_BUCKETS]--;
}

static void push(struct scan *s, uint32_t hash)
{
	if (s->depth == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->stack = xreallocarray(s->stack, s->cap, sizeof(*s->stack));
	}
	s->stack[s->depth++] = hash;
	s->open_count[hash % NAME_BUCKETS]++;
}

/* Closes up to and including the nearest open element with this hash. */
static void close_to(struct scan *s, uint32_t hash, bool inclusive)
{
	if (s->open_count[hash % NAME_BUCKETS] == 0)
		return;
	size_t i = s->depth;
	while (i > 0 && s->stack[i - 1] != hash)
		i--;
	if (i == 0)
		return; /* a bucket collision: nothing of that name is open */
	size_t keep = inclusive ? i - 1 : i;
	while (s->depth > keep)
		pop(s);
}

static const char *find_bytes(const char *p, const char *end, const char *needle)
{
	size_t n = strlen(needle);
	for (; p + n <= end; p++)
		if (strncasecmp(p, needle, n) == 0)
			return p;
	return end;
}

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Where a tag's scan is between its name and its '>'. */
enum tag_state {
	AT_GAP,        /* before an attribute name */
	AT_NAME,       /* in a name */
	AT_AFTER_NAME, /* spaces after a name: '=' or the next name */
	AT_VALUE_NEXT, /* after '=' */
	AT_VALUE,      /* in an unquoted value */
};

/* The state after a character other than a quote, '>' or a space; *names
 * counts the attribute names that start. */
static enum tag_state tag_step(enum tag_state at, char c, size_t *names)
{
	switch (at) {
	case AT_NAME: return c == '/' ? AT_GAP : c == '=' ? AT_VALUE_NEXT : AT_NAME;
	case AT_AFTER_NAME:
	case AT_GAP:
		if (at == AT_AFTER_NAME && c == '=')
			return AT_VALUE_NEXT;
		if (c == '/')
			return AT_GAP;
		(*names)++; /* another name starts */
		return AT_NAME;
	default: return AT_VALUE;
	}
}

static enum tag_state tag_space(enum tag_state at)
{
	if (at == AT_NAME || at == AT_AFTER_NAME)
		return AT_AFTER_NAME;
	return at == AT_VALUE_NEXT ? AT_VALUE_NEXT : AT_GAP;
}

/* Skips past the '>' closing a tag, honouring quoted attribute values,
 * and counts the attributes' names in *names; *self_closing tells whether
 * the tag ended in "/>". */
static const char *skip_tag(const char *p, const char *end, bool *self_closing, size_t *names)
{
	enum tag_state at = AT_GAP;
	*self_closing = false;
	*names = 0;
	for (; p < end; p++) {
		if (*p == '"' || *p == '\'') {
			/* A quoted value: straight to its closing quote. Where a
			 * name would start, the quote is one (tidy keeps it). */
			if (at == AT_GAP || at == AT_AFTER_NAME)
				(*names)++;
			at = at == AT_VALUE_NEXT ? AT_GAP : at == AT_VALUE ? AT_VALUE : AT_NAME;
			p = memchr(p + 1, *p, (size_t)(end - p - 1));
			if (!p)
				return end;
		} else if (*p == '>') {
			*self_closing = p[-1] == '/';
			return p + 1;
		} else if (is_space(*p)) {
			at = tag_space(at);
		} else {
			at = tag_step(at, *p, names);
		}
	}
	return end;
}

static const char *scan_tag(struct scan *s, const char *p, const char *end)
{
	bool closing = p < end && *p == '/';
	if (closing)
		p++;
	const char *name = p;
	/* A tag name starts with a letter: "a < b" and "<3" are text, and
	 * nothing after their '<' may hide from the count. */
	while (p < end && (is_letter(*p) ||
	                   (p > name && ((*p >= '0' && *p <= '9') || *p == '-' || *p == ':'))))
		p++;
	size_t len = (size_t)(p - name);
	if (len == 0 && !closing)
		return p;
	bool self_closing;
	size_t names;
	p = skip_tag(p, end, &self_closing, &names);
	s->out->tags++;
	s->out->attributes += names;
	if (names > s->out->element_attributes)
		s->out->element_attributes = names;
	if (len == 0)
		return p;
	uint32_t hash = name_hash(name, len);
	if (closing) {
		close_to(s, hash, true);
		return p;
	}
	if (name_set_has(&s->new_cell, hash))
		close_to(s, s->table_hash, false);
	if (name_set_has(&s->raw_text, hash)) {
		char end_tag[16] = "</";
		memcpy(end_tag + 2, name, len < 12 ? len : 12);
		end_tag[2 + (len < 12 ? len : 12)] = '\0';
		return self_closing ? p : find_bytes(p, end, end_tag);
	}
	if (!self_closing && !name_set_has(&s->uncounted, hash))
		push(s, hash);
	if (s->depth > s->out->depth)
		s->out->depth = s->depth;
	return p;
}

/* Every '&' that may start a character reference, in text, attribute
 * values and raw text alike: tidy decodes (or reports) each. */
static size_t count_references(const char *p, const char *end)
{
	size_t n = 0;
	while ((p = memchr(p, '&', (size_t)(end - p))) && ++p < end)
		n += *p == '#' || is_letter(*p);
	return n;
}

size_t html_prescan_work(const struct html_prescan *scan)
{
	return scan->tags + scan->references + HTML_PRESCAN_ATTRIBUTE_WORK * scan->attributes;
}

static bool past(size_t value, size_t limit)
{
	return limit && value > limit;
}

static bool within_limits(const struct html_prescan *out, const struct html_prescan_limits *l)
{
	return !past(out->depth, l->depth) &&
	       !past(out->element_attributes, l->element_attributes) &&
	       !past(html_prescan_work(out), l->work);
}

void html_prescan(const char *bytes, size_t len, const struct html_prescan_limits *limits,
                  struct html_prescan *out)
{
	const char *p = bytes, *end = bytes + len;
	*out = (struct html_prescan){ .references = len ? count_references(p, end) : 0 };
	struct scan *s = xcalloc(1, sizeof(*s));
	s->out = out;
	s->table_hash = name_hash("table", 5);
	name_set_init(&s->uncounted, uncounted);
	name_set_init(&s->new_cell, new_cell);
	name_set_init(&s->raw_text, raw_text);
	while (p < end && within_limits(out, limits)) {
		p = memchr(p, '<', (size_t)(end - p));
		if (!p)
			break;
		p++;
		if (p < end && *p == '!') {
			bool comment = end - p >= 3 && p[1] == '-' && p[2] == '-';
			out->tags++;
			p = comment ? find_bytes(p + 3, end, "-->")
			            : memchr(p, '>', (size_t)(end - p));
			if (!p)
				break;
		} else if (p < end && *p == '?') {
			out->tags++;
		} else {
			p = scan_tag(s, p, end);
		}
	}
	free(s->stack);
	free(s);
}
