/* Fault injection: the --fault spellings, which fault fires on which
 * request, and the deliberately hostile names of the evil-names fault. */
#include "demo/internal.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Split string literals keep hex escapes from swallowing the next digit. */
const char demo_evil_family[] =
        "MARTIN\x1b[31m ROUGE\x1b[0m"
        "\x1b]52;c;cm0gLXJmIH4K\x07"; /* OSC 52: put "rm -rf ~" in the clipboard */
const char demo_evil_invoice[] = "F2022-0388"
                                 "\xe2\x80\xae" /* RLO U+202E */
                                 "8830"
                                 "\b\b\b\b"; /* backspaces over what precedes */
const char demo_evil_regie[] = "MAIRIE "
                               "\xc2\x9b" /* C1 CSI U+009B */
                               "31m SERVICE "
                               "\x1b]0;Paiement accepté\x07" /* OSC 0: set the window title */
                               "ENFANCE JEUNESSE";
/* The same name as the invoice page writes it: the OSC as character
 * references, which only become controls once the parser decodes them. */
const char demo_evil_regie_html[] =
        "MAIRIE "
        "\xc2\x9b"
        "31m SERVICE &#27;]0;Paiement accept&eacute;&#x7;ENFANCE JEUNESSE";
/* Links a page must never open (the Aide page shows them): a local file,
 * another scheme, plain http toward another machine, mail, script. Only
 * https, or http toward the loopback, may reach $BROWSER. */
const char demo_evil_links_html[] =
        "      <p><b>Documents</b><br>\n"
        "      <a href=\"file:///etc/passwd\">R&egrave;glement int&eacute;rieur</a> | "
        "<a href=\"ftp://127.0.0.1/tarifs.pdf\">Tarifs 2022-2023</a> | "
        "<a href=\"http://www.mairie-lhorme.fr/\">Site de la mairie</a> | "
        "<a href=\"mailto:enfance@mairie-lhorme.fr\">&Eacute;crire au service</a> | "
        "<a href=\"javascript:alert(document.cookie)\">Imprimer</a>\n";
const char demo_evil_login_error[] =
        "Identifiant ou mot de passe incorrect.&#27;[2J&#x1b;[H\x1b[8m";

static const char *const handoff_names[DEMO_HANDOFF_COUNT] = {
	[DEMO_HANDOFF_POPUP] = "popup",           [DEMO_HANDOFF_DIRECT] = "direct",
	[DEMO_HANDOFF_TARGET] = "target",         [DEMO_HANDOFF_REDIRECTS] = "redirects",
	[DEMO_HANDOFF_AUTOSUBMIT] = "autosubmit", [DEMO_HANDOFF_BUTTON] = "button",
};

static const char *const page_names[DEMO_PAGE_COUNT_] = {
	[DEMO_PAGE_OTHER] = "other",
	[DEMO_PAGE_LOGIN] = "login",
	[DEMO_PAGE_ACCUEIL] = "accueil",
	[DEMO_PAGE_TABLEAU_BORD] = "tableau_bord",
	[DEMO_PAGE_FAMILLE] = "famille",
	[DEMO_PAGE_COORDONNEES] = "coordonnees",
	[DEMO_PAGE_INSCRIPTIONS] = "inscriptions",
	[DEMO_PAGE_COMPTE] = "compte",
	[DEMO_PAGE_FACTURES] = "factures",
	[DEMO_PAGE_AIDE] = "aide",
	[DEMO_PAGE_REGLEMENT] = "reglement",
	[DEMO_PAGE_POPUP] = "popup",
	[DEMO_PAGE_REDIRECT] = "redirect",
	[DEMO_PAGE_PAYFIP] = "payfip",
	[DEMO_PAGE_HISTORIQUE] = "historique",
	[DEMO_PAGE_DOCUMENT] = "document",
};

static const char *const family_names[DEMO_FAMILY_COUNT] = { "martin", "current", "settled" };
static const char *const history_names[DEMO_HISTORY_COUNT] = { "page", "list", "none" };

int demo_family_parse(const char *name, enum demo_family_kind *out, char **errp)
{
	for (unsigned i = 0; i < DEMO_FAMILY_COUNT; i++)
		if (strcmp(name, family_names[i]) == 0) {
			*out = (enum demo_family_kind)i;
			return 0;
		}
	return demo_error(errp, "unknown family \"%s\" (martin, current, settled)", name);
}

int demo_history_parse(const char *name, enum demo_history *out, char **errp)
{
	for (unsigned i = 0; i < DEMO_HISTORY_COUNT; i++)
		if (strcmp(name, history_names[i]) == 0) {
			*out = (enum demo_history)i;
			return 0;
		}
	return demo_error(errp, "unknown history variant \"%s\" (page, list, none)", name);
}

