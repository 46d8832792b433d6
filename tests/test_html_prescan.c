/* Unit tests for html_prescan.c: what it counts of a page, and where it
 * stops. One TAP line per row. */
#include "config.h"

#include "util/strbuf.h"
#include "web/html_prescan.h"
#include "test_cases.h"

struct count_case {
	const char *name, *page;
	size_t depth, tags, attributes, element_attributes, references;
};

static const struct count_case count_cases[] = {
	{ "empty", "", 0, 0, 0, 0, 0 },
	{ "text only", "R\xc3\xa9gie & co", 0, 0, 0, 0, 0 },
	{ "a '<' in text is not a tag", "a < b > c <3 d", 0, 0, 0, 0, 0 },
	{ "nor hides the tags after it", "a < \"b\" <div><div>", 2, 2, 0, 0, 0 },
	{ "nesting", "<div><div><b>x</b></div></div>", 3, 6, 0, 0, 0 },
	{ "omitted end tags do not nest", "<p>a<p>b<li>c<br><img src=x>", 0, 5, 1, 1, 0 },
	{ "a new cell closes the previous one's content",
	  "<table><tr><td><font>a<td><font>b</table>", 2, 7, 0, 0, 0 },
	{ "attributes counted by name", "<input type=checkbox name=\"fact[]\" value='912' checked>",
	  0, 1, 4, 4, 0 },
	{ "spaces around '='", "<a href = \"x\" title= y class =z>", 1, 1, 3, 3, 0 },
	{ "'>' and names inside quoted values", "<a title=\"a > b c=d\" onclick='x(\"e\")'>", 1, 1,
	  2, 2, 0 },
	{ "a value followed by a name without a space", "<a b=\"1\"c=2 d>", 1, 1, 3, 3, 0 },
	{ "slashes", "<br/><img src=a/b.gif/><a href=/x/ / c>", 1, 3, 3, 2, 0 },
	{ "the most on one element", "<i a b c></i><i d></i>", 1, 4, 4, 3, 0 },
	{ "end tags' attributes count too", "<i></i a b>", 1, 2, 2, 2, 0 },
	{ "references", "&nbsp;&#233;&#x20AC;&amp; && &; a&b", 0, 0, 0, 0, 5 },
	{ "references in values", "<a title=\"&eacute;&#1;\">", 1, 1, 1, 1, 2 },
	{ "comments, declarations, processing instructions",
	  "<!DOCTYPE html><!-- <div><div> --><?xml x?>", 0, 3, 0, 0, 0 },
	{ "raw text is skipped", "<script>if (a<b) { x = '<div>'; }</script>", 0, 2, 0, 0, 0 },
	{ "an unclosed quote ends the scan", "<a title=\"x><div><div>", 1, 1, 1, 1, 0 },
};

static void test_counts(void **state)
{
	const struct count_case *c = *state;
	static const struct html_prescan_limits none = { 0, 0, 0 };
	struct html_prescan got;
	html_prescan(c->page, strlen(c->page), &none, &got);
	if (got.depth != c->depth || got.tags != c->tags || got.attributes != c->attributes ||
	    got.element_attributes != c->element_attributes || got.references != c->references)
		fail_msg("got depth %zu, %zu tags, %zu attributes (%zu on one), %zu references; "
		         "want %zu, %zu, %zu (%zu), %zu",
		         got.depth, got.tags, got.attributes, got.element_attributes,
		         got.references, c->depth, c->tags, c->attributes, c->element_attributes,
		         c->references);
}

static char *repeat(const char *s, size_t times)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < times; i++)
		strbuf_puts(&sb, s);
	return strbuf_detach(&sb);
}

static void test_work_weighs_attributes(void **state)
{
	struct html_prescan scan = { .tags = 3, .attributes = 5, .references = 7 };
	(void)state;
	assert_int_equal(html_prescan_work(&scan), 3 + 7 + 5 * HTML_PRESCAN_ATTRIBUTE_WORK);
}

/* The scan stops as soon as a limit is passed, and not before. */
static void test_stops_past_each_limit(void **state)
{
	static const struct html_prescan_limits limits = { 4, 3, 100 };
	struct html_prescan scan;
	(void)state;

	char *deep = repeat("<b>", 1000);
	html_prescan(deep, strlen(deep), &limits, &scan);
	assert_int_equal(scan.depth, 5);
	assert_int_equal(scan.tags, 5);
	free(deep);

	char *wide = repeat("<i a b c d></i>", 1000);
	html_prescan(wide, strlen(wide), &limits, &scan);
	assert_int_equal(scan.element_attributes, 4);
	assert_int_equal(scan.tags, 1);
	free(wide);

	char *many = repeat("</x>", 1000);
	html_prescan(many, strlen(many), &limits, &scan);
	assert_int_equal(html_prescan_work(&scan), 101);
	free(many);

	char *within = repeat("<i a b c></i>", 100 / (2 + 3 * HTML_PRESCAN_ATTRIBUTE_WORK));
	html_prescan(within, strlen(within), &limits, &scan);
	assert_true(html_prescan_work(&scan) <= 100);
	assert_int_equal(scan.tags, 2 * (100 / (2 + 3 * HTML_PRESCAN_ATTRIBUTE_WORK)));
	free(within);
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_work_weighs_attributes),
		cmocka_unit_test(test_stops_past_each_limit),
	};
	struct CMUnitTest tests[COUNT(fixed) + COUNT(count_cases)];
	size_t n = 0, named;
	TEST_CASES_ADD(tests, n, count_cases, test_counts, "counts: ");
	named = n;
	for (size_t i = 0; i < COUNT(fixed); i++)
		tests[n++] = fixed[i];
	int rc = _cmocka_run_group_tests("html_prescan", tests, n, NULL, NULL);
	test_cases_free_names(tests, named);
	return rc;
}
