/* Finding an invoice row's document link by its label. */
#include "config.h"

#include "portal/invoice_document.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/fold.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "web/url.h"
#include "portal/handoff/handoff.h"

/* Words of a label that says "the document": folded, whole words. */
static const char *const document_words[] = {
	"telecharger",  "telechargement", "pdf",    "facture",  "document", "imprimer",
	"visualiser",   "consulter",      "voir",   "afficher", "editer",   "download",
	"justificatif", "duplicata",      "ouvrir", NULL,
};
/* ... unless it pays: "Payer cette facture" is the Règlement, no document. */
static const char *const paying_words[] = { "payer", "regler", "reglement", "paiement", NULL };

static bool says_any(const char *label, const char *const *words)
{
	for (const char *const *w = words; *w; w++)
		if (fold_contains(label, *w))
			return true;
	return false;
}

static bool says_document(const char *label)
{
	return label && says_any(label, document_words) && !says_any(label, paying_words);
}

/* An address the page may send us to: relative, or http(s). */
static bool is_fetchable(const char *ref)
{
	while (*ref == ' ' || *ref == '\t' || *ref == '\n' || *ref == '\r')
		ref++;
	if (!*ref || *ref == '#' || url_is_javascript(ref))
		return false;
	size_t scheme = strcspn(ref, ":/?#");
	if (ref[scheme] != ':')
		return true; /* relative */
	return (scheme == 4 && strncasecmp(ref, "http", 4) == 0) ||
	       (scheme == 5 && strncasecmp(ref, "https", 5) == 0);
}

/* The address a script opens in a window (a literal one), or NULL. */
static char *script_target(const char *script)
{
	char *url = script ? handoff_js_call_arg(script, "window.open") : NULL;
	if (url && !is_fetchable(url)) {
		free(url);
		url = NULL;
	}
	return url;
}

static bool is_button(const struct html_node *n)
{
	const char *type = html_attr(n, "type");
	return html_is(n, "button") ||
	       (html_is(n, "input") && type &&
	        (strcasecmp(type, "button") == 0 || strcasecmp(type, "image") == 0));
}

/* Where the element leads when clicked, or NULL when it is no link. */
static char *link_target(const struct html_node *n)
{
	if (html_is(n, "a")) {
		const char *href = html_attr(n, "href");
		if (href && is_fetchable(href))
			return xstrdup(href);
		if (href && url_is_javascript(href)) {
			char *url = script_target(strchr(href, ':') + 1);
			if (url)
				return url;
		}
		return script_target(html_attr(n, "onclick"));
	}
	return is_button(n) ? script_target(html_attr(n, "onclick")) : NULL;
}

static void add_label(struct strbuf *sb, const char *text)
{
	if (text && *text) {
		strbuf_putc(sb, ' ');
		strbuf_puts(sb, text);
	}
}

/* What a person sees of the link: its text, its images' alt and title,
 * its own title and value. */
static char *link_label(const struct html_node *n)
{
	struct strbuf sb = STRBUF_INIT;
	char *text = html_text(n);
	add_label(&sb, text);
	free(text);
	add_label(&sb, html_attr(n, "title"));
	add_label(&sb, html_attr(n, "value"));
	add_label(&sb, html_attr(n, "alt"));
	for (const struct html_node *m = html_next(n, n); m; m = html_next(m, n))
		if (html_is(m, "img")) {
			add_label(&sb, html_attr(m, "alt"));
			add_label(&sb, html_attr(m, "title"));
		}
	strbuf_putc(&sb, ' ');
	return strbuf_detach(&sb);
}

/* A PDF named by the address ("facture_912.pdf?x=1") or an icon's file
 * ("images/pdf.gif", "ico_PDF.png"). */
static bool names_pdf(const char *target, const struct html_node *n)
{
	size_t path = strcspn(target, "?#");
	if (path >= 4 && strncasecmp(target + path - 4, ".pdf", 4) == 0)
		return true;
	for (const struct html_node *m = html_next(n, n); m; m = html_next(m, n)) {
		const char *src = html_is(m, "img") ? html_attr(m, "src") : NULL;
		const char *base = src ? strrchr(src, '/') : NULL;
		base = base ? base + 1 : src;
		if (base && strcasestr(base, "pdf"))
			return true;
	}
	const char *src = html_is(n, "input") ? html_attr(n, "src") : NULL;
	return src && strcasestr(src, "pdf");
}

/* A column whose title is only about the document ("Facture", "PDF",
 * "Voir la facture", "Documents"), not "Date de la facture". */
static bool title_is_document(const struct table_row *header, unsigned col)
{
	static const char *const words[] = { "telecharger", "pdf",       "facture", "factures",
		                             "document",    "documents", "voir",    "la",
		                             "le",          "imprimer",  "fichier", "justificatif",
		                             "duplicata",   "consulter", "en",      "format",
		                             "visualiser",  NULL };
	const struct table_cell *cell = header ? table_row_cell_at(header, col) : NULL;
	if (!cell || !cell->text[0])
		return false;
	char *folded = fold_label(cell->text);
	bool only = *folded != '\0';
	char *save = NULL;
	for (char *w = strtok_r(folded, " ", &save); w && only; w = strtok_r(NULL, " ", &save)) {
		only = false;
		for (const char *const *k = words; *k && !only; k++)
			only = strcmp(w, *k) == 0;
	}
	free(folded);
	return only;
}

/* The first link of cell that says it is the document (explicit), or, with
 * explicit false, its first link at all. */
static char *cell_link(const struct table_cell *cell, bool document_column, bool explicit)
{
	const struct html_node *scope = cell->node;
	for (const struct html_node *n = html_next(scope, scope); n; n = html_next(n, scope)) {
		if (n->type != HTML_ELEMENT)
			continue;
		char *target = link_target(n);
		if (!target)
			continue;
		char *label = link_label(n);
		bool pays = says_any(label, paying_words);
		bool ok = !pays && (!explicit || document_column || says_document(label) ||
		                    names_pdf(target, n));
		free(label);
		if (ok)
			return target;
		free(target);
	}
	return NULL;
}

char *invoice_document_href(const struct table_row *row, const struct table_row *header,
                            int number_col, int select_col)
{
	/* A cell that says "the document" first: the number may link to a
	 * detail page while an icon beside it gives the PDF. */
	for (size_t i = 0; i < row->ncells; i++) {
		const struct table_cell *cell = &row->cells[i];
		if ((int)cell->col == number_col || (int)cell->col == select_col)
			continue;
		char *href = cell_link(cell, title_is_document(header, cell->col), true);
		if (href)
			return href;
	}
	const struct table_cell *number = number_col >= 0
	                                          ? table_row_cell_at(row, (unsigned)number_col)
	                                          : NULL;
	return number ? cell_link(number, false, false) : NULL;
}
