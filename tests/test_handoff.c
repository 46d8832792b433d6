/* Unit tests for portal/handoff*.c: every way a page leads on to PayFiP. */
#include "config.h"

#include <stdbool.h>

#include "portal/handoff/handoff.h"
#include "test_cases.h"
#include "test_util.h"

#define PORTAL "http://127.0.0.1:8080/v4/reglement.php5"
#define V4 "http://127.0.0.1:8080/v4/"
#define DEMO_PAY "http://localhost:8081/tpa/paiementws.web"
#define TIPI "https://www.tipi.budget.gouv.fr/tpa/paiementws.web"

struct step_case {
	const char *name;
	const char *file; /* under fixtures/handoff/, or NULL for html */
	const char *html;
	int rc;
	enum handoff_kind kind;
	const char *url;    /* GET: the URL; SUBMIT: the request's URL */
	const char *method; /* SUBMIT */
	const char *body;   /* SUBMIT */
	const char *confirm;
	const char *via; /* or, when rc is -1, a fragment of the error */
};

/* The saved pages, one per way portals hand off (RELIABILITY / issue 3). */
static const struct step_case fixture_cases[] = {
	{ "meta refresh with URL='...' and &amp;", "meta-refresh.html", NULL, 0, HANDOFF_GET,
	  DEMO_PAY "?idop=8f3a9c2e&origine=portail", NULL, NULL, NULL, "meta refresh" },
	/* In a script "&amp;" is four characters: a browser sends them too. */
	{ "location.href in a script, with \\/ and \\x escapes", "location-href.html", NULL, 0,
	  HANDOFF_GET, TIPI "?idop=a1b2c3d4&amp;x=1", NULL, NULL, NULL, "window.location.href" },
	{ "location.replace via body onload setTimeout('f()')", "location-replace.html", NULL, 0,
	  HANDOFF_GET, DEMO_PAY "?idop=XyZ-42&mode=T", NULL, NULL, NULL,
	  "document.location.replace" },
	{ "window.open after confirm() on the pay button", "window-open-confirm.html", NULL, 0,
	  HANDOFF_GET, V4 "paiement.php5?idfacture=F2022-0912&montant=181.99&jeton=9d8c", NULL,
	  NULL,
	  "Vous allez \xc3\xaatre redirig\xc3\xa9 vers le site de paiement s\xc3\xa9"
	  "curis\xc3\xa9"
	  " de la DGFiP.\nVoulez-vous continuer ?",
	  "window.open" },
	{ "window.open through a page function with arguments", "window-open-noconfirm.html", NULL,
	  0, HANDOFF_GET, V4 "paiement.php5?facture=F2022-0912&montant=18199", NULL, NULL, NULL,
	  "window.open" },
	{ "form target=_blank, the paying one preferred", "form-target-blank.html", NULL, 0,
	  HANDOFF_SUBMIT, TIPI, "POST",
	  "numcli=012345&exer=2022&refdet=F2022-0912&objet=Facture+enfance&montant=18199"
	  "&mel=famille%40example.fr&urlcl=http%3A%2F%2F127.0.0.1%3A8080%2Fv4%2Fretour_paiement.php5"
	  "&saisie=T",
	  "Confirmez-vous le paiement de 181,99 \xe2\x82\xac ?", "form target _blank" },
	{ "form targeting a named pop-up, latin-1 page, image button", "form-named-popup.html",
	  NULL, 0, HANDOFF_SUBMIT, DEMO_PAY, "POST",
	  "idop=T0K3N-9&objet=Cantine+scolaire+-+L%E9a&regie=1&btnPayer.x=0&btnPayer.y=0", NULL,
	  "form target pop-up" },
	{ "auto-submit from body onload", "autosubmit-onload.html", NULL, 0, HANDOFF_SUBMIT,
	  DEMO_PAY, "POST",
	  "numcli=012345&idop=c0ffee-77&urlretour=http%3A%2F%2F127.0.0.1%3A8080%2Fv4%2Fretour.php5"
	  "%3Fr%3D1%26s%3D2",
	  NULL, "auto-submit form" },
	{ "auto-submit from a script that sets the action first", "autosubmit-script.html", NULL, 0,
	  HANDOFF_SUBMIT, TIPI, "POST",
	  "refdet=F2022-0912&montant=18199&objet=Cantine+%26+garderie", NULL, "auto-submit form" },
	{ "\"Payer par carte bancaire\" link", "payer-carte-link.html", NULL, 0, HANDOFF_GET,
	  DEMO_PAY "?idop=5e6f&ref=F2022-0912", NULL, NULL, NULL, "Payer par carte bancaire link" },
	{ "\"PAYER PAR CARTE BANCAIRE\" submit button", "payer-carte-form.html", NULL, 0,
	  HANDOFF_SUBMIT, TIPI, "POST",
	  "numcli=012345&refdet=F2022-0912&montant=18199&mel=l%C3%A9a%2Bpaul%40example.fr"
	  "&langue=fr&recu=1&valider=PAYER+PAR+CARTE+BANCAIRE",
	  NULL, "Payer par carte bancaire form" },
	{ "pop-up page: button with document.location.href", "popup-page.html", NULL, 0,
	  HANDOFF_GET, DEMO_PAY "?idop=Q1W2E3", NULL, NULL, NULL,
	  "Payer par carte bancaire button" },
	{ "ordinary portal page leads nowhere", "nothing.html", NULL, 0, HANDOFF_NONE, NULL, NULL,
	  NULL, NULL, NULL },
	{ "malformed and computed JavaScript is never guessed", "javascript-garbage.html", NULL, 0,
	  HANDOFF_NONE, NULL, NULL, NULL, NULL, NULL },
	{ "pay control whose URL is computed: an error, no fallback", "payer-carte-unreadable.html",
	  NULL, -1, HANDOFF_NONE, NULL, NULL, NULL, NULL, "Payer par carte bancaire link" },
};