static const char *const charset_names[] = {
	[DEMO_CHARSET_LATIN1] = "latin1",
	[DEMO_CHARSET_UTF8] = "utf8",
	[DEMO_CHARSET_UTF8_AS_LATIN1] = "utf8-as-latin1",
	[DEMO_CHARSET_LATIN1_AS_UTF8] = "latin1-as-utf8",
	[DEMO_CHARSET_META_ONLY] = "meta-only",
	[DEMO_CHARSET_CP1252] = "cp1252",
};

const char *demo_handoff_name(enum demo_handoff h)
{
	if ((unsigned)h >= DEMO_HANDOFF_COUNT)
		return "?";
	return handoff_names[h];
}

int demo_handoff_parse(const char *name, enum demo_handoff *out, char **errp)
{
	for (unsigned i = 0; i < DEMO_HANDOFF_COUNT; i++) {
		if (strcmp(name, handoff_names[i]) == 0) {
			*out = (enum demo_handoff)i;
			return 0;
		}
	}
	return demo_error(errp,
	                  "unknown hand-off variant \"%s\" (popup, direct, target, "
	                  "redirects, autosubmit, button)",
	                  name);
}

const char *demo_page_name(enum demo_page p)
{
	if ((unsigned)p >= DEMO_PAGE_COUNT_)
		return "?";
	return page_names[p];
}

const char *demo_fault_help(void)
{
	return "  expire-after=N        a logged-in session dies after N requests (302 to login)\n"
	       "  http500[=PAGES]       answer 500 (default page: factures)\n"
	       "  truncate[=PAGES]      announce the whole body, send 60%, close\n"
	       "  stall[=PAGES]         send headers and 64 bytes, then nothing for stall-ms\n"
	       "  huge[=PAGES]          add ~10 MB (huge-bytes=N) of HTML comments to the page\n"
	       "  maintenance[=PAGES]   \"Le portail est en maintenance\" with status 200\n"
	       "                        (default: every portal page, not payfip)\n"
	       "  drop[=PAGES]          do the work, then close without answering\n"
	       "                        (default page: reglement)\n"
	       "  hang[=PAGES]          do the work, then answer nothing for stall-ms, close\n"
	       "                        (default page: reglement)\n"
	       "  endless[=PAGES]       the body never ends (default page: document)\n"
	       "  times=N               http500/truncate/stall/huge/drop/hang/endless fire on the first\n"
	       "                        N hits only\n"
	       "  stall-ms=N            how long a stall lasts (default 300000)\n"
	       "  evil-names            escape sequences, C1, RLO, backspace in names; links\n"
	       "                        to file:, ftp:, http:, mailto:, javascript: on Aide\n"
	       "  charset=CS            latin1 (default), utf8, utf8-as-latin1, latin1-as-utf8,\n"
	       "                        meta-only, cp1252\n"
	       "  latency-ms=N          wait N ms before each response\n"
	       "  bandwidth-bps=N       send bodies at N bytes per second\n"
	       "  PAGES: comma-separated list of login, accueil, tableau_bord, famille,\n"
	       "  coordonnees, inscriptions, compte, factures, aide, reglement, popup,\n"
	       "  redirect, payfip, historique, document, other, or all\n";
}

static int parse_ulong(const char *s, unsigned long max, unsigned long *out)
{
	if (!s || !*s || *s == '-' || *s == '+')
		return -1;
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || *end || v > max)
		return -1;
	*out = v;
	return 0;
}

static int parse_pages(const char *list, unsigned *mask, char **errp)
{
	unsigned m = 0;
	const char *p = list;
	while (*p) {
		size_t n = strcspn(p, ",");
		bool found = false;
		if (n == 3 && strncmp(p, "all", 3) == 0) {
			m |= DEMO_PAGE_ALL;
			found = true;
		}
		for (unsigned i = 0; i < DEMO_PAGE_COUNT_ && !found; i++) {
			if (strlen(page_names[i]) == n && strncmp(p, page_names[i], n) == 0) {
				m |= DEMO_PAGE_BIT(i);
				found = true;
			}
		}
		if (!found)
			return demo_error(errp, "unknown page \"%.*s\" in fault",
			                  (int)(n < 64 ? n : 64), p);
		p += n;
		if (*p == ',')
			p++;
	}
	if (!m)
		return demo_error(errp, "empty page list in fault");
	*mask |= m;
	return 0;
}

