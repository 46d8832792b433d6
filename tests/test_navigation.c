/* Navigation: menu links by visible text, where links lead, the login
 * form and the portal's refusal message, on inline pages and saved pages. */
#include "config.h"

#include "web/form.h"
#include "portal/navigation.h"
#include "page_fixtures.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- labels and names ---- */

static void test_names_and_labels_round_trip(void **state)
{
	assert_int_equal(portal_link_from_name(NULL), -1);
	assert_int_equal(portal_link_from_name(""), -1);
	assert_int_equal(portal_link_from_name("Accueil"), -1);
	assert_string_equal(portal_link_label(PORTAL_LINK_COUNT), "");
	assert_string_equal(portal_link_name((enum portal_link) - 1), "");
	for (int i = 0; i < PORTAL_LINK_COUNT; i++) {
		assert_int_equal(portal_link_from_name(portal_link_name(i)), i);
		assert_int_equal(portal_link_from_text(portal_link_label(i)), i);
	}
	assert_string_equal(portal_link_name(LINK_TABLEAU_DE_BORD), "tableau-de-bord");
	assert_string_equal(portal_link_label(LINK_COORDONNEES), "Mes coordonnées");
}

static void test_link_from_text(void **state)
{
	static const struct {
		const char *text;
		int link;
	} cases[] = {
		{ NULL, -1 },
		{ "", -1 },
		{ " \xc2\xbb | ", -1 },
		{ "Famille : MARTIN", -1 },
		{ "Mon compte bancaire", -1 },
		{ "Accueil", LINK_ACCUEIL },
		{ "  ACCUEIL ", LINK_ACCUEIL },
		{ "Page d'accueil", LINK_ACCUEIL },
		{ "Tableau de bord", LINK_TABLEAU_DE_BORD },
		{ "+ Ma famille", LINK_FAMILLE },
		{ "MES COORDONNEES", LINK_COORDONNEES },
		{ "Mes coordonnées :", LINK_COORDONNEES },
		{ "Mes inscriptions", LINK_INSCRIPTIONS },
		{ "Mon\xc2\xa0"
		  "compte",
		  LINK_COMPTE },
		{ "Aide", LINK_AIDE },
		{ "Comment utiliser le portail", LINK_AIDE },
		{ "Deconnexion", LINK_LOGOUT },
		{ "Se deconnecter", LINK_LOGOUT },
		{ "Déconnexion", LINK_LOGOUT },
		{ "Payer mes factures", LINK_PAYER },
		{ "Paiement en ligne", LINK_PAYER },
		{ "Mes factures", LINK_FACTURES },
		{ "Détail financier", LINK_FACTURES },
		{ "DETAIL FINANCIER PAR FACTURE", LINK_FACTURES },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++)
		if (portal_link_from_text(cases[i].text) != cases[i].link)
			fail_msg("\"%s\": got %d, want %d",
			         cases[i].text ? cases[i].text : "(null)",
			         portal_link_from_text(cases[i].text), cases[i].link);
}

/* ---- where a link leads ---- */