#define PAGE(body) "<html><head><title>t</title></head><body>" body "</body></html>"
#define HEAD(head, body) "<html><head><title>t</title>" head "</head><body>" body "</body></html>"
#define SCRIPT(code) PAGE("<p>x</p><script type=\"text/javascript\">" code "</script>")
#define GET(name, html, url, via)                                            \
	{                                                                    \
		name, NULL, html, 0, HANDOFF_GET, url, NULL, NULL, NULL, via \
	}
#define GET_CONFIRM(name, html, url, confirm, via)                              \
	{                                                                       \
		name, NULL, html, 0, HANDOFF_GET, url, NULL, NULL, confirm, via \
	}
#define NONE(name, html)                                                        \
	{                                                                       \
		name, NULL, html, 0, HANDOFF_NONE, NULL, NULL, NULL, NULL, NULL \
	}
#define ERROR(name, html, what)                                                  \
	{                                                                        \
		name, NULL, html, -1, HANDOFF_NONE, NULL, NULL, NULL, NULL, what \
	}
#define POST(name, html, url, body, via)                                          \
	{                                                                         \
		name, NULL, html, 0, HANDOFF_SUBMIT, url, "POST", body, NULL, via \
	}
#define FORM1                                                             \
	"<form name=frmPay id=idPay method=post action=\"" DEMO_PAY "\">" \
	"<input type=hidden name=idop value=42><input type=submit name=ok value=OK></form>"

