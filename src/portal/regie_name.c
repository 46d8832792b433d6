/* A régie by a typed name: folded, exact or a unique prefix. */
#include "config.h"

#include "util/i18n.h"
#include "portal/regie_name.h"

#include <stdlib.h>
#include <string.h>

#include "util/fold.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

char *regie_list(const struct invoice_page *page)
{
	if (page->nregies == 0)
		return xstrdup("none");
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < page->nregies; i++)
		strbuf_printf(&sb, "%s\"%s\"", i ? ", " : "", page->regies[i].name);
	return strbuf_detach(&sb);
}

/* what (owned) and the list of the régies. */
static long refuse(const struct invoice_page *page, char **errp, char *what)
{
	char *list = regie_list(page);
	set_error(errp, "%s; the régies: %s", what, list);
	free(what);
	free(list);
	return -1;
}

long regie_find(const struct invoice_page *page, const char *name, char **errp)
{
	char *want = fold_label(name);
	size_t len = strlen(want);
	long exact = -1, prefix = -1;
	size_t nprefix = 0;
	for (size_t i = 0; len && i < page->nregies; i++) {
		char *have = fold_label(page->regies[i].name);
		if (strcmp(have, want) == 0)
			exact = (long)i;
		else if (strncmp(have, want, len) == 0) {
			prefix = (long)i;
			nprefix++;
		}
		free(have);
	}
	free(want);
	if (exact >= 0)
		return exact;
	if (nprefix == 1)
		return prefix;
	if (nprefix > 1)
		return refuse(page, errp,
		              xasprintf(_("\"%s\" begins the names of several régies: give more "
		                          "of it"),
		                        name));
	return refuse(page, errp, xasprintf(_("no régie \"%s\" on the invoice page"), name));
}
