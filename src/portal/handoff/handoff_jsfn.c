/* The page's JavaScript functions and the values the scanner tracks. */
#include "config.h"

#include "portal/handoff/handoff_jsfn.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void js_value_clear(struct js_value *v)
{
	for (int i = 0; i < v->n; i++)
		free(v->part[i].text);
	memset(v, 0, sizeof(*v));
}

/* Takes ownership of text; adjacent literals are joined. */
void js_value_add(struct js_value *v, char *text, int param)
{
	if (text && v->n && v->part[v->n - 1].text) {
		char *joined = xasprintf("%s%s", v->part[v->n - 1].text, text);
		free(v->part[v->n - 1].text);
		free(text);
		v->part[v->n - 1].text = joined;
	} else if (v->n == JS_MAX_PARTS) {
		free(text);
		v->overflow = true;
	} else {
		v->part[v->n++] = (struct js_part){ text, param };
	}
}

bool js_value_substitute(const struct js_value *v, const struct js_value *args, int nargs,
                         struct js_value *out)
{
	memset(out, 0, sizeof(*out));
	for (int i = 0; i < v->n; i++) {
		const struct js_part *p = &v->part[i];
		const struct js_value *arg = p->param >= 0 && p->param < nargs ? &args[p->param]
		                                                               : NULL;
		if (p->text) {
			js_value_add(out, xstrdup(p->text), -1);
			continue;
		}
		if (!arg || arg->overflow || arg->n == 0)
			return false;
		for (int j = 0; j < arg->n; j++)
			js_value_add(out, arg->part[j].text ? xstrdup(arg->part[j].text) : NULL,
			             arg->part[j].param);
	}
	return !out->overflow && !v->overflow;
}

void js_value_copy(const struct js_value *v, struct js_value *out)
{
	memset(out, 0, sizeof(*out));
	for (int i = 0; i < v->n; i++)
		js_value_add(out, v->part[i].text ? xstrdup(v->part[i].text) : NULL,
		             v->part[i].param);
	out->overflow = v->overflow;
}

/* The text of a value without parameters, newly allocated, or NULL. */
char *js_value_text(const struct js_value *v)
{
	if (v->overflow || v->n > 1 || (v->n == 1 && !v->part[0].text))
		return NULL;
	return xstrdup(v->n ? v->part[0].text : "");
}

bool js_formref_eq(const struct js_formref *a, const struct js_formref *b)
{
	return a->how == b->how && a->index == b->index &&
	       (a->key ? b->key && strcmp(a->key, b->key) == 0 : !b->key);
}

void js_found_clear(struct js_found *f)
{
	js_value_clear(&f->url);
	js_value_clear(&f->action);
	free(f->form.key);
	memset(f, 0, sizeof(*f));
}

struct js_page {
	struct js_fn *fn;
	size_t nfn, cap;
	struct js_fn **by_name, **by_kw; /* sorted on the first lookup */
	size_t nnamed;
	bool sorted;
};

struct js_page *js_page_new(void)
{
	return xcalloc(1, sizeof(struct js_page));
}

void js_page_free(struct js_page **page)
{
	if (!page || !*page)
		return;
	for (size_t i = 0; i < (*page)->nfn; i++) {
		struct js_fn_result *r = (*page)->fn[i].result;
		if (r) {
			js_found_clear(&r->found);
			js_value_clear(&r->confirm);
			free(r);
		}
	}
	free((*page)->fn);
	free((*page)->by_name);
	free((*page)->by_kw);
	free(*page);
	*page = NULL;
}

/* Arrays grown by doubling: a script may declare thousands of functions. */
static void *grow(void *array, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return array;
	*cap = *cap ? *cap * 2 : 16;
	return xreallocarray(array, *cap, size);
}

/* "function [name] (params) {": records it and leaves the cursor on '{'.
 * An anonymous function takes the name it is assigned to ("payer =
 * function", "var payer = function"). Returns its index, or -1. */
static long add_function(struct js_page *page, struct js_parser *P)
{
	struct js_fn f = { .kw = P->cur.s };

	if (js_tok_punct(&P->prev, "=") && P->prev2.kind == JS_TOK_IDENT)
		f.name = P->prev2;
	js_advance(P);
	if (P->cur.kind == JS_TOK_IDENT) {
		f.name = P->cur;
		js_advance(P);
	}
	if (!js_tok_punct(&P->cur, "("))
		return -1;
	f.params = P->cur.s;
	while (P->cur.kind != JS_TOK_END && !js_tok_punct(&P->cur, ")"))
		js_advance(P);
	if (P->cur.kind == JS_TOK_END)
		return -1;
	f.params_len = (size_t)(P->cur.s + 1 - f.params);
	js_advance(P);
	if (!js_tok_punct(&P->cur, "{") || page->nfn == JS_MAX_FUNCTIONS)
		return -1;
	f.body = P->cur.s + 1;
	f.order = page->nfn;
	page->fn = grow(page->fn, &page->cap, page->nfn + 1, sizeof(*page->fn));
	page->fn[page->nfn] = f;
	return (long)page->nfn++;
}

