/* Unit tests for form_encode.c: byte-exact submissions as a browser sends them. */
#include "config.h"

#include <stdbool.h>

#include "web/form.h"
#include "web/form_encode.h"
#include "test_cases.h"
#include "test_util.h"

#define PAGE "http://127.0.0.1:8080/v4/login.php5?from=menu"

struct set {
	const char *control; /* name, or "#N" for the N-th control */
	const char *value;   /* NULL with check: a checked state */
	int check;           /* 0 leave, 1 check, -1 uncheck */
};

struct encode_case {
	const char *name;
	const char *html;
	const char *submitter; /* control name or "#N"; NULL = implicit submission */
	const char *charset;   /* the page's; NULL = UTF-8 */
	struct set sets[4];
	const char *method, *url, *content_type, *body, *request_charset;
	const char *error; /* expected error fragment instead */
};

static long control_index(const struct form *f, const char *ref)
{
	if (ref[0] == '#')
		return atol(ref + 1);
	for (size_t i = 0; i < f->ncontrols; i++)
		if (strcmp(f->controls[i].name, ref) == 0)
			return (long)i;
	fail_msg("no control %s", ref);
	return -1;
}

/* A table, aligned by hand: */
/* clang-format off */
static const struct encode_case cases[] = {
	{ "login POST with a password full of + & = %",
	  "<form method=post action=login.php5><input name=txtLogin value=famille>"
	  "<input type=password name=txtPassword><input type=hidden name=jeton value=\"a b\">"
	  "<input type=submit name=btnValider value=\"Se connecter\"></form>",
	  "btnValider", NULL, { { "txtPassword", "p+a&s=s%w\xc3\xa9 rd", 0 } },
	  "POST", "http://127.0.0.1:8080/v4/login.php5", "application/x-www-form-urlencoded",
	  "txtLogin=famille&txtPassword=p%2Ba%26s%3Ds%25w%C3%A9+rd&jeton=a+b&btnValider=Se+connecter",
	  "UTF-8", NULL },
	{ "latin-1 accept-charset: é as %E9, € as %80, ő as &#337;",
	  "<form method=post action=x.php5 accept-charset=\"ISO-8859-1\">"
	  "<input name=nom value=\"Zo\xc3\xa9 \xe2\x82\xac \xc5\x91\"></form>",
	  NULL, NULL, { { NULL, NULL, 0 } }, "POST", "http://127.0.0.1:8080/v4/x.php5",
	  "application/x-www-form-urlencoded", "nom=Zo%E9+%80+%26%23337%3B", "WINDOWS-1252", NULL },
	{ "latin-1 page charset without accept-charset",
	  "<form method=post action=x.php5>"
	  "<input name=\"pr\xc3\xa9nom\" value=\"L\xc3\xa9o\"></form>",
	  NULL, "windows-1252", { { NULL, NULL, 0 } }, "POST", "http://127.0.0.1:8080/v4/x.php5",
	  "application/x-www-form-urlencoded", "pr%E9nom=L%E9o", "WINDOWS-1252", NULL },
	{ "accept-charset skips unknown labels, commas allowed",
	  "<form method=post action=x accept-charset=\"x-klingon, utf-8\">"
	  "<input name=n value=\"\xc3\xa9\"></form>",
	  NULL, "windows-1252", { { NULL, NULL, 0 } }, "POST", "http://127.0.0.1:8080/v4/x",
	  "application/x-www-form-urlencoded", "n=%C3%A9", "UTF-8", NULL },
	{ "GET replaces the action's query and drops its fragment",
	  "<form action=\"recherche.php5?old=1#haut\"><input name=q value=\"a b&c\"></form>",
	  NULL, NULL, { { NULL, NULL, 0 } }, "GET",
	  "http://127.0.0.1:8080/v4/recherche.php5?q=a+b%26c", NULL, NULL, "UTF-8", NULL },
	{ "GET without fields ends in ?", "<form action=liste.php5?page=2></form>", NULL, NULL,
	  { { NULL, NULL, 0 } }, "GET", "http://127.0.0.1:8080/v4/liste.php5?", NULL, NULL,
	  "UTF-8", NULL },
	{ "empty action POSTs to the page URL with its query",
	  "<form method=post><input name=a value=1></form>", NULL, NULL, { { NULL, NULL, 0 } },
	  "POST", PAGE, "application/x-www-form-urlencoded", "a=1", "UTF-8", NULL },
	{ "image button sends name.x and name.y",
	  "<form method=post action=r.php5><input name=a value=1>"
	  "<input type=image name=btnPayer src=payer.gif alt=Payer></form>",
	  "btnPayer", NULL, { { NULL, NULL, 0 } }, "POST", "http://127.0.0.1:8080/v4/r.php5",
	  "application/x-www-form-urlencoded", "a=1&btnPayer.x=0&btnPayer.y=0", "UTF-8", NULL },
	{ "unnamed image button sends x and y",
	  "<form method=post action=r.php5><input type=image src=ok.gif></form>", "#0", NULL,
	  { { NULL, NULL, 0 } }, "POST", "http://127.0.0.1:8080/v4/r.php5",
	  "application/x-www-form-urlencoded", "x=0&y=0", "UTF-8", NULL },
	{ "disabled controls and disabled fieldsets are skipped (legend excepted)",
	  "<form method=post action=r><input name=a value=1 disabled><input name=b value=2>"
	  "<fieldset disabled><legend><input name=c value=3></legend><input name=d value=4>"
	  "</fieldset><select name=s disabled><option>x</select></form>",
	  NULL, NULL, { { NULL, NULL, 0 } }, "POST", "http://127.0.0.1:8080/v4/r",
	  "application/x-www-form-urlencoded", "b=2&c=3", "UTF-8", NULL },
	{ "selects: none selected, first disabled, size>1, multiple, empty, last selected wins",
	  "<form method=post action=r><select name=s1><option value=a>A<option value=b>B</select>"
	  "<select name=s2><option disabled>X<option>Y</select>"
	  "<select name=s3 size=3><option>P<option>Q</select>"
	  "<select name=s4 multiple><option selected>m1<option>m2<option selected>m3"
	  "<option selected disabled>m4</select><select name=s5></select>"
	  "<select name=s6><option selected>first<option selected>last</select>"
	  "<select name=s7><option selected disabled>off<option>on</select></form>",
	  NULL, NULL, { { NULL, NULL, 0 } }, "POST", "http://127.0.0.1:8080/v4/r",
	  "application/x-www-form-urlencoded", "s1=a&s2=Y&s4=m1&s4=m3&s6=last", "UTF-8", NULL },
	{ "checkboxes and radios only when checked; the user's choices win",
	  "<form method=post action=r><input type=checkbox name=f1 value=F1 checked>"
	  "<input type=checkbox name=f2 value=F2><input type=checkbox name=f3>"
	  "<input type=radio name=r value=a checked><input type=radio name=r value=b></form>",
	  NULL, NULL, { { "f1", NULL, -1 }, { "f3", NULL, 1 }, { "#3", NULL, -1 }, { "#4", NULL, 1 } },
	  "POST", "http://127.0.0.1:8080/v4/r", "application/x-www-form-urlencoded",
	  "f3=on&r=b", "UTF-8", NULL },
	{ "only the pressed button; reset, button and unnamed controls never",
	  "<form method=post action=r><input type=submit name=go value=Retour>"
	  "<button name=pay value=oui>R&egrave;glement</button>"
	  "<button type=button name=b>B</button>"
	  "<input type=reset name=rs><input value=anonyme></form>",
	  "pay", NULL, { { NULL, NULL, 0 } }, "POST", "http://127.0.0.1:8080/v4/r",
	  "application/x-www-form-urlencoded", "pay=oui", "UTF-8", NULL },
	{ "implicit submission sends no button",
	  "<form method=post action=r><input name=a value=1><input type=submit name=go value=OK>"
	  "</form>",
	  NULL, NULL, { { NULL, NULL, 0 } }, "POST", "http://127.0.0.1:8080/v4/r",
	  "application/x-www-form-urlencoded", "a=1", "UTF-8", NULL },
	{ "textarea newlines become CRLF; text inputs lose theirs",
	  "<form method=post action=r><textarea name=t>l1\nl2\r\nl3\rl4</textarea>"
	  "<input name=i value=\"x&#10;y&#13;z\"></form>",
	  NULL, NULL, { { NULL, NULL, 0 } }, "POST", "http://127.0.0.1:8080/v4/r",
	  "application/x-www-form-urlencoded", "t=l1%0D%0Al2%0D%0Al3%0D%0Al4&i=xyz", "UTF-8", NULL },
	{ "file input sends an empty file name; _charset_ gets the charset",
	  "<form method=post action=r accept-charset=latin1><input type=file name=piece>"
	  "<input type=hidden name=_charset_></form>",
	  NULL, NULL, { { NULL, NULL, 0 } }, "POST", "http://127.0.0.1:8080/v4/r",
	  "application/x-www-form-urlencoded", "piece=&_charset_=windows-1252", "WINDOWS-1252",
	  NULL },
	{ "multipart: escaped names, CRLF values, empty file part",
	  "<form method=post action=up.php5 enctype=MULTIPART/FORM-DATA>"
	  "<input name='a\"b' value=\"x y\"><textarea name=t>1\n2</textarea>"
	  "<input type=file name=f></form>",
	  NULL, NULL, { { NULL, NULL, 0 } }, "POST", "http://127.0.0.1:8080/v4/up.php5",
	  "multipart/form-data; boundary=",
	  "--{B}\r\nContent-Disposition: form-data; name=\"a%22b\"\r\n\r\nx y\r\n"
	  "--{B}\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n1\r\n2\r\n"
	  "--{B}\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\"\r\n"
	  "Content-Type: application/octet-stream\r\n\r\n\r\n--{B}--\r\n",
	  "UTF-8", NULL },
	{ "multipart in latin-1",
	  "<form method=post action=up enctype=multipart/form-data accept-charset=iso-8859-1>"
	  "<input name=n value=\"\xc3\xa9\"></form>",
	  NULL, NULL, { { NULL, NULL, 0 } }, "POST", "http://127.0.0.1:8080/v4/up",
	  "multipart/form-data; boundary=",
	  "--{B}\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\n\xe9\r\n--{B}--\r\n",
	  "WINDOWS-1252", NULL },
	{ "text/plain",
	  "<form method=post action=r enctype=text/plain><input name=a value=\"1 2\">"
	  "<input name=b value=\"x=y&z\"></form>",
	  NULL, NULL, { { NULL, NULL, 0 } }, "POST", "http://127.0.0.1:8080/v4/r", "text/plain",
	  "a=1 2\r\nb=x=y&z\r\n", "UTF-8", NULL },
	{ "unknown enctype falls back to urlencoded",
	  "<form method=post action=r enctype=application/json><input name=a value=1></form>",
	  NULL, NULL, { { NULL, NULL, 0 } }, "POST", "http://127.0.0.1:8080/v4/r",
	  "application/x-www-form-urlencoded", "a=1", "UTF-8", NULL },
	{ "the button's formaction, formmethod and formenctype win",
	  "<form action=a.php5><input name=q value=1>"
	  "<button name=b value=2 formaction=\"../paiement.php5?x=1\" formmethod=POST "
	  "formenctype=text/plain>Payer</button></form>",
	  "b", NULL, { { NULL, NULL, 0 } }, "POST", "http://127.0.0.1:8080/paiement.php5?x=1",
	  "text/plain", "q=1\r\nb=2\r\n", "UTF-8", NULL },
	{ "a set value replaces the served one, selects included",
	  "<form method=post action=r><input name=a value=served>"
	  "<select name=s><option selected>x<option>y</select></form>",
	  NULL, NULL, { { "a", "mine", 0 }, { "s", "y", 0 } }, "POST", "http://127.0.0.1:8080/v4/r",
	  "application/x-www-form-urlencoded", "a=mine&s=y", "UTF-8", NULL },
	{ "submitter that is not a button", "<form><input name=a></form>", "a", NULL,
	  { { NULL, NULL, 0 } }, NULL, NULL, NULL, NULL, NULL, "not a submit button" },
	{ "submitter out of range", "<form><input name=a></form>", "#7", NULL,
	  { { NULL, NULL, 0 } }, NULL, NULL, NULL, NULL, NULL, "not a submit button" },
	{ "disabled submitter", "<form><input type=submit name=go disabled></form>", "go", NULL,
	  { { NULL, NULL, 0 } }, NULL, NULL, NULL, NULL, NULL, "disabled" },
	{ "javascript: action", "<form action=\"javascript:envoyer()\"><input name=a></form>",
	  NULL, NULL, { { NULL, NULL, 0 } }, NULL, NULL, NULL, NULL, NULL, "JavaScript" },
	{ "unresolvable action", "<form action=\"http://exa mple.fr/\"></form>", NULL, NULL,
	  { { NULL, NULL, 0 } }, NULL, NULL, NULL, NULL, NULL, "cannot resolve" },
	{ "unknown page charset", "<form><input name=a></form>", NULL, "x-\x1b[31mklingon",
	  { { NULL, NULL, 0 } }, NULL, NULL, NULL, NULL, NULL, "unknown character set" },
};
/* clang-format on */

