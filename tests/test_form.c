/* Forms: every control kind, and controls that tidy separated from their
 * form. */
#include "config.h"

#include <stdio.h>

#include "util/strbuf.h"
#include "web/form.h"
#include "test_util.h"

static const struct form_control *control(const struct form *f, const char *name)
{
	for (size_t i = 0; i < f->ncontrols; i++)
		if (strcmp(f->controls[i].name, name) == 0)
			return &f->controls[i];
	fail_msg("no control named %s", name);
	return NULL;
}

/* Controls, labels and the document-order index grow past several
 * doublings (xappend_room) and keep every control in place. */
static void test_many_controls_keep_their_order(void **state)
{
	struct strbuf page = STRBUF_INIT;
	strbuf_puts(&page, "<form action=a.php5><table>");
	for (int i = 0; i < 150; i++)
		strbuf_printf(&page,
		              "<tr><td><label for=c%d>L%d</label><input type=checkbox "
		              "id=c%d name=f%d value=%d></tr>",
		              i, i, i, i, i);
	strbuf_puts(&page, "</table></form>");
	char *html = strbuf_detach(&page);
	struct html_doc *doc = parse_html(html);
	struct form_list *list = form_list_from_doc(doc);
	assert_int_equal(list->count, 1);
	assert_int_equal(list->forms[0].ncontrols, 150);
	assert_int_equal(list->ncontrols, 150);
	for (size_t i = 0; i < 150; i++) {
		char name[16];
		snprintf(name, sizeof(name), "f%zu", i);
		assert_string_equal(list->forms[0].controls[i].name, name);
		snprintf(name, sizeof(name), "L%zu", i);
		assert_string_equal(list->forms[0].controls[i].label, name);
		assert_int_equal(list->by_order[i].control, i);
	}
	form_list_free(&list);
	html_doc_free(&doc);
	free(html);
}

static void test_page_without_forms(void **state)
{
	struct html_doc *doc = parse_html("<p>rien</p><input name=orphan>");
	struct form_list *list = form_list_from_doc(doc);
	assert_int_equal(list->count, 0);
	form_list_free(&list);
	assert_null(list);
	form_list_free(&list);
	html_doc_free(&doc);
}

static void test_form_attributes_and_defaults(void **state)
{
	struct html_doc *doc = parse_html(
	        "<form action=\"login.php5?x=1&amp;y=2\" METHOD=Post accept-charset=\"ISO-8859-1\" "
	        "name=frm target=_blank onsubmit=\"return check()\"></form><form></form>");
	struct form_list *list = form_list_from_doc(doc);
	assert_int_equal(list->count, 2);
	const struct form *f = &list->forms[0];
	assert_string_equal(f->action, "login.php5?x=1&y=2");
	assert_string_equal(f->method, "POST");
	assert_string_equal(f->enctype, "application/x-www-form-urlencoded");
	assert_string_equal(f->accept_charset, "ISO-8859-1");
	assert_string_equal(f->name, "frm");
	assert_string_equal(f->target, "_blank");
	assert_string_equal(f->onsubmit, "return check()");
	f = &list->forms[1];
	assert_string_equal(f->action, "");
	assert_string_equal(f->method, "GET");
	assert_null(f->accept_charset);
	assert_null(f->target);
	form_list_free(&list);
	html_doc_free(&doc);
}

static void test_every_control_kind(void **state)
{
	struct html_doc *doc = parse_html(
	        "<form method=post enctype=\"multipart/form-data\">"
	        "<label for=l>Identifiant</label><input id=l name=txtLogin value=\"jo\">"
	        "<label>Mot de passe <input type=PASSWORD name=txtPassword></label>"
	        "<input type=hidden name=token value=\"a&amp;b\">"
	        "<input type=checkbox name=c1 checked><input type=checkbox name=c2 value=7 disabled>"
	        "<input type=radio name=r value=a><input type=radio name=r value=b checked>"
	        "<select name=s><option>un<option value=2 selected>deux</select>"
	        "<textarea name=t>ligne 1\n  ligne 2</textarea>"
	        "<input type=image name=img alt=\"Payer\" src=p.gif>"
	        "<button name=b value=v>R&egrave;glement</button>"
	        "<button type=button name=bb onclick=\"history.back()\">Retour</button>"
	        "<input type=submit name=go value=\"Se connecter\"><input type=reset name=rs>"
	        "<input type=file name=f><input type=email name=e></form>");
	struct form_list *list = form_list_from_doc(doc);
	assert_int_equal(list->count, 1);
	const struct form *f = &list->forms[0];
	assert_string_equal(f->enctype, "multipart/form-data");
	assert_int_equal(control(f, "txtLogin")->kind, FC_TEXT);
	assert_string_equal(control(f, "txtLogin")->label, "Identifiant");
	assert_string_equal(control(f, "txtLogin")->value, "jo");
	assert_int_equal(control(f, "txtPassword")->kind, FC_PASSWORD);
	assert_string_equal(control(f, "txtPassword")->label, "Mot de passe");
	assert_string_equal(control(f, "token")->value, "a&b");
	assert_true(control(f, "c1")->checked);
	assert_string_equal(control(f, "c1")->value, "on");
	assert_true(control(f, "c2")->disabled);
	assert_false(control(f, "c2")->checked);
	const struct form_control *s = control(f, "s");
	assert_int_equal(s->kind, FC_SELECT);
	assert_int_equal(s->noptions, 2);
	assert_string_equal(s->options[0].value, "un");
	assert_true(s->options[1].selected);
	assert_string_equal(control(f, "t")->value, "ligne 1\n  ligne 2");
	assert_int_equal(control(f, "img")->kind, FC_IMAGE);
	assert_string_equal(control(f, "img")->label, "Payer");
	assert_int_equal(control(f, "b")->kind, FC_SUBMIT);
	assert_string_equal(control(f, "b")->label, "Règlement");
	assert_int_equal(control(f, "bb")->kind, FC_BUTTON);
	assert_string_equal(control(f, "bb")->onclick, "history.back()");
	assert_true(form_control_is_submit(control(f, "go")));
	assert_false(form_control_is_submit(control(f, "bb")));
	assert_int_equal(control(f, "rs")->kind, FC_RESET);
	assert_int_equal(control(f, "f")->kind, FC_FILE);
	assert_int_equal(control(f, "e")->kind, FC_TEXT);
	form_list_free(&list);
	html_doc_free(&doc);
}

