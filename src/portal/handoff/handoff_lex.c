/* A small, total JavaScript tokenizer and member-chain parser for the hand-off. */
#include "config.h"

#include "portal/handoff/handoff_lex.h"

#include <string.h>

#include "util/hex.h"
#include "util/strbuf.h"

void js_lexer_init(struct js_lexer *lx, const char *code, size_t len)
{
	lx->p = code;
	lx->end = code + len;
	lx->line_start = true;
}

static bool lex_starts(const struct js_lexer *lx, const char *lit)
{
	size_t n = strlen(lit);

	return (size_t)(lx->end - lx->p) >= n && memcmp(lx->p, lit, n) == 0;
}

static void lex_skip_line(struct js_lexer *lx)
{
	while (lx->p < lx->end && *lx->p != '\n' && *lx->p != '\r')
		lx->p++;
}

/* Skips white space and comments, including the HTML-like "<!--" and
 * "-->" comments that 2015 pages still wrap their scripts in. */
static void lex_skip(struct js_lexer *lx, bool *nl)
{
	while (lx->p < lx->end) {
		char c = *lx->p;

		if (c == '\n' || c == '\r') {
			*nl = true;
			lx->line_start = true;
			lx->p++;
		} else if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
			lx->p++;
		} else if (lex_starts(lx, "//") || lex_starts(lx, "<!--") ||
		           (lx->line_start && lex_starts(lx, "-->"))) {
			lex_skip_line(lx);
		} else if (lex_starts(lx, "/*")) {
			const char *close = NULL;
			for (const char *q = lx->p + 2; q + 1 < lx->end && !close; q++) {
				if (*q == '\n' || *q == '\r')
					*nl = lx->line_start = true;
				if (q[0] == '*' && q[1] == '/')
					close = q;
			}
			lx->p = close ? close + 2 : lx->end;
		} else {
			return;
		}
	}
}

static bool lex_ident_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' ||
	       c >= 0x80;
}

static bool lex_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* A string up to its closing quote; a line break ends a '...' or "..."
 * string as malformed, so one stray quote costs at most a line. */
static enum js_tok_kind lex_string(struct js_lexer *lx)
{
	char quote = *lx->p++;

	while (lx->p < lx->end) {
		char c = *lx->p;

		if (c == '\\') {
			lx->p += lx->end - lx->p >= 2 ? 2 : 1;
		} else if (c == quote) {
			lx->p++;
			return JS_TOK_STRING;
		} else if ((c == '\n' || c == '\r') && quote != '`') {
			return JS_TOK_BAD;
		} else {
			lx->p++;
		}
	}
	return JS_TOK_BAD;
}

static void lex_punct(struct js_lexer *lx)
{
	char c = *lx->p++;

	if (c == '=') {
		/* "==", "===", "=>" are not assignments. */
		if (lx->p < lx->end && (*lx->p == '=' || *lx->p == '>'))
			lx->p++;
		if (lx->p < lx->end && *lx->p == '=' && lx->p[-1] == '=')
			lx->p++;
	} else if (strchr("!<>+-*/%&|^", c) && lx->p < lx->end && *lx->p == '=') {
		lx->p++;
		if (c == '!' && lx->p < lx->end && *lx->p == '=')
			lx->p++;
	}
}

struct js_tok js_lex(struct js_lexer *lx)
{
	struct js_tok t = { JS_TOK_END, lx->end, 0, false };

	lex_skip(lx, &t.nl_before);
	if (lx->p >= lx->end)
		return t;
	t.s = lx->p;
	lx->line_start = false;
	unsigned char c = (unsigned char)*lx->p;
	if (lex_ident_start(c)) {
		t.kind = JS_TOK_IDENT;
		while (lx->p < lx->end &&
		       (lex_ident_start((unsigned char)*lx->p) || lex_digit((unsigned char)*lx->p)))
			lx->p++;
	} else if (lex_digit(c) ||
	           (c == '.' && lx->p + 1 < lx->end && lex_digit((unsigned char)lx->p[1]))) {
		t.kind = JS_TOK_NUMBER;
		while (lx->p < lx->end && (lex_ident_start((unsigned char)*lx->p) ||
		                           lex_digit((unsigned char)*lx->p) || *lx->p == '.'))
			lx->p++;
	} else if (c == '\'' || c == '"' || c == '`') {
		t.kind = lex_string(lx);
	} else {
		t.kind = JS_TOK_PUNCT;
		lex_punct(lx);
	}
	t.n = (size_t)(lx->p - t.s);
	return t;
}