static const struct step_case inline_cases[] = {
	/* meta refresh: the content attribute as the HTML standard parses it */
	GET("refresh 0; url=x", HEAD("<meta http-equiv=refresh content=\"0; url=p.php5\">", ""),
	    V4 "p.php5", "meta refresh"),
	GET("refresh 5;URL=\"x\"",
	    HEAD("<meta http-equiv=REFRESH content='5;URL=\"/tpa?a=1\"'>", ""),
	    "http://127.0.0.1:8080/tpa?a=1", "meta refresh"),
	GET("refresh with spaces around",
	    HEAD("<meta http-equiv=Refresh content=\" 3 ; Url = x.php5 \">", ""), V4 "x.php5",
	    "meta refresh"),
	GET("refresh 0,url",
	    HEAD("<meta http-equiv=refresh content=\"0,http://localhost:8081/tpa\">", ""),
	    "http://localhost:8081/tpa", "meta refresh"),
	GET("refresh URL without url=", HEAD("<meta http-equiv=refresh content=\"1; p.php5\">", ""),
	    V4 "p.php5", "meta refresh"),
	NONE("refresh without URL is a reload",
	     HEAD("<meta http-equiv=refresh content=\"30\">", "")),
	NONE("refresh with an empty URL",
	     HEAD("<meta http-equiv=refresh content=\"0; url=\">", "")),
	NONE("refresh without a delay",
	     HEAD("<meta http-equiv=refresh content=\"soon; url=x\">", "")),
	NONE("refresh to the page itself",
	     HEAD("<meta http-equiv=refresh content=\"0; url=reglement.php5\">", "")),
	NONE("refresh inside noscript",
	     PAGE("<noscript><meta http-equiv=refresh content=\"0;url=x\"></noscript>")),

	/* location in scripts, in the forms portals write */
	GET("location =", SCRIPT("location = 'a.php5';"), V4 "a.php5", "location"),
	GET("location.href =", SCRIPT("location.href=\"a.php5\""), V4 "a.php5", "location.href"),
	GET("window.location =", SCRIPT("window.location = '/x'"), "http://127.0.0.1:8080/x",
	    "window.location"),
	GET("document.location =", SCRIPT("document.location='b'"), V4 "b", "document.location"),
	GET("self.location.href =", SCRIPT("self.location.href = 'c'"), V4 "c",
	    "self.location.href"),
	GET("location.assign()", SCRIPT("location.assign('d?x=1&y=2')"), V4 "d?x=1&y=2",
	    "location.assign"),
	GET("window.location.replace()", SCRIPT("window.location.replace(\"e\");"), V4 "e",
	    "window.location.replace"),
	GET("concatenated literals and \\u escapes",
	    SCRIPT("location.href = 'p.php5?nom=' + \"L\\u00e9a\" + '&n=' + 3;"),
	    V4 "p.php5?nom=L%C3%A9a&n=3", "location.href"),
	GET("string with a space and a quote",
	    SCRIPT("location.href = 'mon dossier/f.php5?a=l\\'x';"),
	    V4 "mon%20dossier/f.php5?a=l%27x", "location.href"),
	GET("setTimeout with a string", SCRIPT("setTimeout(\"location.href='t'\", 3000);"), V4 "t",
	    "location.href"),
	GET("setTimeout with a function",
	    SCRIPT("window.setTimeout(function () { location.href = 'u'; }, 10);"), V4 "u",
	    "location.href"),
	GET("window.onload = function",
	    SCRIPT("window.onload = function() { window.location.href = 'v'; };"), V4 "v",
	    "window.location.href"),
	GET("window.onload = name",
	    SCRIPT("function go() { location.href = 'w'; }\nwindow.onload = go;"), V4 "w",
	    "location.href"),
	GET("jQuery ready", SCRIPT("$(document).ready(function(){ location.href = 'r'; });"),
	    V4 "r", "location.href"),
	GET("addEventListener('load')",
	    SCRIPT("window.addEventListener('load', function () { location.replace('l'); }, 0);"),
	    V4 "l", "location.replace"),
	GET("$(window).load(function)", SCRIPT("$(window).load(function(){ location = 'm'; });"),
	    V4 "m", "location"),
	GET("$(function) shorthand", SCRIPT("$(function(){ location = 'n'; });"), V4 "n",
	    "location"),
	GET("function expression run at once", SCRIPT("(function () { location.href = 'o'; })();"),
	    V4 "o", "location.href"),
	GET("base href changes relative URLs",
	    HEAD("<base href=\"http://localhost:8081/tpa/\">",
	         "<script>location.href = 'paiementws.web?idop=1'</script>"),
	    DEMO_PAY "?idop=1", "location.href"),
	GET("the first automatic step wins (script before refresh)",
	    HEAD("<meta http-equiv=refresh content=\"0;url=refresh\">",
	         "<script>location='script'</script>"),
	    V4 "script", "location"),
	GET("a later readable statement after a computed one",
	    SCRIPT("location.href = u;\nlocation.href = 'ok';"), V4 "ok", "location.href"),
	GET("window.open at load", SCRIPT("window.open('popup.php5', 'p', 'width=1');"),
	    V4 "popup.php5", "window.open"),
	NONE("a declared function is not called", SCRIPT("function f() { location.href = 'x'; }")),
	NONE("a stored function is not called",
	     SCRIPT("var f = function () { location.href = 'x'; };")),
	NONE("a click handler bound by jQuery is not run",
	     SCRIPT("$(document).ready(function () {"
	            " $('#quitter').click(function () { location.href = 'logout.php5'; });"
	            " $('a').on('click', function () { window.location = 'x'; }); });")),
	NONE("a click listener is not run",
	     SCRIPT("document.getElementById('b').addEventListener('click',"
	            " function () { location.href = 'x'; });")),
	NONE("a member of something else's result",
	     SCRIPT("getFrame().location.href = 'x'; cadre().location.replace('y');")),
	NONE("location in a comment or a string",
	     SCRIPT("// location.href='x'\n/* location='y' */ var s = \"location='z'\";")),
	NONE("top and parent frames are not ours",
	     SCRIPT("top.location.href = 'x'; parent.location = 'y';")),
	NONE("a computed URL in a script is skipped", SCRIPT("location.href = base + 'x';")),
	NONE("a template with ${} is code", SCRIPT("location.href = `x${y}`;")),
	NONE("window.open('') opens an empty pop-up", SCRIPT("window.open('', 'pop');")),
	NONE("location.href to javascript: is skipped",
	     SCRIPT("location.href = 'javascript:alert(1)';")),

	/* auto-submitting forms */
	POST("document.forms[0].submit()",
	     PAGE(FORM1 "<script>document.forms[0].submit()</script>"), DEMO_PAY, "idop=42",
	     "auto-submit form"),
	POST("document.NAME.submit()", PAGE(FORM1 "<script>document.frmPay.submit();</script>"),
	     DEMO_PAY, "idop=42", "auto-submit form"),
	POST("document.forms.NAME.submit()",
	     PAGE(FORM1 "<script>document.forms.frmPay.submit();</script>"), DEMO_PAY, "idop=42",
	     "auto-submit form"),
	POST("document.forms['NAME'].submit()",
	     PAGE(FORM1 "<script>document.forms[\"frmPay\"].submit();</script>"), DEMO_PAY,
	     "idop=42", "auto-submit form"),
	POST("document.getElementById('ID').submit()",
	     PAGE(FORM1 "<script>document.getElementById('idPay').submit();</script>"), DEMO_PAY,
	     "idop=42", "auto-submit form"),
	POST("document.getElementsByName('NAME')[0].submit()",
	     PAGE(FORM1 "<script>document.getElementsByName('frmPay')[0].submit();</script>"),
	     DEMO_PAY, "idop=42", "auto-submit form"),
	POST("$('#ID').submit()", PAGE(FORM1 "<script>$('#idPay').submit();</script>"), DEMO_PAY,
	     "idop=42", "auto-submit form"),
	POST("window.NAME.submit()", PAGE(FORM1 "<script>window.frmPay.submit();</script>"),
	     DEMO_PAY, "idop=42", "auto-submit form"),
	NONE("submit of a form the page lacks",
	     PAGE(FORM1 "<script>document.forms[3].submit()</script>")),

	/* the "Payer par carte bancaire" control */
	GET_CONFIRM(
	        "link with onclick return confirm",
	        PAGE("<a href=\"p.php5?a=1&amp;b=2\" onclick=\"return confirm('S\xc3\xbbr ?')\">"
	             "Payer par carte bancaire</a>"),
	        V4 "p.php5?a=1&b=2", "S\xc3\xbbr ?", "Payer par carte bancaire link"),
	GET("javascript: link with window.open and %20",
	    PAGE("<a href=\"javascript:window.open('p.php5?x=a%20b','w')\">"
	         "Payer par carte bancaire</a>"),
	    V4 "p.php5?x=a%20b", "Payer par carte bancaire link"),
	GET("image link with window.open(this.href)",
	    PAGE("<a href=\"carte.php5\" onclick=\"window.open(this.href,'cb');return false;\">"
	         "<img src=cb.gif alt=\"Payer par carte bancaire\"></a>"),
	    V4 "carte.php5", "Payer par carte bancaire link"),
	GET("accents and case ignored", PAGE("<a href=\"q\">PAIEMENT PAR CARTE BANCAIRE</a>"),
	    V4 "q", "Payer par carte bancaire link"),
	POST("button with this.form.submit()",
	     PAGE("<form method=post action=\"" DEMO_PAY "\"><input type=hidden name=i value=1>"
	          "<input type=button name=b value=\"Payer par carte bancaire\""
	          " onclick=\"this.form.submit()\"></form>"),
	     DEMO_PAY, "i=1", "Payer par carte bancaire button"),
	POST("javascript: link submitting its form",
	     PAGE("<form name=fc method=post action=\"" DEMO_PAY "\">"
	          "<input type=hidden name=i value=2></form>"
	          "<a href=\"javascript:document.fc.submit()\">Payer par carte bancaire</a>"),
	     DEMO_PAY, "i=2", "Payer par carte bancaire link"),
	GET("the pay-card control beats a pop-up form",
	    PAGE(FORM1 "<a href=\"c\">Payer par carte bancaire</a>"), V4 "c",
	    "Payer par carte bancaire link"),
	ERROR("pay-card link leading nowhere", PAGE("<a href=\"#\">Payer par carte bancaire</a>"),
	      "leads nowhere"),
	ERROR("pay-card link with return false only",
	      PAGE("<a href=\"x\" onclick=\"faire(); return false;\">Payer par carte bancaire</a>"),
	      "does nothing"),
	ERROR("pay-card button doing nothing",
	      PAGE("<button type=button>Payer par carte bancaire</button>"), "does nothing"),
	ERROR("pay-card link with a bad URL",
	      PAGE("<a href=\"http://exa mple.fr/\">Payer par carte bancaire</a>"),
	      "cannot resolve"),
	ERROR("pay-card link with unreadable javascript:",
	      PAGE("<a href=\"javascript:payer(url)\">Payer par carte bancaire</a>"),
	      "javascript:"),

	/* window.open on the main pay button */
	GET_CONFIRM("confirm in a page function",
	            HEAD("<script>function valider() { if (!confirm('Continuer ?')) return false;"
	                 " window.open('pay.php5', 'x'); }</script>",
	                 "<input type=button value=\"R&egrave;glement\""
	                 " onclick=\"return valider();\">"),
	            V4 "pay.php5", "Continuer ?", "window.open"),
	GET("javascript: href on a Régler link",
	    PAGE("<a href=\"javascript:window.open('r.php5?id=7')\">R&eacute;gler</a>"),
	    V4 "r.php5?id=7", "window.open"),
	GET("onsubmit with window.open(URL)",
	    PAGE("<form onsubmit=\"window.open('o.php5');return false;\">"
	         "<input type=submit value=OK></form>"),
	    V4 "o.php5", "window.open"),
	GET("window.open beats a pop-up form",
	    PAGE(FORM1 "<input type=button value=Payer onclick=\"window.open('w.php5')\">"),
	    V4 "w.php5", "window.open"),
	NONE("window.open on a help link is not the pay button",
	     PAGE("<a href=# onclick=\"window.open('aide.php5')\">Aide</a>")),
	NONE("a scripted submit on the pay button is not followed",
	     PAGE(FORM1 "<input type=button value=Payer onclick=\"document.forms[1].submit()\">")),
	ERROR("pay button whose window.open is cut short",
	      PAGE("<input type=button value=Payer onclick=\"window.open(\">"),
	      "computes where it leads"),

	/* forms opening elsewhere */
	POST("form target _blank without a button",
	     PAGE("<form method=post target=_BLANK action=\"" DEMO_PAY "\">"
	          "<input type=hidden name=a value=1></form>"),
	     DEMO_PAY, "a=1", "form target _blank"),
	NONE("target _self is not a pop-up", PAGE("<form method=post target=_self action=x>"
	                                          "<input type=hidden name=a value=1></form>")),
	NONE("empty page", ""),
};

