/* The HTML layer: parsing messy pages, queries, visible text, limits. */
#include "config.h"

#include "util/strbuf.h"
#include "util/xalloc.h"
#include "test_util.h"

static void test_empty_input_parses(void **state)
{
	struct html_doc *doc = parse_html("");
	assert_non_null(doc->root);
	html_doc_free(&doc);
	assert_null(doc);
	html_doc_free(&doc); /* NULL is fine */
}

static void test_uppercase_tags_become_lowercase(void **state)
{
	struct html_doc *doc = parse_html("<HTML><BODY><TABLE><TR><TD CLASS=Entete>x</TABLE>");
	struct html_node *td = html_find(doc->root, "td");
	assert_non_null(td);
	assert_string_equal(html_attr(td, "class"), "Entete");
	assert_true(html_has_class(td, "entete"));
	html_doc_free(&doc);
}

static void test_entities_are_decoded(void **state)
{
	struct html_doc *doc = parse_html("<p>N&deg;&nbsp;de la facture &euro; caf&eacute; &#233;"
	                                  "<a href=\"a.php?x=1&amp;y=2\">l</a>");
	char *text = html_text(html_find(doc->root, "p"));
	assert_string_equal(text, "N° de la facture € café él");
	free(text);
	assert_string_equal(html_attr(html_find(doc->root, "a"), "href"), "a.php?x=1&y=2");
	html_doc_free(&doc);
}

static void test_visible_text_collapses_space_and_skips_scripts(void **state)
{
	struct html_doc *doc = parse_html(
	        "<div>  Date de la<br>facture\n\t<script>var a = '<b>x</b>';</script>"
	        "<style>p{}</style><b>A</b><i>B</i></div>");
	char *text = html_text(html_find(doc->root, "div"));
	assert_string_equal(text, "Date de la facture AB");
	free(text);
	html_doc_free(&doc);
}

static void test_text_empty(void **state)
{
	struct html_doc *doc = parse_html("<table><tr><td>&nbsp; </td><td><img src=x></td>"
	                                  "<td> x </td></tr></table>");
	struct html_node *td = html_find(doc->root, "td");
	assert_true(html_text_empty(td));
	td = html_find_next(td, doc->root, "td");
	assert_true(html_text_empty(td));
	td = html_find_next(td, doc->root, "td");
	assert_false(html_text_empty(td));
	html_doc_free(&doc);
}

static void test_latin1_bytes_from_meta(void **state)
{
	const char page[] = "<html><head><meta http-equiv=\"Content-Type\" "
	                    "content=\"text/html; charset=iso-8859-1\"></head>"
	                    "<body><p>Montant d\xfb \xe0 r\xe9gler</p></body></html>";
	struct html_doc *doc = NULL;
	char *err = NULL;
	assert_int_equal(html_parse(page, sizeof(page) - 1, NULL, &doc, &err), 0);
	char *text = html_text(html_find(doc->root, "p"));
	assert_string_equal(text, "Montant dû à régler");
	free(text);
	html_doc_free(&doc);
}

static void test_http_charset_wins_over_meta(void **state)
{
	const char page[] = "<meta charset=\"iso-8859-1\"><p>Montant d\xc3\xbb</p>";
	struct html_doc *doc = NULL;
	char *err = NULL;
	assert_int_equal(html_parse(page, sizeof(page) - 1, "text/html; charset=UTF-8", &doc, &err),
	                 0);
	char *text = html_text(html_find(doc->root, "p"));
	assert_string_equal(text, "Montant dû");
	free(text);
	html_doc_free(&doc);
}

static void test_nul_bytes_do_not_truncate(void **state)
{
	const char page[] = "<p>a\0b</p><p>after</p>";
	struct html_doc *doc = NULL;
	char *err = NULL;
	assert_int_equal(html_parse(page, sizeof(page) - 1, NULL, &doc, &err), 0);
	struct html_node *p = html_find(doc->root, "p");
	p = html_find_next(p, doc->root, "p");
	assert_non_null(p);
	char *text = html_text(p);
	assert_string_equal(text, "after");
	free(text);
	html_doc_free(&doc);
}

static char *repeat(const char *s, size_t times)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < times; i++)
		strbuf_puts(&sb, s);
	return strbuf_detach(&sb);
}

static void test_deep_nesting_is_refused_before_tidy(void **state)
{
	char *page = repeat("<b>", 16384); /* tidy-html5 #850 */
	struct html_doc *doc = NULL;
	char *err = NULL;
	assert_int_equal(html_parse(page, strlen(page), NULL, &doc, &err), -1);
	assert_null(doc);
	assert_non_null(strstr(err, "nested too deeply"));
	free(err);
	free(page);
}