static void apply_sets(const struct form *f, struct form_values *v, const struct set *sets)
{
	for (size_t i = 0; i < 4 && sets[i].control; i++) {
		long k = control_index(f, sets[i].control);
		if (sets[i].value)
			form_values_set(v, (size_t)k, sets[i].value);
		if (sets[i].check)
			form_values_set_checked(v, (size_t)k, sets[i].check > 0);
	}
}

/* The expected body with {B} replaced by the request's boundary. */
static char *expected_body(const struct encode_case *c, const struct form_request *r)
{
	const char *b = strstr(r->content_type, "boundary=");
	size_t blen = b ? strlen(b + 9) : 0, n = 0;
	char *out = malloc(strlen(c->body) * (blen + 1) + 1);

	for (const char *p = c->body; *p;) {
		if (b && strncmp(p, "{B}", 3) == 0) {
			memcpy(out + n, b + 9, blen);
			n += blen;
			p += 3;
		} else {
			out[n++] = *p++;
		}
	}
	out[n] = '\0';
	return out;
}

static void check_request(const struct encode_case *c, const struct form_request *r)
{
	assert_string_equal(r->method, c->method);
	assert_string_equal(r->url, c->url);
	assert_string_equal(r->charset, c->request_charset);
	if (!c->content_type) {
		assert_null(r->content_type);
		assert_null(r->body);
		return;
	}
	assert_non_null(r->content_type);
	assert_memory_equal(r->content_type, c->content_type, strlen(c->content_type));
	char *want = expected_body(c, r);
	assert_int_equal(r->body_len, strlen(want));
	assert_memory_equal(r->body, want, r->body_len);
	free(want);
}