static void test_link_url(void **state)
{
	static const struct {
		const char *a;   /* the <a ...> attributes */
		const char *url; /* NULL: leads nowhere we follow */
	} cases[] = {
		{ "", NULL },
		{ "href=\"\"", NULL },
		{ "href=\"#\"", NULL },
		{ "href=\"#haut\"", NULL },
		{ "href=\"javascript:void(0)\"", NULL },
		{ "href=\"javascript:ouvrirAide('aide.php5')\"", NULL },
		{ "href=\"javascript:window.open('')\"", NULL },
		{ "href=\"javascript:window.open('javascript:alert(1)')\"", NULL },
		{ "href=\"#\" onclick=\"history.back()\"", NULL },
		{ "href=\"javascript:window.open('aide.php5','aide','width=600')\"",
		  PAGE_BASE "aide.php5" },
		{ "href=\"JavaScript:window.open(%27aide.php5%27)\"", PAGE_BASE "aide.php5" },
		{ "href=\"javascript:if (x == 'a') location = 'b.php5'\"", PAGE_BASE "b.php5" },
		{ "href=\"javascript:document.location.href = &quot;coordonnees.php5&quot;\"",
		  PAGE_BASE "coordonnees.php5" },
		{ "href=\"javascript:location.replace('famille.php5?id=2')\"",
		  PAGE_BASE "famille.php5?id=2" },
		{ "href=\"javascript:window.open('it\\'s.php5')\"", PAGE_BASE "it's.php5" },
		{ "href=\"#\" onclick=\"window.open('aide.php5');return false;\"",
		  PAGE_BASE "aide.php5" },
		{ "onclick=\"location.href='famille.php5'\"", PAGE_BASE "famille.php5" },
		{ "href=\"  compte.php5  \"", PAGE_BASE "compte.php5" },
		{ "href=\"../v3/ancien.php5#x\"", "https://portail2.aiga.fr/v3/ancien.php5" },
		{ "href=\"https://autre.example/p\" onclick=\"window.open(this.href);return false\"",
		  "https://autre.example/p" },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		char *html = xasprintf("<p><a %s>lien</a>", cases[i].a);
		struct html_doc *doc = parse_html(html);
		char *url = portal_link_url(html_find(doc->root, "a"), PAGE_BASE "accueil.php5");
		if (cases[i].url ? !url || strcmp(url, cases[i].url) != 0 : url != NULL)
			fail_msg("<a %s>: got %s, want %s", cases[i].a, url ? url : "NULL",
			         cases[i].url ? cases[i].url : "NULL");
		free(url);
		html_doc_free(&doc);
		free(html);
	}
}

static void test_link_url_without_page_url_is_as_written(void **state)
{
	struct html_doc *doc = parse_html("<a href=\"famille.php5\">Ma famille</a>"
	                                  "<a href=\"javascript:window.open('aide.php5')\">x</a>");
	char *url = portal_link_url(html_find(doc->root, "a"), NULL);
	assert_string_equal(url, "famille.php5");
	free(url);
	url = portal_link_url(html_find_next(html_find(doc->root, "a"), doc->root, "a"), NULL);
	assert_string_equal(url, "aide.php5");
	free(url);
	html_doc_free(&doc);
}

static void test_link_text_falls_back_to_pictures(void **state)
{
	static const struct {
		const char *html, *text;
	} cases[] = {
		{ "<a href=x></a>", "" },
		{ "<a href=x><img src=i.gif alt=\"\"></a>", "" },
		{ "<a href=x title=\"Mon compte\"><img src=i.gif></a>", "Mon compte" },
		{ "<a href=x><img src=i.gif title=\"Aide\"></a>", "Aide" },
		{ "<a href=x><img src=i.gif alt=\"D&eacute;connexion\"></a>", "Déconnexion" },
		{ "<a href=x> <b>Ma</b>&nbsp;famille </a>", "Ma famille" },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		struct html_doc *doc = parse_html(cases[i].html);
		char *text = portal_link_text(html_find(doc->root, "a"));
		if (strcmp(text, cases[i].text) != 0)
			fail_msg("%s: got \"%s\", want \"%s\"", cases[i].html, text, cases[i].text);
		free(text);
		html_doc_free(&doc);
	}
}

/* ---- the menu on inline pages ---- */

static void test_links_on_empty_page(void **state)
{
	struct html_doc *doc = parse_html("");
	struct portal_links links;
	portal_links_find(doc, PAGE_BASE, &links);
	for (int i = 0; i < PORTAL_LINK_COUNT; i++)
		assert_null(links.url[i]);
	portal_links_clear(&links);
	portal_links_clear(&links);
	portal_links_clear(NULL);
	html_doc_free(&doc);
}