int js_fn_param(const struct js_fn *f, const struct js_tok *name)
{
	struct js_parser P;
	int k = 0;

	if (!f || !f->params)
		return -1;
	js_parser_init(&P, f->params, f->params_len);
	for (; P.cur.kind != JS_TOK_END && k < JS_MAX_PARAMS; js_advance(&P)) {
		if (P.cur.kind != JS_TOK_IDENT ||
		    !(js_tok_punct(&P.prev, "(") || js_tok_punct(&P.prev, ",")))
			continue;
		if (js_tok_eq(&P.cur, name))
			return k;
		k++;
	}
	return -1;
}

struct open_fn {
	size_t fn;
	long depth;
};

/* One pass with a stack of open functions, so nested functions cost no
 * extra pass and unbalanced braces only make a body run to the end. */
void js_page_add_script(struct js_page *page, const char *text, size_t len)
{
	struct js_parser P;
	struct open_fn *open = NULL;
	size_t nopen = 0, cap = 0;
	long depth = 0, pending = -1;

	js_parser_init(&P, text, len);
	while (P.cur.kind != JS_TOK_END) {
		if (js_tok_ident(&P.cur, "function")) {
			pending = add_function(page, &P);
			continue;
		}
		if (js_tok_punct(&P.cur, "{")) {
			if (pending >= 0) {
				open = grow(open, &cap, nopen + 1, sizeof(*open));
				open[nopen++] = (struct open_fn){ (size_t)pending, depth };
			}
			depth++;
		} else if (js_tok_punct(&P.cur, "}")) {
			depth--;
			if (nopen && open[nopen - 1].depth == depth)
				page->fn[open[--nopen].fn].body_end = P.cur.s + 1;
		}
		pending = -1;
		js_advance(&P);
	}
	while (nopen)
		page->fn[open[--nopen].fn].body_end = text + len;
	free(open);
	page->sorted = false;
}

static int cmp_name(const struct js_tok *a, size_t aorder, const struct js_tok *b, size_t border)
{
	size_t n = a->n < b->n ? a->n : b->n;
	int c = memcmp(a->s, b->s, n);

	if (c || a->n != b->n)
		return c ? c : a->n < b->n ? -1 : 1;
	return aorder < border ? -1 : aorder > border;
}

static int by_name_cmp(const void *a, const void *b)
{
	const struct js_fn *x = *(struct js_fn *const *)a, *y = *(struct js_fn *const *)b;

	return cmp_name(&x->name, x->order, &y->name, y->order);
}

static int by_kw_cmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)(*(struct js_fn *const *)a)->kw;
	uintptr_t y = (uintptr_t)(*(struct js_fn *const *)b)->kw;

	return x < y ? -1 : x > y;
}

static void page_sort(struct js_page *page)
{
	if (page->sorted)
		return;
	page->by_name = xreallocarray(page->by_name, page->nfn + 1, sizeof(*page->by_name));
	page->by_kw = xreallocarray(page->by_kw, page->nfn + 1, sizeof(*page->by_kw));
	page->nnamed = 0;
	for (size_t i = 0; i < page->nfn; i++) {
		page->by_kw[i] = &page->fn[i];
		if (page->fn[i].name.kind == JS_TOK_IDENT)
			page->by_name[page->nnamed++] = &page->fn[i];
	}
	qsort(page->by_name, page->nnamed, sizeof(*page->by_name), by_name_cmp);
	qsort(page->by_kw, page->nfn, sizeof(*page->by_kw), by_kw_cmp);
	page->sorted = true;
}

/* The function a name calls: the last one declared, as in JavaScript. */
struct js_fn *js_page_find_name(struct js_page *page, const struct js_tok *name)
{
	size_t lo = 0, hi;

	if (!page)
		return NULL;
	page_sort(page);
	hi = page->nnamed;
	while (lo < hi) { /* first entry greater than (name, any order) */
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_name(&page->by_name[mid]->name, 0, name, SIZE_MAX) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || cmp_name(&page->by_name[lo - 1]->name, 0, name, 0) != 0)
		return NULL;
	return page->by_name[lo - 1];
}

struct js_fn *js_page_find_kw(struct js_page *page, const char *kw)
{
	size_t lo = 0, hi;

	if (!page)
		return NULL;
	page_sort(page);
	hi = page->nfn;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((uintptr_t)page->by_kw[mid]->kw < (uintptr_t)kw)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < page->nfn && page->by_kw[lo]->kw == kw ? page->by_kw[lo] : NULL;
}