/* Pages whose body has an onload, which the macros above cannot write. */
static const struct step_case onload_cases[] = {
	GET("body onload calls a page function",
	    "<html><head><script>function init(){ document.location.href = 'i'; }</script></head>"
	    "<body onload=\"init()\"><p>x</p></body></html>",
	    "http://127.0.0.1:8080/v4/i", "document.location.href"),
	POST("body onload function submits a form",
	     "<html><head><script>function envoi() { document.frmPay.submit(); }</script></head>"
	     "<body onload=\"envoi();\">" FORM1 "</body></html>",
	     DEMO_PAY, "idop=42", "auto-submit form"),
	POST("form.action set by script then submitted from onload",
	     "<html><body onload=\"document.f.action='" DEMO_PAY "?x=1'; document.f.submit()\">"
	     "<form name=f method=post action=old.php5><input type=hidden name=a value=1></form>"
	     "</body></html>",
	     DEMO_PAY "?x=1", "a=1", "auto-submit form"),
};

static char *read_fixture(const char *name, size_t *len)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/handoff/%s", fixtures_dir(), name);
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	do {
		buf = realloc(buf, cap += 65536);
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	*len = n;
	return buf;
}

static void check_step(const struct step_case *c, int rc, const struct handoff_step *step,
                       const char *err)
{
	if (rc != c->rc)
		fail_msg("rc %d, want %d (%s)", rc, c->rc, err ? err : "no error");
	assert_int_equal(step->kind, c->kind);
	if (c->rc < 0) {
		assert_non_null(err);
		if (c->via && !strstr(err, c->via))
			fail_msg("error \"%s\" lacks \"%s\"", err, c->via);
		return;
	}
	assert_null(err);
	if (c->kind == HANDOFF_NONE) {
		assert_null(step->url);
		assert_null(step->request);
		return;
	}
	assert_string_equal(step->via, c->via);
	if (c->confirm)
		assert_string_equal(step->confirm, c->confirm);
	else if (step->confirm)
		fail_msg("unexpected confirm \"%s\"", step->confirm);
	if (c->kind == HANDOFF_GET) {
		assert_null(step->request);
		assert_string_equal(step->url, c->url);
		return;
	}
	assert_null(step->url);
	assert_non_null(step->request);
	assert_string_equal(step->request->method, c->method);
	assert_string_equal(step->request->url, c->url);
	if (strcmp(c->method, "POST") == 0) {
		assert_int_equal(step->request->body_len, strlen(c->body));
		assert_memory_equal(step->request->body, c->body, step->request->body_len);
	}
}