static void test_form_opened_between_table_and_tr(void **state)
{
	/* tidy moves such a form out of the table: its controls still belong
	 * to it, as in a browser. */
	struct html_doc *doc = parse_html(
	        "<table><form name=f1 method=post action=pay.php5><tr><td>"
	        "<input type=checkbox name=\"fact[]\" value=1 checked>"
	        "<tr><td><input type=submit name=regl value=\"R&egrave;glement\"></table></form>"
	        "<form name=f2><input name=q></form>");
	struct form_list *list = form_list_from_doc(doc);
	assert_int_equal(list->count, 2);
	assert_int_equal(list->forms[0].ncontrols, 2);
	assert_string_equal(list->forms[0].controls[0].name, "fact[]");
	assert_string_equal(list->forms[0].controls[1].name, "regl");
	assert_int_equal(list->forms[1].ncontrols, 1);
	size_t index = 99;
	const struct form_control *c = form_list_control_for_node(
	        list, list->forms[1].controls[0].node, &index);
	assert_ptr_equal(c, &list->forms[1].controls[0]);
	assert_int_equal(index, 1);
	assert_null(form_list_control_for_node(list, doc->root, &index));
	form_list_free(&list);
	html_doc_free(&doc);
}

static void test_form_moved_with_its_hidden_inputs(void **state)
{
	/* tidy moves the form and the hidden inputs written before the first
	 * <tr> out of the table; the row controls still belong to it, but not
	 * a control after a form that shows something. */
	struct html_doc *doc = parse_html(
	        "<table><form name=f1 method=post><input type=hidden name=regie value=1>"
	        "<tr><td><input type=checkbox name=\"fact[]\" value=912 checked>"
	        "<tr><td><input type=submit name=regl value=R></table></form>"
	        "<form name=f2><p>Recherche <input name=q></form><input name=orphan>");
	struct form_list *list = form_list_from_doc(doc);
	assert_int_equal(list->count, 2);
	assert_int_equal(list->forms[0].ncontrols, 3);
	assert_string_equal(list->forms[0].controls[0].name, "regie");
	assert_string_equal(list->forms[0].controls[1].name, "fact[]");
	assert_string_equal(list->forms[0].controls[2].name, "regl");
	assert_int_equal(list->forms[1].ncontrols, 1);
	form_list_free(&list);
	html_doc_free(&doc);
}

static void test_form_attribute_names_its_owner(void **state)
{
	struct html_doc *doc = parse_html("<form id=a></form><form id=b><input name=x></form>"
	                                  "<input name=y form=a>");
	struct form_list *list = form_list_from_doc(doc);
	assert_int_equal(list->forms[0].ncontrols, 1);
	assert_string_equal(list->forms[0].controls[0].name, "y");
	assert_int_equal(list->forms[1].ncontrols, 1);
	form_list_free(&list);
	html_doc_free(&doc);
}

/* Labels and forms are looked up by binary search: the first in document
 * order wins among equal ids, whatever their order once sorted, and each of
 * many forms keeps its own controls. */
static void test_lookups_find_the_first_in_document_order(void **state)
{
	struct strbuf page = STRBUF_INIT;
	strbuf_puts(&page, "<label for=z>first z</label><label for=a>a</label>"
	                   "<label for=z>second z</label><form id=dup name=one></form>"
	                   "<form id=dup name=two></form><input name=by-id form=dup>");
	for (int i = 299; i >= 0; i--)
		strbuf_printf(&page, "<form id=f%03d><input id=z name=c%d></form>", i, i);
	char *html = strbuf_detach(&page);
	struct html_doc *doc = parse_html(html);
	struct form_list *list = form_list_from_doc(doc);
	assert_int_equal(list->count, 302);
	assert_int_equal(list->forms[0].ncontrols, 1);
	assert_string_equal(list->forms[0].controls[0].name, "by-id");
	assert_int_equal(list->forms[1].ncontrols, 0);
	for (size_t i = 2; i < list->count; i++) {
		char name[16];
		snprintf(name, sizeof(name), "c%zu", 299 - (i - 2));
		assert_int_equal(list->forms[i].ncontrols, 1);
		assert_string_equal(list->forms[i].controls[0].name, name);
		assert_string_equal(list->forms[i].controls[0].label, "first z");
	}
	form_list_free(&list);
	html_doc_free(&doc);
	free(html);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page_without_forms),
		cmocka_unit_test(test_many_controls_keep_their_order),
		cmocka_unit_test(test_form_attributes_and_defaults),
		cmocka_unit_test(test_every_control_kind),
		cmocka_unit_test(test_form_opened_between_table_and_tr),
		cmocka_unit_test(test_form_moved_with_its_hidden_inputs),
		cmocka_unit_test(test_form_attribute_names_its_owner),
		cmocka_unit_test(test_lookups_find_the_first_in_document_order),
	};
	return cmocka_run_group_tests_name("form", tests, NULL, NULL);
}