static void test_encode(void **state)
{
	const struct encode_case *c = *state;
	struct html_doc *doc = parse_html(c->html);
	struct form_list *list = form_list_from_doc(doc);
	const struct form *f = &list->forms[0];
	struct form_values *v = form_values_new(f);
	struct form_request *r = (struct form_request *)1;
	char *err = NULL;

	assert_int_equal(list->count, 1);
	apply_sets(f, v, c->sets);
	int rc = form_encode(f, c->sets[0].control ? v : NULL,
	                     c->submitter ? control_index(f, c->submitter) : -1, PAGE,
	                     c->charset ? c->charset : "UTF-8", &r, &err);
	if (c->error) {
		assert_int_equal(rc, -1);
		assert_null(r);
		if (!err || !strstr(err, c->error))
			fail_msg("error \"%s\" lacks \"%s\"", err ? err : "(none)", c->error);
		assert_null(strchr(err, '\x1b'));
	} else {
		if (rc != 0)
			fail_msg("error: %s", err ? err : "(none)");
		check_request(c, r);
	}
	free(err);
	form_request_free(&r);
	assert_null(r);
	form_values_free(&v);
	assert_null(v);
	form_list_free(&list);
	html_doc_free(&doc);
}

static void test_multipart_boundary_is_random(void **state)
{
	struct html_doc *doc = parse_html("<form method=post enctype=multipart/form-data>"
	                                  "<input name=a value=1></form>");
	struct form_list *list = form_list_from_doc(doc);
	struct form_request *r1 = NULL, *r2 = NULL;

	assert_int_equal(form_encode(&list->forms[0], NULL, -1, PAGE, NULL, &r1, NULL), 0);
	assert_int_equal(form_encode(&list->forms[0], NULL, -1, PAGE, NULL, &r2, NULL), 0);
	assert_string_not_equal(r1->content_type, r2->content_type);
	/* a prefix and 16 random alphanumerics, well within RFC 2046's 70 */
	const char *b = strstr(r1->content_type, "boundary=") + 9;
	assert_true(strlen(b) >= 30 && strlen(b) <= 70);
	for (const char *p = b; *p; p++)
		assert_true(strchr(
		        "-ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", *p));
	form_request_free(&r1);
	form_request_free(&r2);
	form_list_free(&list);
	html_doc_free(&doc);
}