static void test_step(void **state)
{
	const struct step_case *c = *state;
	size_t len = c->file ? 0 : strlen(c->html);
	char *bytes = c->file ? read_fixture(c->file, &len) : NULL, *err = NULL;
	struct html_doc *doc = NULL;
	struct handoff_step step;

	if (html_parse(bytes ? bytes : c->html, len, NULL, &doc, &err) != 0)
		fail_msg("html_parse: %s", err);
	int rc = handoff_next(doc, PORTAL, doc->charset, &step, &err);
	check_step(c, rc, &step, err);
	free(err);
	handoff_step_clear(&step);
	assert_int_equal(step.kind, HANDOFF_NONE);
	assert_null(step.via);
	handoff_step_clear(&step);
	html_doc_free(&doc);
	free(bytes);
}

struct call_arg_case {
	const char *name, *script, *fn, *want;
};

static const struct call_arg_case call_arg_cases[] = {
	{ "the header's example", "if (confirm('S\xc3\xbbr ?')) window.open('p.php5?id=3','pop')",
	  "window.open", "p.php5?id=3" },
	{ "confirm from the same script",
	  "if (confirm('S\xc3\xbbr ?')) "
	  "window.open('p.php5?id=3','pop')",
	  "confirm", "S\xc3\xbbr ?" },
	{ "double quotes and escaped quotes",
	  "confirm(\"Il a dit \\\"oui\\\" et l\\'a \\\\ "
	  "fait\")",
	  "confirm", "Il a dit \"oui\" et l'a \\ fait" },
	{ "\\/ \\x \\u escapes", "f('https:\\/\\/h\\/a\\x3Db\\u00e9\\u{1F600}\\ud83d\\ude00')", "f",
	  "https://h/a=b\xc3\xa9\xf0\x9f\x98\x80\xf0\x9f\x98\x80" },
	{ "lone surrogate and NUL become U+FFFD", "f('\\ud800x\\0')", "f",
	  "\xef\xbf\xbdx\xef\xbf\xbd" },
	{ "newline escapes and a line continuation", "f('a\\nb\\\nc')", "f", "a\nbc" },
	{ "concatenation", "window.open('a' + \"b\" + 'c', 'x')", "window.open", "abc" },
	{ "first call with a literal argument", "window.open(u); window.open('second')",
	  "window.open", "second" },
	{ "only the exact chain", "xwindow.open('a'); window.opener('b'); w.window.open('c')",
	  "window.open", NULL },
	{ "not in a comment or a string", "// window.open('a')\nvar s = \"window.open('b')\";",
	  "window.open", NULL },
	{ "unterminated string", "window.open('http://x", "window.open", NULL },
	{ "unterminated call", "window.open(", "window.open", NULL },
	{ "empty script", "", "confirm", NULL },
	{ "template without substitution", "f(`tpl`)", "f", "tpl" },
	{ "template with substitution is code", "f(`a${b}`)", "f", NULL },
};

