/* The HTML document: tidy-html5's parser, then a tree of our own. */
#include "config.h"

#include "util/i18n.h"
#include "web/html.h"

#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <tidy.h>
#include <tidybuffio.h>

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif

#include "util/huge_alloc.h"
#include "util/xalloc.h"
#include "web/charset.h"
#include "web/html_prescan.h"
#include "web/tidy_allocator.h"

/* Nodes and strings live in a chain of large blocks freed at once: a
 * 10,000-invoice page has some 130,000 nodes, and one malloc each would
 * cost more than tidy's own parse. Blocks double from 64 KB (a portal
 * page's tree) to 2 MB, which huge_alloc backs with a huge page. */
struct html_arena {
	struct arena_block *head;
	size_t next_size; /* of the next block, header included */
};

struct arena_block {
	struct arena_block *next;
	size_t used, size; /* of data */
	size_t alloc_size; /* header included, as huge_alloc'd */
	_Alignas(max_align_t) unsigned char data[];
};

#define ARENA_BLOCK_FIRST (64u * 1024u)
#define ARENA_BLOCK_MAX HUGE_ALLOC_MIN

static struct arena_block *arena_grow(struct html_arena *arena, size_t size)
{
	size_t alloc = arena->next_size ? arena->next_size : ARENA_BLOCK_FIRST;
	if (alloc < ARENA_BLOCK_MAX)
		arena->next_size = alloc * 2;
	if (size > alloc - sizeof(struct arena_block))
		alloc = sizeof(struct arena_block) + size; /* one large string */
	struct arena_block *block = huge_alloc(alloc);
	block->alloc_size = alloc;
	block->size = alloc - sizeof(*block);
	block->used = 0;
	block->next = arena->head;
	arena->head = block;
	return block;
}

/* size bytes aligned to `align` (a power of two), from the newest block
 * or a new one. */
static void *arena_take(struct html_arena *arena, size_t size, size_t align)
{
	struct arena_block *block = arena->head;
	size_t at = block ? (block->used + align - 1) & ~(align - 1) : 0;
	if (!block || at > block->size || block->size - at < size) {
		block = arena_grow(arena, size);
		at = 0;
	}
	void *p = block->data + at;
	block->used = at + size;
	return p;
}

/* Nodes and attribute arrays hold pointers and integers only. */
static void *arena_alloc(struct html_arena *arena, size_t size)
{
	return arena_take(arena, size, _Alignof(void *));
}