bool js_tok_is(const struct js_tok *t, enum js_tok_kind kind, const char *text)
{
	return t->kind == kind && strlen(text) == t->n && memcmp(t->s, text, t->n) == 0;
}

bool js_tok_eq(const struct js_tok *a, const struct js_tok *b)
{
	return a->kind == b->kind && a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

void js_parser_init(struct js_parser *P, const char *code, size_t len)
{
	memset(P, 0, sizeof(*P));
	js_lexer_init(&P->lx, code, len);
	js_advance(P);
}

void js_advance(struct js_parser *P)
{
	P->prev2 = P->prev;
	P->prev = P->cur;
	P->cur = js_lex(&P->lx);
}

struct js_tok js_peek(const struct js_parser *P, int k)
{
	struct js_lexer copy = P->lx;
	struct js_tok t = P->cur;

	for (int i = 0; i < k; i++)
		t = js_lex(&copy);
	return t;
}

static void chain_add(struct js_chain *ch, enum js_seg_kind kind, struct js_tok name,
                      struct js_tok arg)
{
	if (ch->n == JS_MAX_SEGS)
		ch->overflow = true;
	else
		ch->seg[ch->n++] = (struct js_seg){ kind, name, arg };
}

/* One more link of the chain at the cursor; false at its end. */
static bool chain_step(struct js_parser *P, struct js_chain *ch)
{
	static const struct js_tok none = { JS_TOK_END, NULL, 0, false };
	struct js_tok a = js_peek(P, 1), b = js_peek(P, 2), c;

	if (js_tok_punct(&P->cur, ".") && a.kind == JS_TOK_IDENT) {
		chain_add(ch, JS_SEG_NAME, a, none);
		js_advance(P);
	} else if (js_tok_punct(&P->cur, "[") &&
	           (a.kind == JS_TOK_STRING || a.kind == JS_TOK_NUMBER) && js_tok_punct(&b, "]")) {
		chain_add(ch, a.kind == JS_TOK_STRING ? JS_SEG_KEY : JS_SEG_INDEX, none, a);
		js_advance(P);
		js_advance(P);
	} else if (js_tok_punct(&P->cur, "(") && a.kind == JS_TOK_STRING && js_tok_punct(&b, ")") &&
	           ch->n > 0 && ch->n < JS_MAX_SEGS && ch->seg[ch->n - 1].kind == JS_SEG_NAME &&
	           (c = js_peek(P, 3), js_tok_punct(&c, ".") || js_tok_punct(&c, "["))) {
		ch->seg[ch->n - 1].kind = JS_SEG_CALL;
		ch->seg[ch->n - 1].arg = a;
		js_advance(P);
		js_advance(P);
	} else {
		return false;
	}
	js_advance(P);
	return true;
}

void js_parse_chain(struct js_parser *P, struct js_chain *ch)
{
	static const struct js_tok none = { JS_TOK_END, NULL, 0, false };

	memset(ch, 0, sizeof(*ch));
	chain_add(ch, JS_SEG_NAME, P->cur, none);
	js_advance(P);
	while (chain_step(P, ch))
		;
}

bool js_chain_is(const struct js_chain *ch, const char *pattern)
{
	const char *p = pattern;

	if (ch->overflow)
		return false;
	for (int i = 0; i < ch->n; i++) {
		const struct js_seg *s = &ch->seg[i];
		size_t len = strcspn(p, ".");
		if (s->kind != JS_SEG_NAME || s->name.n != len || memcmp(s->name.s, p, len) != 0)
			return false;
		p += len;
		if (i + 1 < ch->n && *p++ != '.')
			return false;
	}
	return *p == '\0';
}

const char *js_chain_match(const struct js_chain *ch, const char *const *patterns)
{
	for (; *patterns; patterns++)
		if (js_chain_is(ch, *patterns))
			return *patterns;
	return NULL;
}

static void put_utf8(struct strbuf *sb, unsigned long cp)
{
	char b[4];

	if (cp == 0 || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		cp = 0xfffd;
	if (cp < 0x80) {
		strbuf_putc(sb, (char)cp);
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3f));
		strbuf_append(sb, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		strbuf_append(sb, b, 3);
	} else {
		b[0] = (char)(0xf0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		strbuf_append(sb, b, 4);
	}
}

/* Reads exactly n hex digits at *p; -1 (nothing consumed) if they are not. */
static long read_hex(const char **p, const char *end, int n)
{
	long v = 0;

	if (end - *p < n)
		return -1;
	for (int i = 0; i < n; i++) {
		int d = hex_digit_value((*p)[i]);
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	*p += n;
	return v;
}

/* \u{...}: up to six digits, anything larger is invalid. */
static long read_braced_hex(const char **p, const char *end)
{
	const char *q = *p + 1;
	long v = 0;
	int digits = 0;

	for (; q < end && hex_digit_value(*q) >= 0 && digits < 7; q++, digits++)
		v = v * 16 + hex_digit_value(*q);
	if (q >= end || *q != '}' || digits == 0 || digits > 6)
		return -1;
	*p = q + 1;
	return v;
}

/* \uXXXX, joining a surrogate pair written as two escapes. */
static unsigned long read_unicode_escape(const char **p, const char *end)
{
	long hi = **p == '{' ? read_braced_hex(p, end) : read_hex(p, end, 4);

	if (hi < 0)
		return 'u';
	if (hi >= 0xd800 && hi <= 0xdbff && end - *p >= 6 && (*p)[0] == '\\' && (*p)[1] == 'u') {
		const char *q = *p + 2;
		long lo = read_hex(&q, end, 4);
		if (lo >= 0xdc00 && lo <= 0xdfff) {
			*p = q;
			return 0x10000 + (((unsigned long)hi - 0xd800) << 10) +
			       ((unsigned long)lo - 0xdc00);
		}
	}
	return (unsigned long)hi;
}

/* One escape after a backslash; returns where decoding resumes. */
static const char *decode_escape(const char *p, const char *end, struct strbuf *sb)
{
	static const char from[] = "nrtbfv", to[] = "\n\r\t\b\f\v";
	char c = *p++;
	const char *at = strchr(from, c);
	long v;

	if (c && at) {
		strbuf_putc(sb, to[at - from]);
	} else if (c == '\r' || c == '\n') {
		if (c == '\r' && p < end && *p == '\n')
			p++; /* a line continuation adds nothing */
	} else if (c == 'x') {
		v = read_hex(&p, end, 2);
		if (v < 0)
			strbuf_putc(sb, 'x');
		else
			put_utf8(sb, (unsigned long)v);
	} else if (c == 'u') {
		put_utf8(sb, read_unicode_escape(&p, end));
	} else if (c == '0' && !(p < end && *p >= '0' && *p <= '9')) {
		put_utf8(sb, 0);
	} else if (c == '\xe2' && end - p >= 2 && p[0] == '\x80' &&
	           (p[1] == '\xa8' || p[1] == '\xa9')) {
		p += 2; /* U+2028/2029 continue a line too */
	} else {
		strbuf_putc(sb, c);
	}
	return p;
}

char *js_string_value(const struct js_tok *t)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p, *end;

	if (t->kind != JS_TOK_STRING || t->n < 2)
		return NULL;
	p = t->s + 1;
	end = t->s + t->n - 1;
	while (p < end) {
		if (t->s[0] == '`' && p[0] == '$' && p + 1 < end && p[1] == '{') {
			strbuf_release(&sb);
			return NULL;
		}
		if (*p == '\\' && p + 1 < end)
			p = decode_escape(p + 1, end, &sb);
		else if (*p == '\0')
			p++;
		else
			strbuf_putc(&sb, *p++);
	}
	return strbuf_detach(&sb);
}
