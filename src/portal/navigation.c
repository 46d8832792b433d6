/* Menu links by what a person reads, and where a link really leads. */
#include "config.h"

#include "util/i18n.h"
#include "portal/navigation.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/fold.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "web/url.h"

/* Labels are written folded (see util/fold.h) so matching is one strcmp.
 * The first entry of each line is the portal's own label. */
static const struct {
	const char *label; /* as the portal prints it */
	const char *name;  /* command-line name */
	const char *folded[5];
} link_labels[PORTAL_LINK_COUNT] = {
	[LINK_ACCUEIL] = { "Accueil", "accueil", { "accueil", "page d accueil" } },
	[LINK_TABLEAU_DE_BORD] = { "Mon tableau de bord",
	                           "tableau-de-bord",
	                           { "mon tableau de bord", "tableau de bord" } },
	[LINK_FAMILLE] = { "Ma famille", "famille", { "ma famille", "famille" } },
	[LINK_COORDONNEES] = { "Mes coordonnées",
	                       "coordonnees",
	                       { "mes coordonnees", "coordonnees" } },
	[LINK_INSCRIPTIONS] = { "Mes inscriptions",
	                        "inscriptions",
	                        { "mes inscriptions", "inscriptions" } },
	[LINK_COMPTE] = { "Mon compte", "compte", { "mon compte" } },
	[LINK_AIDE] = { "Comment utiliser le portail ?",
	                "aide",
	                { "comment utiliser le portail", "aide" } },
	[LINK_LOGOUT] = { "Se déconnecter",
	                  "logout",
	                  { "se deconnecter", "deconnexion", "deconnecter" } },
	[LINK_PAYER] = { "Payer mes factures",
	                 "payer",
	                 { "payer mes factures", "payer", "payer en ligne", "paiement en ligne" } },
	[LINK_FACTURES] = { "Détail financier par facture",
	                    "factures",
	                    { "detail financier par facture", "detail financier", "mes factures",
	                      "factures" } },
};

const char *portal_link_label(enum portal_link link)
{
	return (unsigned)link < PORTAL_LINK_COUNT ? link_labels[link].label : "";
}

const char *portal_link_name(enum portal_link link)
{
	return (unsigned)link < PORTAL_LINK_COUNT ? link_labels[link].name : "";
}

int portal_link_from_name(const char *name)
{
	for (int i = 0; name && i < PORTAL_LINK_COUNT; i++)
		if (strcmp(link_labels[i].name, name) == 0)
			return i;
	return -1;
}

static int link_from_folded(const char *folded)
{
	for (int i = 0; i < PORTAL_LINK_COUNT; i++)
		for (size_t k = 0;
		     k < sizeof link_labels[i].folded / sizeof link_labels[i].folded[0]; k++)
			if (link_labels[i].folded[k] &&
			    strcmp(link_labels[i].folded[k], folded) == 0)
				return i;
	return -1;
}

int portal_link_from_text(const char *text)
{
	if (!text)
		return -1;
	char *folded = fold_label(text);
	int link = *folded ? link_from_folded(folded) : -1;
	free(folded);
	return link;
}

/* ---- where a link leads ---- */

/* Browsers percent-decode a javascript: URL before running it, so
 * "javascript:window.open(%27a.php5%27)" opens a.php5. */
static char *percent_decode(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	static const char hex[] = "0123456789abcdef";
	for (; *s; s++) {
		const char *hi = s[0] == '%' && s[1] ? strchr(hex, s[1] | 0x20) : NULL;
		const char *lo = hi && s[2] ? strchr(hex, s[2] | 0x20) : NULL;
		if (lo) {
			strbuf_putc(&sb, (char)((hi - hex) * 16 + (lo - hex)));
			s += 2;
		} else {
			strbuf_putc(&sb, *s);
		}
	}
	return strbuf_detach(&sb);
}