static void test_nesting_just_under_the_limit_parses(void **state)
{
	char *page = repeat("<div>", HTML_MAX_DEPTH);
	struct html_doc *doc = NULL;
	char *err = NULL;
	assert_int_equal(html_parse(page, strlen(page), NULL, &doc, &err), 0);
	html_doc_free(&doc);
	free(page);
}

static void test_unclosed_cells_do_not_count_as_nesting(void **state)
{
	/* 20,000 rows each leaving a <font> open: a browser closes them at each
	 * new cell, and so must the depth guard. */
	char *rows = repeat("<tr><td><font color=red>x<td>y", 20000);
	char *page = xasprintf("<table>%s</table>", rows);
	struct html_doc *doc = NULL;
	char *err = NULL;
	assert_int_equal(html_parse(page, strlen(page), NULL, &doc, &err), 0);
	html_doc_free(&doc);
	free(page);
	free(rows);
}

static void test_late_declaration_does_not_crash_tidy(void **state)
{
	/* Found by fuzzing: tidy 5.6 recursed without end on this page. */
	static const char *const pages[] = { "<button <!D p><p", "<p>a<!DOCTYPE html><button>",
		                             "<!DOCTYPE html><p><!-- <!D --><button>x</button>",
		                             "<s<!--<button <head/<!D C \"\">f",
		                             "<s<!--<button <!D p><p-->" };
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		struct html_doc *doc = NULL;
		char *err = NULL;
		assert_int_equal(html_parse(pages[i], strlen(pages[i]), NULL, &doc, &err), 0);
		html_doc_free(&doc);
	}
}

/* A 100 KB attribute on an open <font>, then 1,000 blocks in each of which
 * tidy re-opens the <font>, attribute copied: tidy would hold 100 MB for a
 * 109 KB page, past its budget (html.c). Refused, and nothing tidy held
 * leaks. */
static void test_page_beyond_tidys_memory_budget_is_refused(void **state)
{
	char *value = repeat("x", 100 * 1000);
	char *blocks = repeat("<center>x</center>", 1000);
	char *page = xasprintf("<font title=\"%s\">%s", value, blocks);
	struct html_doc *doc = NULL;
	char *err = NULL;
	assert_int_equal(html_parse(page, strlen(page), NULL, &doc, &err), -1);
	assert_null(doc);
	assert_non_null(strstr(err, "too intricate"));
	assert_non_null(strstr(err, "MB of memory"));
	free(err);
	free(page);
	free(blocks);
	free(value);
}

/* n attributes on one <div>: "a0 a1 a2...". */
static char *element_with_attributes(size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_puts(&sb, "<html><body><div");
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, " a%zu=1", i);
	strbuf_puts(&sb, ">x</div></body></html>");
	return strbuf_detach(&sb);
}

/* 200,000 attributes on one tag (1.9 MB) cost tidy 39 s of CPU before its
 * time budget refused the page: the pre-scan refuses it first. */
static void test_too_many_attributes_on_one_element_are_refused(void **state)
{
	static const size_t counts[] = { 200 * 1000, HTML_MAX_ELEMENT_ATTRIBUTES + 1 };
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		char *page = element_with_attributes(counts[i]);
		struct html_doc *doc = NULL;
		char *err = NULL;
		assert_int_equal(html_parse(page, strlen(page), NULL, &doc, &err), -1);
		assert_null(doc);
		if (!strstr(err, "too many attributes on one element"))
			fail_msg("%zu attributes: \"%s\"", counts[i], err);
		free(err);
		free(page);
	}
	char *page = element_with_attributes(HTML_MAX_ELEMENT_ATTRIBUTES);
	struct html_doc *doc = NULL;
	char *err = NULL;
	assert_int_equal(html_parse(page, strlen(page), NULL, &doc, &err), 0);
	assert_int_equal(html_find(doc->root, "div")->nattrs, HTML_MAX_ELEMENT_ATTRIBUTES);
	html_doc_free(&doc);
	free(page);
}

/* Each shape just past the work the pre-scan allows: refused before tidy
 * sees it (test_html_prescan checks that one unit less is within). */
