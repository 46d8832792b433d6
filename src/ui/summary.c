/* The town, family and balance a portal page prints in its header. */
#include "config.h"

#include "ui/summary.h"

#include <stdlib.h>
#include <string.h>

#include "util/fold.h"
#include "util/xalloc.h"
#include "money.h"

#define SUMMARY_MAX 80

/* The visible text of the element around the first text node whose folded
 * form starts with `label` (e.g. "ville de"), or NULL. */
static char *text_around(const struct html_doc *doc, const char *label)
{
	for (struct html_node *n = html_next(doc->root, doc->root); n;
	     n = html_next(n, doc->root)) {
		if (n->type != HTML_TEXT || !n->text)
			continue;
		char *folded = fold_label(n->text);
		bool hit = strncmp(folded, label, strlen(label)) == 0;
		free(folded);
		if (hit && n->parent)
			return html_text(n->parent);
	}
	return NULL;
}

/* What follows `marker` in text, trimmed, cut at `stop` characters. */
static char *after(const char *text, const char *marker, const char *stop)
{
	const char *p = text ? strstr(text, marker) : NULL;
	if (!p)
		return NULL;
	p += strlen(marker);
	p += strspn(p, " :");
	size_t len = strcspn(p, stop);
	while (len > 0 && p[len - 1] == ' ')
		len--;
	return len && len <= SUMMARY_MAX ? xstrndup(p, len) : NULL;
}

void ui_summary_read(const struct html_doc *doc, struct ui_summary *out)
{
	memset(out, 0, sizeof(*out));
	if (!doc || !doc->root)
		return;
	char *t = text_around(doc, "ville de");
	out->town = after(t, "Ville de", "\n");
	free(t);
	t = text_around(doc, "famille");
	out->family = after(t, "Famille", "\n");
	free(t);
	t = text_around(doc, "solde des factures");
	char *amount = after(t, "Solde des factures", "€-\n");
	free(t);
	if (amount && money_parse(amount, &out->balance_cents, NULL) == 0)
		out->has_balance = true;
	free(amount);
}

void ui_summary_clear(struct ui_summary *s)
{
	free(s->town);
	free(s->family);
	memset(s, 0, sizeof(*s));
}