/* Long values make the body grow many times: nothing may be lost. */
static void test_long_values(void **state)
{
	struct html_doc *doc = parse_html("<form method=post action=r accept-charset=latin1>"
	                                  "<input type=password name=p><textarea name=t></textarea>"
	                                  "</form>");
	struct form_list *list = form_list_from_doc(doc);
	struct form_values *v = form_values_new(&list->forms[0]);
	struct form_request *r = NULL;
	enum {
		N = 3000
	};
	char *password = malloc(N + 1), *text = malloc(2 * N + 1), *want = malloc(9 * N + 16);

	for (size_t i = 0; i < N; i++) {
		password[i] = "+&=%"[i % 4];
		memcpy(text + 2 * i, "\xc3\xa9", 2); /* é, %E9 in latin-1 */
	}
	password[N] = text[2 * N] = '\0';
	form_values_set(v, 0, password);
	form_values_set(v, 1, text);
	assert_int_equal(form_encode(&list->forms[0], v, -1, PAGE, NULL, &r, NULL), 0);
	size_t n = (size_t)sprintf(want, "p=");
	static const char *const escaped[] = { "%2B", "%26", "%3D", "%25" };
	for (size_t i = 0; i < N; i++)
		n += (size_t)sprintf(want + n, "%s", escaped[i % 4]);
	n += (size_t)sprintf(want + n, "&t=");
	for (size_t i = 0; i < N; i++)
		n += (size_t)sprintf(want + n, "%%E9");
	assert_int_equal(r->body_len, n);
	assert_memory_equal(r->body, want, n);
	free(password);
	free(text);
	free(want);
	form_request_free(&r);
	form_values_free(&v);
	form_list_free(&list);
	html_doc_free(&doc);
}