static void test_call_arg(void **state)
{
	const struct call_arg_case *c = *state;
	char *got = handoff_js_call_arg(c->script, c->fn);

	if (c->want)
		assert_string_equal(got, c->want);
	else if (got)
		fail_msg("got \"%s\"", got);
	free(got);
}

static void test_call_arg_null(void **state)
{
	assert_null(handoff_js_call_arg(NULL, "f"));
	assert_null(handoff_js_call_arg("f('x')", NULL));
}

static void test_null_document(void **state)
{
	struct handoff_step step;
	char *err = NULL;

	assert_int_equal(handoff_next(NULL, PORTAL, "UTF-8", &step, &err), -1);
	assert_non_null(err);
	assert_int_equal(step.kind, HANDOFF_NONE);
	free(err);
	handoff_step_clear(NULL);
}

/* Bounded work and no crash on hostile scripts: deep nesting, many
 * functions calling each other, unbalanced everything. */
static void test_hostile_scripts(void **state)
{
	static const char *const units[] = {
		"(",
		"function f(){",
		"{",
		"'",
		"\"",
		"/*",
		"a.b.c.d.e.f.g.h.i.j.",
		"f(",
		"g(1,",
		"function a(x){a(x)}a('x');",
		"location.href=",
		"document.forms[",
		"\\",
		"`${",
		"function f0(a){f1(a)}function f1(a){f2(a)}function f2(a){f0(a)}f0('u');",
	};
	for (size_t u = 0; u < COUNT(units); u++) {
		size_t n = 20000 / strlen(units[u]) + 1, len = strlen(units[u]);
		char *script = malloc(n * len + 64);
		strcpy(script, "<script>");
		for (size_t i = 0; i < n; i++)
			memcpy(script + 8 + i * len, units[u], len);
		strcpy(script + 8 + n * len, "</script>");
		char *arg = handoff_js_call_arg(script + 8, "window.open");
		free(arg);
		struct html_doc *doc = NULL;
		char *err = NULL;
		if (html_parse(script, strlen(script), NULL, &doc, &err) == 0) {
			struct handoff_step step;
			handoff_next(doc, PORTAL, doc->charset, &step, &err);
			handoff_step_clear(&step);
			html_doc_free(&doc);
		}
		free(err);
		free(script);
	}
}