static void test_links_variants(void **state)
{
	static const struct {
		const char *what, *html;
		enum portal_link link;
		const char *url;
	} cases[] = {
		{ "picture with alt",
		  "<a href=\"deco.php5\"><img src=d.gif alt=\"D&eacute;connexion\"></a>",
		  LINK_LOGOUT, PAGE_BASE "deco.php5" },
		{ "icon without alt, href says logout",
		  "<a href=\"index.php5?action=logout\"><img src=d.gif></a>", LINK_LOGOUT,
		  PAGE_BASE "index.php5?action=logout" },
		{ "text link beats the icon",
		  "<a href=\"icone.php5?deconnexion=1\"><img src=d.gif></a>"
		  "<a href=\"logout.php5\">Se d&eacute;connecter</a>",
		  LINK_LOGOUT, PAGE_BASE "logout.php5" },
		{ "first usable link wins",
		  "<a href=\"javascript:ouvrirAide('x')\">Aide</a><a href=\"aide.php5\">Aide</a>"
		  "<a href=\"aide2.php5\">Aide</a>",
		  LINK_AIDE, PAGE_BASE "aide.php5" },
		{ "left column bullet", "<p><a href=\"famille.php5\">+ Ma famille</a>",
		  LINK_FAMILLE, PAGE_BASE "famille.php5" },
		{ "image map area",
		  "<map name=m><area href=\"compte.php5\" alt=\"Mon compte\"></map>", LINK_COMPTE,
		  PAGE_BASE "compte.php5" },
		{ "named anchor is no link", "<a name=\"accueil\">Accueil</a>", LINK_ACCUEIL,
		  NULL },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		struct html_doc *doc = parse_html(cases[i].html);
		struct portal_links links;
		portal_links_find(doc, PAGE_BASE "accueil.php5", &links);
		const char *got = links.url[cases[i].link];
		if (cases[i].url ? !got || strcmp(got, cases[i].url) != 0 : got != NULL)
			fail_msg("%s: got %s, want %s", cases[i].what, got ? got : "NULL",
			         cases[i].url ? cases[i].url : "NULL");
		portal_links_clear(&links);
		html_doc_free(&doc);
	}
}

/* ---- the login form ---- */

static void test_login_form_degenerate(void **state)
{
	struct login_form lf;
	char *err = NULL;
	assert_int_equal(login_form_find(NULL, &lf, &err), -1);
	assert_non_null(strstr(err, "no password field"));
	free(err);
	assert_false(page_is_login(NULL));
	assert_int_equal(login_form_find(NULL, &lf, NULL), -1);
}

static void test_login_form_cases(void **state)
{
	static const struct {
		const char *what, *html;
		long form;                /* -1: refused */
		const char *user, *error; /* user field name, or the error's words */
		const char *submit;       /* NULL: no submit control */
	} cases[] = {
		{ "no form", "<p>Bienvenue", -1, NULL, "no password field", NULL },
		{ "form without password", "<form><input name=q><input type=submit></form>", -1,
		  NULL, "no password field", NULL },
		{ "password alone", "<form><input type=password name=p></form>", -1, NULL,
		  "no field for the user name", NULL },
		{ "hidden and search fields are not the user field",
		  "<form><input type=search name=s><input type=hidden name=h>"
		  "<input type=password name=p></form>",
		  -1, NULL, "no field for the user name", NULL },
		{ "nearest text field before the password",
		  "<form><input name=nom><input type=hidden name=t value=1><input type=text name=login>"
		  "<input type=password name=p><input type=text name=code><input type=submit name=go>"
		  "</form>",
		  0, "login", NULL, "go" },
		{ "email and tel fields",
		  "<form><input type=email name=mail><input type=password name=p>"
		  "</form>",
		  0, "mail", NULL, NULL },
		{ "disabled field skipped",
		  "<form><input type=tel name=tel><input name=x disabled>"
		  "<input type=password name=p><button type=button>?</button></form>",
		  0, "tel", NULL, NULL },
		{ "second form holds the password",
		  "<form name=recherche><input name=q><input type=submit value=OK></form>"
		  "<form name=login><input name=u><input type=password name=p>"
		  "<input type=submit name=off disabled><input type=image name=img alt=Valider></form>",
		  1, "u", NULL, "img" },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		struct html_doc *doc = parse_html(cases[i].html);
		struct form_list *forms = form_list_from_doc(doc);
		struct login_form lf = { 0 };
		char *err = NULL;
		int rc = login_form_find(forms, &lf, &err);
		if (cases[i].form < 0) {
			if (rc == 0 || !strstr(err, cases[i].error))
				fail_msg("%s: want an error about %s, got %s", cases[i].what,
				         cases[i].error, rc == 0 ? "success" : err);
			assert_true(strncmp(err, "login form: ", 12) == 0);
		} else {
			if (rc != 0)
				fail_msg("%s: refused: %s", cases[i].what, err);
			const struct form *f = &forms->forms[lf.form];
			assert_int_equal(lf.form, cases[i].form);
			assert_string_equal(f->controls[lf.user_control].name, cases[i].user);
			assert_int_equal(f->controls[lf.password_control].kind, FC_PASSWORD);
			if (cases[i].submit)
				assert_string_equal(f->controls[lf.submit_control].name,
				                    cases[i].submit);
			else
				assert_int_equal(lf.submit_control, -1);
			assert_true(page_is_login(forms));
		}
		free(err);
		form_list_free(&forms);
		html_doc_free(&doc);
	}
}

