/* Finding a régie by the name a person types: "centre", "Mairie service",
 * "CENTRE DE LOISIRS" (--regie). */
#ifndef PF_PORTAL_REGIE_NAME_H
#define PF_PORTAL_REGIE_NAME_H

#include "portal/model.h"

/* The index in page->regies of the régie that name designates: compared
 * without case, accents or punctuation (fold_label), a name equal to a
 * régie's or a prefix of exactly one régie's is enough. Returns the index,
 * or -1 with *errp naming every régie of the page: no such régie, a name
 * that is a prefix of several, an empty name. */
long regie_find(const struct invoice_page *page, const char *name, char **errp);

/* "\"A\", \"B\"": the page's régie names for a message, newly allocated
 * ("none" when the page has none). */
char *regie_list(const struct invoice_page *page);

#endif