/* Deterministic pseudo-random pages built from hand-off tokens. */
static void test_random_token_soup(void **state)
{
	static const char *const tokens[] = {
		"<script>",
		"</script>",
		"<a href='x' onclick=\"",
		"\">",
		"</a>",
		"Payer par carte "
		"bancaire",
		"window.open(",
		"location.href=",
		"'p.php5'",
		")",
		"(",
		";",
		"function "
		"f(a){",
		"}",
		"{",
		"f('q')",
		"document.forms[0].submit()",
		"<form target=_blank action=y>",
		"</form>",
		"<input type=submit value=Payer>",
		"confirm('?')",
		"+",
		"a",
		"\\",
		"\"",
		"'",
		"\n",
		"<body onload=\"",
		"<meta http-equiv=refresh content='0;url=z'>",
		"javascript:",
		"setTimeout(",
		"this.href",
		"$('#i')",
		".submit()",
		"<form id=i>",
	};
	unsigned long x = 12345;

	for (int round = 0; round < 300; round++) {
		char page[4096];
		size_t n = 0;
		for (int k = 0; k < 60; k++) {
			x = x * 6364136223846793005UL + 1442695040888963407UL;
			const char *t = tokens[(x >> 33) % COUNT(tokens)];
			if (n + strlen(t) + 1 >= sizeof page)
				break;
			memcpy(page + n, t, strlen(t));
			n += strlen(t);
		}
		page[n] = '\0';
		struct html_doc *doc = NULL;
		char *err = NULL;
		if (html_parse(page, n, NULL, &doc, &err) == 0) {
			struct handoff_step step;
			handoff_next(doc, PORTAL, doc->charset, &step, &err);
			handoff_step_clear(&step);
			html_doc_free(&doc);
		}
		free(err);
		free(handoff_js_call_arg(page, "window.open"));
	}
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_call_arg_null),
		cmocka_unit_test(test_null_document),
		cmocka_unit_test(test_hostile_scripts),
		cmocka_unit_test(test_random_token_soup),
	};
	struct CMUnitTest tests[COUNT(fixed) + COUNT(fixture_cases) + COUNT(inline_cases) +
	                        COUNT(onload_cases) + COUNT(call_arg_cases)];
	size_t n = 0, named;
	int rc;

	TEST_CASES_ADD(tests, n, fixture_cases, test_step, "fixture: ");
	TEST_CASES_ADD(tests, n, inline_cases, test_step, "page: ");
	TEST_CASES_ADD(tests, n, onload_cases, test_step, "page: ");
	TEST_CASES_ADD(tests, n, call_arg_cases, test_call_arg, "call_arg: ");
	named = n;
	for (size_t i = 0; i < COUNT(fixed); i++)
		tests[n++] = fixed[i];
	rc = _cmocka_run_group_tests("handoff", tests, n, NULL, NULL);
	test_cases_free_names(tests, named);
	return rc;
}