static const char *skip_spaces(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

/* The JavaScript string literal at s ('...' or "..."), simple escapes
 * undone; NULL when s is not a literal or the literal is empty. */
static char *js_literal(const char *s)
{
	char quote = *s;
	if (quote != '\'' && quote != '"')
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	for (s++; *s && *s != quote; s++) {
		if (*s == '\\' && s[1])
			s++;
		strbuf_putc(&sb, *s);
	}
	if (*s != quote || sb.len == 0) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

static bool is_ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '$';
}

/* After "location": "= '...'", ".href = '...'", ".replace('...')" or
 * ".assign('...')". Comparisons ("==") are not assignments. */
static char *location_target(const char *s)
{
	s = skip_spaces(s);
	if (strncmp(s, ".href", 5) == 0 && !is_ident_char(s[5]))
		s = skip_spaces(s + 5);
	else if (strncmp(s, ".replace", 8) == 0 || strncmp(s, ".assign", 7) == 0) {
		s = skip_spaces(s + (s[1] == 'r' ? 8 : 7));
		return *s == '(' ? js_literal(skip_spaces(s + 1)) : NULL;
	}
	if (*s != '=' || s[1] == '=')
		return NULL;
	return js_literal(skip_spaces(s + 1));
}

/* The first URL a script opens (window.open) or navigates to (location),
 * in the order written. */
static char *script_target(const char *script)
{
	for (const char *s = script; *s; s++) {
		if (s > script && is_ident_char(s[-1]))
			continue;
		if (strncmp(s, "open", 4) == 0) {
			const char *p = skip_spaces(s + 4);
			char *url = *p == '(' ? js_literal(skip_spaces(p + 1)) : NULL;
			if (url)
				return url;
		} else if (strncmp(s, "location", 8) == 0 && !is_ident_char(s[8])) {
			char *url = location_target(s + 8);
			if (url)
				return url;
		}
	}
	return NULL;
}

static char *resolve(const char *page_url, const char *ref)
{
	if (!page_url)
		return xstrdup(ref);
	char *err = NULL;
	char *url = url_resolve(page_url, ref, &err);
	free(err);
	return url;
}

char *portal_link_url(const struct html_node *a, const char *page_url)
{
	const char *href = html_attr(a, "href");
	const char *h = href ? skip_spaces(href) : "";
	char *target = NULL;
	if (url_is_javascript(h)) {
		char *code = percent_decode(strchr(h, ':') + 1);
		target = script_target(code);
		free(code);
	} else if (*h && *h != '#') {
		return resolve(page_url, h);
	}
	if (!target && html_attr(a, "onclick"))
		target = script_target(html_attr(a, "onclick"));
	/* A script may itself say "javascript:..." (window.open('javascript:...')):
	 * that leads nowhere we follow. */
	if (!target || url_is_javascript(target) || *skip_spaces(target) == '#') {
		free(target);
		return NULL;
	}
	char *url = resolve(page_url, target);
	free(target);
	return url;
}

/* ---- the menu ---- */

char *portal_link_text(const struct html_node *a)
{
	char *text = html_text(a);
	if (*text)
		return text;
	free(text);
	for (const struct html_node *n = html_next(a, a); n; n = html_next(n, a)) {
		if (!html_is(n, "img") && !html_is(n, "input"))
			continue;
		const char *alt = html_attr(n, "alt");
		if (alt && *alt)
			return xstrdup(alt);
		const char *title = html_attr(n, "title");
		if (title && *title)
			return xstrdup(title);
	}
	/* an image map's <area> carries its own alt */
	const char *own = html_attr(a, "alt");
	if (!own || !*own)
		own = html_attr(a, "title");
	return xstrdup(own ? own : "");
}

static bool href_names_logout(const struct html_node *a)
{
	const char *href = html_attr(a, "href");
	if (!href)
		return false;
	return strcasestr(href, "logout") || strcasestr(href, "deconnexion") ||
	       strcasestr(href, "deconnect");
}

static void consider_link(const struct html_node *a, const char *page_url, struct portal_links *out,
                          const struct html_node **logout_icon)
{
	char *text = portal_link_text(a);
	int link = portal_link_from_text(text);
	if (!*text && !*logout_icon && href_names_logout(a))
		*logout_icon = a;
	free(text);
	if (link < 0 || out->url[link])
		return;
	out->url[link] = portal_link_url(a, page_url);
}

void portal_links_find(const struct html_doc *doc, const char *page_url, struct portal_links *out)
{
	memset(out, 0, sizeof(*out));
	const struct html_node *logout_icon = NULL;
	for (const struct html_node *n = doc->root; n; n = html_next(n, doc->root))
		if (html_is(n, "a") || html_is(n, "area"))
			consider_link(n, page_url, out, &logout_icon);
	if (!out->url[LINK_LOGOUT] && logout_icon)
		out->url[LINK_LOGOUT] = portal_link_url(logout_icon, page_url);
}

void portal_links_clear(struct portal_links *links)
{
	if (!links)
		return;
	for (int i = 0; i < PORTAL_LINK_COUNT; i++) {
		free(links->url[i]);
		links->url[i] = NULL;
	}
}

/* ---- the login form ---- */

static long first_password(const struct form *form)
{
	for (size_t i = 0; i < form->ncontrols; i++)
		if (form->controls[i].kind == FC_PASSWORD)
			return (long)i;
	return -1;
}

bool page_is_login(const struct form_list *forms)
{
	for (size_t f = 0; forms && f < forms->count; f++)
		if (first_password(&forms->forms[f]) >= 0)
			return true;
	return false;
}

/* A field a person types a user name into: text, email or tel (an
 * unknown type is text for a browser); not a date, a search box... */
static bool is_user_field(const struct form_control *c)
{
	static const char *const not_names[] = { "search",         "url",   "date", "time",
		                                 "datetime-local", "month", "week", "number",
		                                 "range",          "color", NULL };
	if (c->kind != FC_TEXT || c->disabled || !html_is(c->node, "input"))
		return false;
	const char *type = html_attr(c->node, "type");
	for (const char *const *t = not_names; type && *t; t++)
		if (strcasecmp(type, *t) == 0)
			return false;
	return true;
}

int login_form_find(const struct form_list *forms, struct login_form *out, char **errp)
{
	for (size_t f = 0; forms && f < forms->count; f++) {
		const struct form *form = &forms->forms[f];
		long pw = first_password(form);
		if (pw < 0)
			continue;
		long user = pw - 1;
		while (user >= 0 && !is_user_field(&form->controls[user]))
			user--;
		if (user < 0)
			return set_error(errp,
			                 _("login form: no field for the user name before the "
			                   "password field"));
		out->form = f;
		out->user_control = (size_t)user;
		out->password_control = (size_t)pw;
		out->submit_control = -1;
		for (size_t i = 0; i < form->ncontrols; i++)
			if (form_control_is_submit(&form->controls[i]) &&
			    !form->controls[i].disabled) {
				out->submit_control = (long)i;
				break;
			}
		return 0;
	}
	return set_error(errp, _("login form: no password field on the page"));
}