int demo_fault_parse(struct demo_faults *f, const char *spec, char **errp)
{
	const char *eq = strchr(spec, '=');
	size_t nlen = eq ? (size_t)(eq - spec) : strlen(spec);
	const char *arg = eq ? eq + 1 : NULL;
	unsigned long v;

#define IS(name) (nlen == strlen(name) && strncmp(spec, name, nlen) == 0)
	struct {
		const char *name;
		unsigned *mask;
		unsigned dflt;
	} pagefaults[] = {
		{ "http500", &f->http500, DEMO_PAGE_BIT(DEMO_PAGE_FACTURES) },
		{ "truncate", &f->truncate, DEMO_PAGE_BIT(DEMO_PAGE_FACTURES) },
		{ "stall", &f->stall, DEMO_PAGE_BIT(DEMO_PAGE_FACTURES) },
		{ "huge", &f->huge, DEMO_PAGE_BIT(DEMO_PAGE_FACTURES) },
		{ "drop", &f->drop, DEMO_PAGE_BIT(DEMO_PAGE_REGLEMENT) },
		{ "hang", &f->hang, DEMO_PAGE_BIT(DEMO_PAGE_REGLEMENT) },
		{ "endless", &f->endless, DEMO_PAGE_BIT(DEMO_PAGE_DOCUMENT) },
		/* The portal is down, not PayFiP: another site. */
		{ "maintenance", &f->maintenance,
		  DEMO_PAGE_ALL & ~DEMO_PAGE_BIT(DEMO_PAGE_PAYFIP) },
	};
	for (size_t i = 0; i < sizeof pagefaults / sizeof pagefaults[0]; i++) {
		if (!IS(pagefaults[i].name))
			continue;
		if (!arg) {
			*pagefaults[i].mask |= pagefaults[i].dflt;
			return 0;
		}
		return parse_pages(arg, pagefaults[i].mask, errp);
	}
	struct {
		const char *name;
		unsigned long max;
	} numeric[] = {
		{ "expire-after", UINT_MAX },   { "times", UINT_MAX },
		{ "stall-ms", UINT_MAX },       { "latency-ms", 600000 },
		{ "bandwidth-bps", ULONG_MAX }, { "huge-bytes", 1UL << 30 },
	};
	for (size_t i = 0; i < sizeof numeric / sizeof numeric[0]; i++) {
		if (!IS(numeric[i].name))
			continue;
		if (parse_ulong(arg, numeric[i].max, &v) < 0)
			return demo_error(errp, "fault %s needs a number (=N, at most %lu)",
			                  numeric[i].name, numeric[i].max);
		switch (i) {
		case 0: f->expire_after = (unsigned)v; break;
		case 1: f->times = (unsigned)v; break;
		case 2: f->stall_ms = (unsigned)v; break;
		case 3: f->latency_ms = (unsigned)v; break;
		case 4: f->bandwidth_bps = v; break;
		default: f->huge_bytes = v; break;
		}
		return 0;
	}
	if (IS("evil-names")) {
		if (arg)
			return demo_error(errp, "fault evil-names takes no value");
		f->evil_names = true;
		return 0;
	}
	if (IS("charset")) {
		for (size_t i = 0; arg && i < sizeof charset_names / sizeof charset_names[0]; i++) {
			if (strcmp(arg, charset_names[i]) == 0) {
				f->charset = (enum demo_charset)i;
				return 0;
			}
		}
		return demo_error(errp, "fault charset needs one of latin1, utf8, utf8-as-latin1, "
		                        "latin1-as-utf8, meta-only, cp1252");
	}
#undef IS
	return demo_error(errp, "unknown fault \"%.*s\"", (int)(nlen < 64 ? nlen : 64), spec);
}

bool demo_faults_maintenance(const struct demo_server *srv, enum demo_page page)
{
	return (srv->faults.maintenance & DEMO_PAGE_BIT(page)) != 0;
}

/* Whether a page fault aimed at this page still has hits left. */
static bool fires(struct demo_server *srv, unsigned mask, enum demo_page page)
{
	if (!(mask & DEMO_PAGE_BIT(page)))
		return false;
	return srv->faults.times == 0 || srv->fault_hits[page] < srv->faults.times;
}

void demo_faults_pick(struct demo_server *srv, struct demo_reply *rep)
{
	const struct demo_faults *f = &srv->faults;
	enum demo_page page = rep->page;
	/* The page was not served at all: the fault waits for it. */
	if ((unsigned)page >= DEMO_PAGE_COUNT_ || rep->to_login)
		return;
	rep->f_http500 = fires(srv, f->http500, page);
	rep->f_truncate = fires(srv, f->truncate, page);
	rep->f_stall = fires(srv, f->stall, page);
	rep->f_huge = fires(srv, f->huge, page);
	rep->f_drop = fires(srv, f->drop, page);
	rep->f_hang = !rep->f_drop && fires(srv, f->hang, page);
	rep->f_endless = fires(srv, f->endless, page);
	/* A redirect has no page to spoil: let the fault wait for the page.
	 * An answer lost whole replaces a redirect as well as a page. */
	if (rep->location && !rep->f_http500)
		rep->f_truncate = rep->f_stall = rep->f_huge = rep->f_endless = false;
	if (rep->f_http500 || rep->f_truncate || rep->f_stall || rep->f_huge || rep->f_drop ||
	    rep->f_hang || rep->f_endless) {
		srv->fault_hits[page]++;
		srv->stats.faults_fired++;
	}
}