/* ---- the portal's refusal message ---- */

static void test_login_error_message_cases(void **state)
{
	static const char *const pw = "<form><input name=u><input type=password name=p></form>";
	static const struct {
		const char *what, *html, *message; /* NULL: no message */
	} cases[] = {
		{ "empty page", "", NULL },
		{ "no message", "<p>Bienvenue sur le portail</p>", NULL },
		{ "empty error box", "<div class=\"erreur\"></div><p>Bonjour</p>", NULL },
		{ "hidden script message",
		  "<div class=\"erreur\" style=\"DISPLAY : none\">Veuillez saisir votre identifiant.</div>",
		  NULL },
		{ "hidden attribute", "<p hidden class=error>Identifiant incorrect</p>", NULL },
		{ "message class without error words", "<div class=\"message\">Bienvenue !</div>",
		  NULL },
		{ "red background is not red text",
		  "<p style=\"background-color:#ff0000\">Portail familles</p>", NULL },
		{ "error class",
		  "<div class=\"msgErreur\"> Identifiant ou mot de passe incorrect </div>",
		  "Identifiant ou mot de passe incorrect" },
		{ "red font", "<font color=\"red\"><b>Mot de passe invalide.</b></font>",
		  "Mot de passe invalide." },
		{ "short red hex",
		  "<span style=\"font-weight:bold; color: #c00\">Compte bloqu&eacute; :"
		  " trop de tentatives</span>",
		  "Compte bloqué : trop de tentatives" },
		{ "strong class without error words",
		  "<div id=\"alert\">Votre session a &eacute;t&eacute; "
		  "ferm&eacute;e.</div>",
		  "Votre session a été fermée." },
		{ "bootstrap alert", "<div class=\"alert alert-danger\">Invalid credentials</div>",
		  "Invalid credentials" },
		{ "a label inside the message: the whole message",
		  "<div class=\"message\"><span class=\"erreur\">Erreur :</span> identifiant inconnu</div>",
		  "Erreur : identifiant inconnu" },
		{ "the innermost sentence",
		  "<div id=\"zone_message\">Connexion requise. <div class=\"erreur\">Le mot de passe est "
		  "incorrect.</div></div>",
		  "Le mot de passe est incorrect." },
		{ "worded message beats a plain error box",
		  "<div class=\"error\">Attention</div><font color=#CC0000>Identifiant inconnu</font>",
		  "Identifiant inconnu" },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		char *html = xasprintf("%s%s", cases[i].html, pw);
		struct html_doc *doc = parse_html(html);
		char *message = login_error_message(doc);
		if (cases[i].message ? !message || strcmp(message, cases[i].message) != 0
		                     : message != NULL)
			fail_msg("%s: got %s, want %s", cases[i].what, message ? message : "NULL",
			         cases[i].message ? cases[i].message : "NULL");
		free(message);
		html_doc_free(&doc);
		free(html);
	}
	assert_null(login_error_message(NULL));
}

