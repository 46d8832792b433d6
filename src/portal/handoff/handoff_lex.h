/* The JavaScript syntax behind the hand-off scanner: tokens (identifiers,
 * string literals decoded to UTF-8, numbers, punctuation; comments
 * skipped) and member chains such as document.forms['x'] or
 * window.location.href. Never fails: malformed input ends a token or a
 * chain early. Private to portal/handoff*.c. */
#ifndef PF_PORTAL_HANDOFF_HANDOFF_LEX_H
#define PF_PORTAL_HANDOFF_HANDOFF_LEX_H

#include <stdbool.h>
#include <stddef.h>

enum js_tok_kind {
	JS_TOK_END,
	JS_TOK_IDENT,
	JS_TOK_STRING, /* '...', "..." or `...`, quotes included in s/n */
	JS_TOK_NUMBER,
	JS_TOK_PUNCT, /* one character, or an operator ending in '=' ("==", "+="...) */
	JS_TOK_BAD,   /* an unterminated string: never a value */
};

struct js_tok {
	enum js_tok_kind kind;
	const char *s;
	size_t n;
	bool nl_before; /* a line break precedes it (automatic semicolons) */
};

struct js_lexer {
	const char *p, *end;
	bool line_start; /* "-->" opens a comment only at the start of a line */
};

void js_lexer_init(struct js_lexer *lx, const char *code, size_t len);
struct js_tok js_lex(struct js_lexer *lx);

bool js_tok_is(const struct js_tok *t, enum js_tok_kind kind, const char *text);
static inline bool js_tok_punct(const struct js_tok *t, const char *text)
{
	return js_tok_is(t, JS_TOK_PUNCT, text);
}
static inline bool js_tok_ident(const struct js_tok *t, const char *text)
{
	return js_tok_is(t, JS_TOK_IDENT, text);
}
bool js_tok_eq(const struct js_tok *a, const struct js_tok *b);

/* A cursor over tokens with the two before it (for "name = function"). */
struct js_parser {
	struct js_lexer lx;
	struct js_tok cur, prev, prev2;
};

void js_parser_init(struct js_parser *P, const char *code, size_t len);
void js_advance(struct js_parser *P);
/* The k-th token after the current one, consuming nothing. */
struct js_tok js_peek(const struct js_parser *P, int k);

/* A member chain: names, [index]/['key'] subscripts and one-string-argument
 * calls inside it (document.getElementById('f').submit). A call that ends
 * the chain (window.open('u')) is not part of it: the parser stops on its
 * '('. */
#define JS_MAX_SEGS 8

enum js_seg_kind {
	JS_SEG_NAME,  /* .name */
	JS_SEG_INDEX, /* [number]: arg */
	JS_SEG_KEY,   /* ['string']: arg */
	JS_SEG_CALL,  /* name('string'): name and arg */
};

struct js_seg {
	enum js_seg_kind kind;
	struct js_tok name, arg;
};

struct js_chain {
	struct js_seg seg[JS_MAX_SEGS];
	int n;
	bool overflow; /* longer than JS_MAX_SEGS: matches nothing */
};

/* Parses the chain starting at the current identifier. */
void js_parse_chain(struct js_parser *P, struct js_chain *ch);
/* True when the chain is exactly the dotted names of pattern. */
bool js_chain_is(const struct js_chain *ch, const char *pattern);
/* The first of a NULL-terminated list of patterns the chain is, or NULL. */
const char *js_chain_match(const struct js_chain *ch, const char *const *patterns);

/* The value of a string token as UTF-8 (escapes decoded: \' \" \\ \/ \n
 * \xNN \uNNNN \u{N}, surrogate pairs, line continuations; NUL and lone
 * surrogates become U+FFFD), newly allocated; NULL for a template literal
 * with ${...}, which is code, not text. */
char *js_string_value(const struct js_tok *t);

#endif