static void test_too_much_markup_is_refused(void **state)
{
	static const struct {
		const char *unit;
		size_t work;
	} shapes[] = {
		{ "</x>", 1 },                   /* stray end tags */
		{ "&zz;", 1 },                   /* bad references */
		{ "<!---->", 1 },                /* comments */
		{ "<i a b c d e f g></i>", 16 }, /* bare attributes: 2 tags, 7 × 2 */
	};
	for (size_t i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
		char *page = repeat(shapes[i].unit, HTML_MAX_WORK / shapes[i].work + 1);
		struct html_doc *doc = NULL;
		char *err = NULL;
		assert_int_equal(html_parse(page, strlen(page), NULL, &doc, &err), -1);
		assert_null(doc);
		if (!strstr(err, "too much markup"))
			fail_msg("%s: \"%s\"", shapes[i].unit, err);
		free(err);
		free(page);
	}
}

/* A UTF-16 page's markup is seen by the pre-scan once converted: its
 * NULs between ASCII letters hid every tag from it. */
static char *utf16le(const char *ascii, size_t *len)
{
	size_t n = strlen(ascii);
	char *out = xmalloc(2 * n + 2);
	out[0] = '\xff';
	out[1] = '\xfe';
	for (size_t i = 0; i < n; i++) {
		out[2 + 2 * i] = ascii[i];
		out[3 + 2 * i] = '\0';
	}
	*len = 2 * n + 2;
	return out;
}

static void test_utf16_pages_are_prescanned_too(void **state)
{
	char *deep = repeat("<b>", 16384);
	char *wide = element_with_attributes(HTML_MAX_ELEMENT_ATTRIBUTES + 1);
	const struct {
		const char *ascii, *want;
	} pages[] = { { deep, "nested too deeply" }, { wide, "too many attributes" } };
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		size_t len;
		char *page = utf16le(pages[i].ascii, &len);
		struct html_doc *doc = NULL;
		char *err = NULL;
		assert_int_equal(html_parse(page, len, NULL, &doc, &err), -1);
		if (!strstr(err, pages[i].want))
			fail_msg("\"%s\" does not say \"%s\"", err, pages[i].want);
		free(err);
		free(page);
	}
	free(wide);
	free(deep);
}

static void test_oversized_page_is_refused(void **state)
{
	size_t len = HTML_MAX_BYTES + 1;
	char *page = xmalloc(len);
	memset(page, 'a', len);
	struct html_doc *doc = NULL;
	char *err = NULL;
	assert_int_equal(html_parse(page, len, NULL, &doc, &err), -1);
	assert_non_null(strstr(err, "too large"));
	free(err);
	free(page);
}

static void test_traversal_order_and_ancestors(void **state)
{
	struct html_doc *doc = parse_html("<div id=a><p id=b><span id=c>t</span></p><p id=d></p>"
	                                  "</div>");
	struct html_node *a = html_find(doc->root, "div");
	struct html_node *c = html_find(a, "span");
	struct html_node *d = html_find_next(c, doc->root, "p");
	assert_string_equal(html_attr(d, "id"), "d");
	assert_true(html_is_ancestor(a, c));
	assert_false(html_is_ancestor(c, a));
	assert_ptr_equal(html_ancestor(c, "div"), a);
	assert_null(html_ancestor(a, "table"));
	assert_ptr_equal(html_prev(d)->parent, c); /* the text inside span */
	assert_true(c->order < d->order);
	html_doc_free(&doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_input_parses),
		cmocka_unit_test(test_uppercase_tags_become_lowercase),
		cmocka_unit_test(test_entities_are_decoded),
		cmocka_unit_test(test_visible_text_collapses_space_and_skips_scripts),
		cmocka_unit_test(test_text_empty),
		cmocka_unit_test(test_latin1_bytes_from_meta),
		cmocka_unit_test(test_http_charset_wins_over_meta),
		cmocka_unit_test(test_nul_bytes_do_not_truncate),
		cmocka_unit_test(test_deep_nesting_is_refused_before_tidy),
		cmocka_unit_test(test_nesting_just_under_the_limit_parses),
		cmocka_unit_test(test_unclosed_cells_do_not_count_as_nesting),
		cmocka_unit_test(test_late_declaration_does_not_crash_tidy),
		cmocka_unit_test(test_page_beyond_tidys_memory_budget_is_refused),
		cmocka_unit_test(test_too_many_attributes_on_one_element_are_refused),
		cmocka_unit_test(test_too_much_markup_is_refused),
		cmocka_unit_test(test_utf16_pages_are_prescanned_too),
		cmocka_unit_test(test_oversized_page_is_refused),
		cmocka_unit_test(test_traversal_order_and_ancestors),
	};
	return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
