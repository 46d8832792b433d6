/* Tables: own rows only, header detection, colspan. */
#include "config.h"

#include "web/table.h"
#include "test_util.h"

static struct table *first_table(struct html_doc *doc)
{
	return table_from_node(html_find(doc->root, "table"));
}

static void test_empty_table(void **state)
{
	struct html_doc *doc = parse_html("<table></table>");
	struct table *t = first_table(doc);
	assert_int_equal(t->nrows, 0);
	assert_int_equal(t->header_row, -1);
	table_free(&t);
	assert_null(t);
	table_free(&t);
	html_doc_free(&doc);
}

static void test_th_header_row(void **state)
{
	struct html_doc *doc = parse_html("<table><caption> Ma r&eacute;gie </caption>"
	                                  "<tr><th>A</th><th>B</th></tr><tr><td>1<td>2</table>");
	struct table *t = first_table(doc);
	assert_string_equal(t->caption, "Ma régie");
	assert_int_equal(t->nrows, 2);
	assert_int_equal(t->header_row, 0);
	assert_true(t->rows[0].cells[0].is_th);
	assert_string_equal(t->rows[1].cells[1].text, "2");
	table_free(&t);
	html_doc_free(&doc);
}

static void test_entete_class_header_row(void **state)
{
	struct html_doc *doc = parse_html("<TABLE><TR><TD colspan=2>MAIRIE</TD></TR>"
	                                  "<TR><TD CLASS=\"entete\"><B>N&deg;</B><TD class=entete>"
	                                  "Solde<TR><TD>F1<TD>1,00</TABLE>");
	struct table *t = first_table(doc);
	assert_int_equal(t->nrows, 3);
	assert_int_equal(t->header_row, 1);
	assert_false(t->rows[0].looks_like_header);
	assert_string_equal(t->rows[1].cells[0].text, "N°");
	table_free(&t);
	html_doc_free(&doc);
}

static void test_thead_header_row(void **state)
{
	struct html_doc *doc = parse_html("<table><thead><tr><td>A</td></tr></thead>"
	                                  "<tbody><tr><td>1</td></tr></tbody></table>");
	struct table *t = first_table(doc);
	assert_int_equal(t->header_row, 0);
	assert_false(t->rows[1].looks_like_header);
	table_free(&t);
	html_doc_free(&doc);
}

static void test_colspan_columns(void **state)
{
	struct html_doc *doc = parse_html("<table><tr><td colspan=3>Solde d&ucirc;:</td>"
	                                  "<td>226,11</td><td colspan=0>x</td>"
	                                  "<td colspan=99999>y</td></tr></table>");
	struct table *t = first_table(doc);
	const struct table_row *row = &t->rows[0];
	assert_int_equal(row->cells[1].col, 3);
	assert_int_equal(row->cells[2].colspan, 1);
	assert_int_equal(row->cells[3].colspan, 1000);
	assert_ptr_equal(table_row_cell_at(row, 2), &row->cells[0]);
	assert_ptr_equal(table_row_cell_at(row, 3), &row->cells[1]);
	assert_null(table_row_cell_at(row, 5000));
	table_free(&t);
	html_doc_free(&doc);
}

static void test_nested_table_rows_stay_nested(void **state)
{
	struct html_doc *doc = parse_html("<table><tr><td><table><tr><td>in</td></tr>"
	                                  "<tr><td>in2</td></tr></table></td></tr></table>");
	struct table *outer = first_table(doc);
	assert_int_equal(outer->nrows, 1);
	struct table *inner = table_from_node(html_find(html_find(doc->root, "table"), "table"));
	assert_int_equal(inner->nrows, 2);
	table_free(&outer);
	table_free(&inner);
	html_doc_free(&doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_table),
		cmocka_unit_test(test_th_header_row),
		cmocka_unit_test(test_entete_class_header_row),
		cmocka_unit_test(test_thead_header_row),
		cmocka_unit_test(test_colspan_columns),
		cmocka_unit_test(test_nested_table_rows_stay_nested),
	};
	return cmocka_run_group_tests_name("table", tests, NULL, NULL);
}