static void test_login_error_message_near_the_form(void **state)
{
	struct html_doc *doc = parse_html(
	        "<table class=connexion><tr><td>&Eacute;chec de la connexion : identifiant inconnu"
	        "<tr><td><form><input name=u><input type=password name=p></form></table>");
	char *message = login_error_message(doc);
	assert_non_null(message);
	assert_string_equal(message, "Échec de la connexion : identifiant inconnu");
	free(message);
	html_doc_free(&doc);

	/* An error word far from the login box is not about the login. */
	char *filler = xcalloc(1, 701);
	memset(filler, 'a', 700);
	char *html = xasprintf("<div><p>En cas d'erreur de saisie, %s.</p><div><form><input name=u>"
	                       "<input type=password name=p></form></div></div>",
	                       filler);
	doc = parse_html(html);
	assert_null(login_error_message(doc));
	html_doc_free(&doc);
	free(html);
	free(filler);
}

/* ---- saved pages ---- */

struct page_case {
	const char *file;
	bool logged_in;   /* menu, logout and payer links expected */
	bool factures;    /* the "Détail financier par facture" link */
	const char *aide; /* where Aide leads */
	const char *user, *password, *submit, *hidden; /* login pages */
	const char *message;
};

/* A table, aligned by hand: */
/* clang-format off */
static const struct page_case page_cases[] = {
	{ "accueil.html", true, false, PAGE_BASE "aide.php5", NULL, NULL, NULL, NULL, NULL },
	{ "tableau_bord.html", true, false, PAGE_BASE "aide.php5", NULL, NULL, NULL, NULL, NULL },
	{ "famille.html", true, false, PAGE_BASE "aide.php5", NULL, NULL, NULL, NULL, NULL },
	{ "coordonnees.html", true, false, PAGE_BASE "aide.php5", NULL, NULL, NULL, NULL, NULL },
	{ "inscriptions.html", true, false, PAGE_BASE "aide.php5", NULL, NULL, NULL, NULL, NULL },
	{ "compte.html", true, true, PAGE_BASE "aide.php5", NULL, NULL, NULL, NULL, NULL },
	{ "aide.html", true, false, PAGE_BASE "aide.php5", NULL, NULL, NULL, NULL, NULL },
	{ "factures.html", true, false, PAGE_BASE "aide.php5", NULL, NULL, NULL, NULL, NULL },
	{ "famille-latin1.html", true, false, PAGE_BASE "aide.php5", NULL, NULL, NULL, NULL, NULL },
	{ "famille-escapes.html", true, false, PAGE_BASE "aide.php5", NULL, NULL, NULL, NULL, NULL },
	{ "login.html", false, false, NULL, "txtLogin", "txtPassword", "btnConnexion", "jeton",
	  NULL },
	{ "login-refused.html", false, false, NULL, "txtLogin", "txtPassword", "btnConnexion",
	  "jeton", "Identifiant ou mot de passe incorrect." },
	{ "login-renamed-fields.html", false, false, NULL, "identifiant_xyz", "mdp_2", "valider",
	  "csrf_token", NULL },
};
/* clang-format on */

static void check_page_links(const struct page_case *pc, const struct html_doc *doc)
{
	static const char *const files[] = {
		[LINK_ACCUEIL] = "accueil.php5",
		[LINK_TABLEAU_DE_BORD] = "tableau_bord.php5",
		[LINK_FAMILLE] = "famille.php5",
		[LINK_COORDONNEES] = "coordonnees.php5",
		[LINK_INSCRIPTIONS] = "inscriptions.php5",
		[LINK_COMPTE] = "compte.php5",
		[LINK_AIDE] = "aide.php5",
		[LINK_LOGOUT] = "logout.php5",
		[LINK_PAYER] = "compte_factures.php5",
		[LINK_FACTURES] = "compte_factures.php5",
	};
	struct portal_links links;
	portal_links_find(doc, PAGE_BASE "page.php5", &links);
	for (int i = 0; i < PORTAL_LINK_COUNT; i++) {
		bool want = pc->logged_in && (i != LINK_FACTURES || pc->factures);
		char *url = want ? xasprintf(PAGE_BASE "%s", files[i]) : NULL;
		if (want ? !links.url[i] || strcmp(links.url[i], url) != 0 : links.url[i] != NULL)
			fail_msg("%s: link %s: got %s, want %s", pc->file, portal_link_name(i),
			         links.url[i] ? links.url[i] : "NULL", url ? url : "NULL");
		free(url);
	}
	portal_links_clear(&links);
}

