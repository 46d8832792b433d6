/* What names a régie on the invoice page, and its form's buttons. */
#ifndef PF_PORTAL_REGIE_HEADING_H
#define PF_PORTAL_REGIE_HEADING_H

#include <stddef.h>

#include "web/form.h"
#include "web/html.h"
#include "web/table.h"
#include "portal/model.h"

/* The heading a person reads above the invoice table: a title row of the
 * table itself above its header row, its <caption>, or the nearest text
 * before the table (its whole block: "<td><b>MAIRIE</b> SERVICE</td>"),
 * never reaching back into prev_table (the previous invoice table, may be
 * NULL). Page chrome ("Vous êtes ici", the page title) is not a heading.
 * Returns a newly allocated string, "" when there is none. */
char *regie_heading_find(const struct html_doc *doc, const struct table *table, size_t header_row,
                         const struct html_node *prev_table);

/* Fills regie->pay ("Règlement") and regie->back ("Retour") from the
 * régie's form: the form of its checkboxes (regie->form_index), else the
 * form holding the table, else the first form after it with such a
 * button; sets regie->form_index accordingly. */
void regie_buttons_find(const struct html_doc *doc, const struct form_list *forms,
                        const struct html_node *table, struct regie *regie);

#endif