/* Strings need no alignment: packed, they take a third less room. */
static const char *arena_strndup(struct html_arena *arena, const char *s, size_t len)
{
	char *copy = arena_take(arena, len + 1, 1);
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

/* A lowercase copy of an element or attribute name. */
static const char *arena_lowercase(struct html_arena *arena, const char *name)
{
	size_t len = strlen(name);
	char *lower = arena_take(arena, len + 1, 1);
	for (size_t i = 0; i <= len; i++)
		lower[i] = (char)((name[i] >= 'A' && name[i] <= 'Z') ? name[i] + 32 : name[i]);
	return lower;
}

static void arena_free(struct html_arena *arena)
{
	struct arena_block *block = arena->head;
	while (block) {
		struct arena_block *next = block->next;
		huge_free(block, block->alloc_size);
		block = next;
	}
	free(arena);
}

/* ---- building our tree from tidy's ---- */

struct build {
	TidyDoc tdoc;
	struct html_doc *doc;
	TidyBuffer value;
	TidyBuffer errors; /* tidy's reports, filtered out: never written */
	unsigned order;
	/* Each known element and attribute name is copied once per document,
	 * not once per use (a large page has 100,000 <td> and as many
	 * align=). */
	const char *tag_names[N_TIDY_TAGS];
	const char *attr_names[N_TIDY_ATTRIBS];
};

/* The lowercase name, shared by every use of a name tidy knows. */
static const char *shared_name(struct html_arena *arena, const char **names, size_t nnames,
                               size_t id, const char *name)
{
	if (id == 0 || id >= nnames) /* TidyTag_UNKNOWN, TidyAttr_UNKNOWN */
		return arena_lowercase(arena, name);
	if (!names[id])
		names[id] = arena_lowercase(arena, name);
	return names[id];
}

static void append_child(struct html_node *parent, struct html_node *child)
{
	child->parent = parent;
	child->prev = parent->last_child;
	if (parent->last_child)
		parent->last_child->next = child;
	else
		parent->first_child = child;
	parent->last_child = child;
}

static void copy_attributes(struct build *b, TidyNode tnode, struct html_node *node)
{
	unsigned count = 0;
	for (TidyAttr a = tidyAttrFirst(tnode); a; a = tidyAttrNext(a))
		count++;
	if (count == 0)
		return;
	/* The pre-scan refused more than HTML_MAX_ELEMENT_ATTRIBUTES; nattrs
	 * holds far more, and never wraps. */
	if (count > USHRT_MAX)
		count = USHRT_MAX;
	node->attrs = arena_alloc(b->doc->arena, count * sizeof(*node->attrs));
	for (TidyAttr a = tidyAttrFirst(tnode); a && node->nattrs < count; a = tidyAttrNext(a)) {
		const char *name = tidyAttrName(a);
		const char *value = tidyAttrValue(a);
		if (!name)
			continue;
		node->attrs[node->nattrs].name = shared_name(
		        b->doc->arena, b->attr_names, N_TIDY_ATTRIBS, tidyAttrGetId(a), name);
		node->attrs[node->nattrs].value = value ? arena_strndup(b->doc->arena, value,
		                                                        strlen(value))
		                                        : "";
		node->nattrs++;
	}
}

static unsigned tag_flags(TidyTagId id)
{
	switch (id) {
	case TidyTag_SCRIPT:
	case TidyTag_STYLE:
	case TidyTag_HEAD:
	case TidyTag_NOSCRIPT:
	case TidyTag_TEMPLATE:
	case TidyTag_SELECT:
	case TidyTag_TEXTAREA:
	case TidyTag_TITLE: return HTML_INVISIBLE | HTML_SEPARATOR;
	case TidyTag_BR:
	case TidyTag_P:
	case TidyTag_DIV:
	case TidyTag_TD:
	case TidyTag_TH:
	case TidyTag_TR:
	case TidyTag_LI:
	case TidyTag_TABLE:
	case TidyTag_H1:
	case TidyTag_H2:
	case TidyTag_H3:
	case TidyTag_H4:
	case TidyTag_H5:
	case TidyTag_H6:
	case TidyTag_UL:
	case TidyTag_OL:
	case TidyTag_DL:
	case TidyTag_DT:
	case TidyTag_DD:
	case TidyTag_FORM:
	case TidyTag_HR:
	case TidyTag_BLOCKQUOTE:
	case TidyTag_PRE:
	case TidyTag_CENTER:
	case TidyTag_ADDRESS:
	case TidyTag_CAPTION:
	case TidyTag_TBODY:
	case TidyTag_THEAD:
	case TidyTag_TFOOT:
	case TidyTag_OPTION:
	case TidyTag_IMG:
	case TidyTag_INPUT:
	case TidyTag_BUTTON: return HTML_SEPARATOR;
	default: return 0;
	}
}

/* Returns our node for tidy's, or NULL for nodes a reader never sees
 * (comments, doctype, processing instructions). */
static struct html_node *convert_node(struct build *b, TidyNode tnode)
{
	struct html_node *node;
	switch (tidyNodeGetType(tnode)) {
	case TidyNode_Text:
	case TidyNode_CDATA:
		if (!tidyNodeGetValue(b->tdoc, tnode, &b->value))
			return NULL;
		node = arena_alloc(b->doc->arena, sizeof(*node));
		memset(node, 0, sizeof(*node));
		node->type = HTML_TEXT;
		node->text = arena_strndup(b->doc->arena, (const char *)b->value.bp, b->value.size);
		break;
	case TidyNode_Start:
	case TidyNode_StartEnd: {
		const char *name = tidyNodeGetName(tnode);
		if (!name)
			return NULL;
		node = arena_alloc(b->doc->arena, sizeof(*node));
		memset(node, 0, sizeof(*node));
		node->type = HTML_ELEMENT;
		node->tag = shared_name(b->doc->arena, b->tag_names, N_TIDY_TAGS,
		                        tidyNodeGetId(tnode), name);
		node->flags = tag_flags(tidyNodeGetId(tnode));
		copy_attributes(b, tnode, node);
		break;
	}
	default: return NULL;
	}
	node->order = ++b->order;
	return node;
}

/* Walks tidy's tree without recursion, so our own stack depth never
 * depends on the page. */
static void convert_tree(struct build *b)
{
	TidyNode troot = tidyGetRoot(b->tdoc);
	struct html_node *parent = b->doc->root;
	TidyNode tnode = tidyGetChild(troot);
	while (tnode) {
		struct html_node *node = convert_node(b, tnode);
		TidyNode child = node && node->type == HTML_ELEMENT ? tidyGetChild(tnode) : NULL;
		if (node)
			append_child(parent, node);
		if (child) {
			parent = node;
			tnode = child;
			continue;
		}
		while (tnode && !tidyGetNext(tnode)) {
			tnode = tidyGetParent(tnode);
			if (!tnode || tnode == troot) {
				tnode = NULL;
				break;
			}
			parent = parent->parent;
		}
		if (tnode)
			tnode = tidyGetNext(tnode);
	}
}

static Bool TIDY_CALL silence_reports(TidyDoc tdoc, TidyReportLevel lvl, uint line, uint col,
                                      ctmbstr mssg)
{
	return no;
}

static void configure_tidy(TidyDoc tdoc)
{
	tidyOptSetBool(tdoc, TidyQuiet, yes);
	tidyOptSetBool(tdoc, TidyShowWarnings, no);
	tidyOptSetInt(tdoc, TidyShowErrors, 0);
	tidyOptSetBool(tdoc, TidyShowInfo, no);
	tidySetReportFilter(tdoc, silence_reports);
	/* Keep what the page says: no dropped elements, no rewritten URLs or
	 * attribute whitespace. */
	tidyOptSetBool(tdoc, TidyDropEmptyElems, no);
	tidyOptSetBool(tdoc, TidyDropEmptyParas, no);
	tidyOptSetBool(tdoc, TidyFixUri, no);
	tidyOptSetBool(tdoc, TidyFixBackslash, no);
	tidyOptSetBool(tdoc, TidyLiteralAttribs, yes);
	tidyOptSetBool(tdoc, TidyMark, no);
	tidySetInCharEncoding(tdoc, "utf8");
}

struct parse_job {
	const char *text; /* UTF-8, len bytes, not NUL-terminated */
	size_t len;
	char *copy; /* text when html_parse made it: freed once tidy has read it */
	struct html_doc *doc;
	size_t memory_budget;
	double seconds;
	int status;
	enum tidy_overrun overrun; /* why the guard stopped tidy, if it did */
};

/* tidy's parser recurses once per open element; the pre-scan bounds the
 * nesting (512 counted levels, some 1,500 of tidy's: 9 MB of stack under
 * ASan) and this thread gives that bound a stack to match. Not more: a
 * 256 MB stack per parse made the fuzzer's memory grow past its limit. */
#define TIDY_STACK_SIZE (32u * 1024u * 1024u)
/* What the guard lets tidy use of it; the rest is for tidy's frames
 * between two allocations, and for malloc's. */
#define TIDY_STACK_BUDGET (TIDY_STACK_SIZE - 4u * 1024u * 1024u)
/* tidy holds 5 bytes per byte of a large page (measured: a 4.4 MB page of
 * 10,000 invoices peaks at 23 MB; our fixtures, at most 16 × their few
 * kilobytes). The budget leaves room for pages unlike ours, and stops an
 * endless recursion within half a second. */
#define TIDY_MEMORY_BASE (32u * 1024u * 1024u)
#define TIDY_MEMORY_PER_BYTE 24u
/* tidy's CPU time, sized by what the pre-scan counted: a unit of its work
 * estimate costs tidy at most about 3 µs (measured: a stray end tag under
 * 500 open elements, an unknown bare attribute at half that weight), a
 * megabyte of text some 0.03 s. The portal's pages take milliseconds, and
 * 10,000 invoices (4.4 MB, 410,000 units) 0.35 s. What the budget catches
 * is what the pre-scan cannot see: tidy re-opening hundreds of inline
 * elements in every block (<font> × 500, then <center> × N), or an
 * endless loop that frees what it allocates. At most 3 s for tidy leaves
 * the whole parse within 5 s of CPU. */
#define TIDY_SECONDS_BASE 0.5
#define TIDY_SECONDS_PER_MB 0.05
#define TIDY_SECONDS_PER_WORK 3e-6
#define TIDY_SECONDS_MAX 3.0

/* Valgrind and the sanitizers slow every instruction down, tidy's too: the
 * budget stretches with them, so that a test means the same under them. */
static double tidy_slowdown(void)
{
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
	if (RUNNING_ON_VALGRIND)
		return 50.0;
#endif
#endif
#ifdef PF_SANITIZERS
	return 4.0;
#else
	return 1.0;
#endif
}

static double tidy_seconds(size_t len, size_t work)
{
	double seconds = TIDY_SECONDS_BASE + TIDY_SECONDS_PER_MB * (double)len / 1e6 +
	                 TIDY_SECONDS_PER_WORK * (double)work;
	return tidy_slowdown() * (seconds < TIDY_SECONDS_MAX ? seconds : TIDY_SECONDS_MAX);
}

/* The setjmp lives here, apart, so that nothing this frame changes after
 * it is needed once the guard jumps back (C leaves such locals undefined). */
static void parse_within_budget(struct build *b, struct tidy_allocator *allocator,
                                struct parse_job *job)
{
	jmp_buf escape;
	if (setjmp(escape) != 0)
		return;
	tidy_allocator_guard(allocator, &escape, TIDY_STACK_BUDGET, job->memory_budget,
	                     job->seconds);
	b->tdoc = tidyCreateWithAllocator(&allocator->base);
	configure_tidy(b->tdoc);
	tidySetErrorBuffer(b->tdoc, &b->errors);
	TidyBuffer input;
	tidyBufInit(&input);
	tidyBufAttach(&input, (byte *)job->text, (uint)job->len);
	job->status = tidyParseBuffer(b->tdoc, &input);
	tidyBufDetach(&input);
	/* tidy has copied the text into its own buffers: a copy of the page
	 * need not live beside both trees. */
	free(job->copy);
	job->copy = NULL;
	if (job->status >= 0)
		convert_tree(b);
	/* No tidyRelease: every block of tidy's document is ours, and
	 * tidy_allocator_release frees them at once; tidyRelease would first
	 * walk the whole tree to free it node by node (8% of a large page's
	 * instructions). */
	tidy_allocator_disarm(allocator);
}

static void *parse_with_tidy(void *arg)
{
	struct parse_job *job = arg;
	struct build b = { .doc = job->doc };
	struct tidy_allocator allocator;
	tidy_allocator_init(&allocator);
	tidyBufInit(&b.value);
	tidyBufInit(&b.errors);
	/* tidy's document is never released (that would walk it, and after
	 * an escape it is left as it was mid-parse): its blocks are freed. */
	parse_within_budget(&b, &allocator, job);
	job->overrun = allocator.overrun;
	tidy_allocator_release(&allocator);
	tidyBufFree(&b.value);
	tidyBufFree(&b.errors);
	return NULL;
}

/* tidyCreate asks the system for its messages' language with
 * setlocale(LC_ALL, "") unless a language was set: from the parser's
 * thread, that is a data race with the screen's and printf's locale, and
 * it resets LC_MESSAGES to "C", after which gettext ignores LANGUAGE (a
 * LANG=C user would lose French after the first page). Tidy's messages
 * are never shown, so its language is set once, here: no setlocale. */
static pthread_once_t tidy_language_once = PTHREAD_ONCE_INIT;

static void set_tidy_language(void)
{
	tidySetLanguage("en");
}

static int run_tidy(struct parse_job *job, char **errp)
{
	pthread_once(&tidy_language_once, set_tidy_language);
	pthread_attr_t attr;
	pthread_t thread;
	if (pthread_attr_init(&attr) != 0)
		return set_error(errp, _("cannot start the HTML parser"));
	pthread_attr_setstacksize(&attr, TIDY_STACK_SIZE);
	int rc = pthread_create(&thread, &attr, parse_with_tidy, job);
	pthread_attr_destroy(&attr);
	if (rc != 0)
		return set_error(errp, _("cannot start the HTML parser thread"));
	pthread_join(thread, NULL);
	if (job->overrun == TIDY_STACK_OVERRUN || job->overrun == TIDY_MEMORY_OVERRUN)
		return set_error(
		        errp,
		        _("the page is too intricate for the HTML parser (tidy would need more than its %u MB of %s)"),
		        job->overrun == TIDY_STACK_OVERRUN ? TIDY_STACK_BUDGET >> 20
		                                           : (unsigned)(job->memory_budget >> 20),
		        job->overrun == TIDY_STACK_OVERRUN ? _("stack") : _("memory"));
	if (job->overrun == TIDY_TIME_OVERRUN)
		return set_error(
		        errp,
		        _("the page is too intricate for the HTML parser (tidy was still reading it after %.1f s of CPU)"),
		        job->seconds);
	if (job->status < 0)
		return set_error(errp, _("the HTML parser failed (tidy status %d)"), job->status);
	return 0;
}

/* A "<!DOCTYPE"-like declaration after the first markup sends tidy 5.6
 * into endless recursion inside some elements ("<button <!D p><p", found
 * by fuzzing: a stack overflow however large the stack). Browsers ignore
 * such declarations; here their '!' becomes a space in `rewrite` (the
 * same text, writable), so tidy reads them as text; with rewrite NULL,
 * says whether there is one. Comment openers ("<!--") and a leading
 * declaration are left alone. */
static bool late_declarations(const char *text, size_t len, char *rewrite)
{
	bool seen_markup = false, found = false;
	for (size_t i = 0; i + 1 < len; i++) {
		const char *lt = memchr(text + i, '<', len - 1 - i);
		if (!lt)
			break;
		i = (size_t)(lt - text);
		if (text[i + 1] == '!' && i + 3 < len && text[i + 2] == '-' && text[i + 3] == '-') {
			/* The opener stays, but what follows is scanned too: tidy
			 * does not read "<!--" inside a tag as a comment, so
			 * "<s<!--<button <!D p><p" recursed past a skipped body
			 * (found by fuzzing). A comment's text is dropped anyway. */
			i += 3;
		} else if (text[i + 1] == '!' && seen_markup) {
			if (!rewrite)
				return true;
			rewrite[i + 1] = ' ';
			found = true;
		}
		seen_markup = true;
	}
	return found;
}

/* What tidy reads: the page's own bytes when they are clean UTF-8 with
 * nothing to neutralise (no copy of a large page beside its trees), else
 * a cleaned UTF-8 copy in *copy (NULL when there is none). */
static int page_text(const char *bytes, size_t len, const char *charset, const char **text,
                     size_t *text_len, char **copy, char **errp)
{
	*copy = NULL;
	if (charset_utf8_unchanged(bytes, len, charset) && !late_declarations(bytes, len, NULL)) {
		*text = bytes;
		*text_len = len;
		return 0;
	}
	if (charset_to_utf8(bytes, len, charset, copy, text_len, errp) < 0)
		return -1;
	/* charset_to_utf8 leaves no NUL inside (they become U+FFFD). */
	late_declarations(*copy, *text_len, *copy);
	*text = *copy;
	return 0;
}

/* What tidy would take too long on, or recurse too deeply into, is refused
 * before it starts. */
static bool prescan_refuses(const char *bytes, size_t len, struct html_prescan *scan, char **errp)
{
	static const struct html_prescan_limits limits = {
		.depth = HTML_MAX_DEPTH,
		.element_attributes = HTML_MAX_ELEMENT_ATTRIBUTES,
		.work = HTML_MAX_WORK,
	};
	html_prescan(bytes, len, &limits, scan);
	if (scan->depth > HTML_MAX_DEPTH)
		set_error(errp, _("page nested too deeply (%zu levels, the limit is %u)"),
		          scan->depth, HTML_MAX_DEPTH);
	else if (scan->element_attributes > HTML_MAX_ELEMENT_ATTRIBUTES)
		set_error(errp, _("too many attributes on one element (%zu, the limit is %u)"),
		          scan->element_attributes, HTML_MAX_ELEMENT_ATTRIBUTES);
	else if (html_prescan_work(scan) > HTML_MAX_WORK)
		set_error(
		        errp,
		        _("too much markup to parse in time (more than %u tags, character references and attributes, an attribute counting %u)"),
		        HTML_MAX_WORK, HTML_PRESCAN_ATTRIBUTE_WORK);
	else
		return false;
	return true;
}

int html_parse(const char *bytes, size_t len, const char *content_type, struct html_doc **out,
               char **errp)
{
	*out = NULL;
	if (len > HTML_MAX_BYTES)
		return set_error(errp, _("page too large (%zu bytes, the limit is %u)"), len,
		                 HTML_MAX_BYTES);
	const char *charset = charset_detect(bytes, len, content_type, NULL);
	const char *text;
	size_t text_len;
	char *copy;
	if (page_text(bytes, len, charset, &text, &text_len, &copy, errp) < 0)
		return -1;
	/* The pre-scan reads what tidy will read: a UTF-16 page's markup is
	 * only visible once converted. */
	struct html_prescan scan;
	if (prescan_refuses(text, text_len, &scan, errp)) {
		free(copy);
		return -1;
	}

	struct html_doc *doc = xcalloc(1, sizeof(*doc));
	doc->arena = xcalloc(1, sizeof(*doc->arena));
	doc->charset = charset;
	doc->root = arena_alloc(doc->arena, sizeof(*doc->root));
	memset(doc->root, 0, sizeof(*doc->root));
	doc->root->type = HTML_ROOT;

	struct parse_job job = { .text = text,
		                 .len = text_len,
		                 .copy = copy,
		                 .doc = doc,
		                 .memory_budget = TIDY_MEMORY_BASE +
		                                  TIDY_MEMORY_PER_BYTE * text_len,
		                 .seconds = tidy_seconds(text_len, html_prescan_work(&scan)) };
	int rc = run_tidy(&job, errp);
	free(job.copy); /* still here when tidy stopped before reading it all */
	if (rc < 0) {
		html_doc_free(&doc);
		return -1;
	}
	*out = doc;
	return 0;
}

void html_doc_free(struct html_doc **doc)
{
	if (!doc || !*doc)
		return;
	arena_free((*doc)->arena);
	free(*doc);
	*doc = NULL;
}