static void check_page_login(const struct page_case *pc, const struct html_doc *doc)
{
	struct form_list *forms = form_list_from_doc(doc);
	struct login_form lf;
	char *err = NULL;
	assert_int_equal(page_is_login(forms), pc->user != NULL);
	int rc = login_form_find(forms, &lf, &err);
	if (!pc->user) {
		assert_int_equal(rc, -1);
		free(err);
		form_list_free(&forms);
		return;
	}
	if (rc != 0)
		fail_msg("%s: %s", pc->file, err);
	const struct form *f = &forms->forms[lf.form];
	assert_string_equal(f->controls[lf.user_control].name, pc->user);
	assert_string_equal(f->controls[lf.password_control].name, pc->password);
	assert_true(lf.submit_control >= 0);
	assert_string_equal(f->controls[lf.submit_control].name, pc->submit);
	bool hidden = false;
	for (size_t i = 0; i < f->ncontrols; i++)
		hidden |= f->controls[i].kind == FC_HIDDEN &&
		          strcmp(f->controls[i].name, pc->hidden) == 0;
	assert_true(hidden);
	form_list_free(&forms);
}

static void run_page_case(void **state)
{
	const struct page_case *pc = *state;
	struct html_doc *doc = load_page(pc->file);
	check_page_links(pc, doc);
	check_page_login(pc, doc);
	char *message = login_error_message(doc);
	if (pc->message ? !message || strcmp(message, pc->message) != 0 : message != NULL)
		fail_msg("%s: message %s, want %s", pc->file, message ? message : "NULL",
		         pc->message ? pc->message : "NULL");
	free(message);
	html_doc_free(&doc);
}

static void test_aide_menu_link_variants(void **state)
{
	/* tableau_bord's menu opens Aide with javascript:window.open, famille's
	 * with href="#" and an onclick: both lead to aide.php5. */
	static const char *const files[] = { "tableau_bord.html", "famille.html" };
	for (size_t i = 0; i < N_ELEMS(files); i++) {
		struct html_doc *doc = load_page(files[i]);
		struct portal_links links;
		portal_links_find(doc, PAGE_BASE "x.php5", &links);
		assert_non_null(links.url[LINK_AIDE]);
		assert_string_equal(links.url[LINK_AIDE], PAGE_BASE "aide.php5");
		portal_links_clear(&links);
		html_doc_free(&doc);
	}
}

int main(void)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_names_and_labels_round_trip),
		cmocka_unit_test(test_link_from_text),
		cmocka_unit_test(test_link_url),
		cmocka_unit_test(test_link_url_without_page_url_is_as_written),
		cmocka_unit_test(test_link_text_falls_back_to_pictures),
		cmocka_unit_test(test_links_on_empty_page),
		cmocka_unit_test(test_links_variants),
		cmocka_unit_test(test_login_form_degenerate),
		cmocka_unit_test(test_login_form_cases),
		cmocka_unit_test(test_login_error_message_cases),
		cmocka_unit_test(test_login_error_message_near_the_form),
		cmocka_unit_test(test_aide_menu_link_variants),
	};
	/* clang-format on */
	size_t n = N_ELEMS(fixed) + N_ELEMS(page_cases);
	struct CMUnitTest *tests = xcalloc(n, sizeof(*tests));
	memcpy(tests, fixed, sizeof(fixed));
	for (size_t i = 0; i < N_ELEMS(page_cases); i++)
		tests[N_ELEMS(fixed) + i] = (struct CMUnitTest){
			.name = xasprintf("saved_page_%s", page_cases[i].file),
			.test_func = run_page_case,
			.initial_state = (void *)&page_cases[i],
		};
	int failed = _cmocka_run_group_tests("navigation", tests, n, NULL, NULL);
	for (size_t i = N_ELEMS(fixed); i < n; i++)
		free((char *)tests[i].name);
	free(tests);
	return failed;
}