static void test_values_lifecycle(void **state)
{
	struct html_doc *doc = parse_html("<form><input type=checkbox name=c checked>"
	                                  "<input type=password name=p></form>");
	struct form_list *list = form_list_from_doc(doc);
	struct form_values *v = form_values_new(&list->forms[0]);

	assert_int_equal(v->count, 2);
	assert_true(v->checked[0]);
	assert_false(v->checked[1]);
	assert_null(v->value[1]);
	form_values_set(v, 1, "secret");
	assert_string_equal(v->value[1], "secret");
	form_values_set(v, 1, "autre");
	assert_string_equal(v->value[1], "autre");
	form_values_set(v, 1, NULL);
	assert_null(v->value[1]);
	form_values_set(v, 9, "ignored"); /* out of range: no effect */
	form_values_set_checked(v, 9, true);
	form_values_set(NULL, 0, "x");
	form_values_free(&v);
	form_values_free(&v);
	form_values_free(NULL);
	form_list_free(&list);
	html_doc_free(&doc);
}

static void test_values_must_match_the_form(void **state)
{
	struct html_doc *doc = parse_html("<form><input name=a><input name=b></form><form></form>");
	struct form_list *list = form_list_from_doc(doc);
	struct form_values *v = form_values_new(&list->forms[1]);
	struct form_request *r = NULL;
	char *err = NULL;

	assert_int_equal(form_encode(&list->forms[0], v, -1, PAGE, NULL, &r, &err), -1);
	assert_non_null(err);
	assert_null(r);
	free(err);
	form_values_free(&v);
	form_request_free(NULL);
	form_list_free(&list);
	html_doc_free(&doc);
}

struct urlencode_case {
	const char *name, *in, *want;
};

/* A table, aligned by hand: */
/* clang-format off */
static const struct urlencode_case urlencode_cases[] = {
	{ "empty", "", "" },
	{ "unreserved kept", "AZaz09*-._", "AZaz09*-._" },
	{ "space is plus", "a b", "a+b" },
	{ "reserved escaped", "+&=%/?#~'", "%2B%26%3D%25%2F%3F%23%7E%27" },
	{ "high bytes in uppercase hex", "\xc3\xa9\xff", "%C3%A9%FF" },
	{ "controls escaped", "\t\r\n\x1b", "%09%0D%0A%1B" },
};
/* clang-format on */

static void test_urlencode(void **state)
{
	const struct urlencode_case *c = *state;
	char *got = form_urlencode(c->in, strlen(c->in));

	assert_string_equal(got, c->want);
	free(got);
}

static void test_urlencode_nul_byte(void **state)
{
	char *got = form_urlencode("a\0b", 3);

	assert_string_equal(got, "a%00b");
	free(got);
}

int main(void)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_multipart_boundary_is_random),
		cmocka_unit_test(test_long_values),
		cmocka_unit_test(test_values_lifecycle),
		cmocka_unit_test(test_values_must_match_the_form),
		cmocka_unit_test(test_urlencode_nul_byte),
	};
	/* clang-format on */
	struct CMUnitTest tests[COUNT(fixed) + COUNT(cases) + COUNT(urlencode_cases)];
	size_t n = 0, named;
	int rc;

	TEST_CASES_ADD(tests, n, cases, test_encode, "encode: ");
	TEST_CASES_ADD(tests, n, urlencode_cases, test_urlencode, "urlencode: ");
	named = n;
	for (size_t i = 0; i < COUNT(fixed); i++)
		tests[n++] = fixed[i];
	rc = _cmocka_run_group_tests("form_encode", tests, n, NULL, NULL);
	test_cases_free_names(tests, named);
	return rc;
}
