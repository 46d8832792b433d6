/* The link from an invoice row to the invoice's own document (the PDF a
 * régie issues), found by what a person sees, never by a fixed URL:
 *   - a link whose label, an image's alt or title, or the title of its
 *     column says so ("Télécharger", "Voir la facture", "PDF", "Document",
 *     "Imprimer"...), or whose address or icon names a PDF;
 *   - else the invoice number itself when it is a link.
 * A link is an <a href>, or a script that opens a window with a literal
 * address (href="javascript:window.open('...')", onclick on an <a href="#">
 * or a button); mailto:, other schemes and scripts computing the address
 * are no link. A link that pays ("Payer", "Régler") is not a document. */
#ifndef PF_PORTAL_INVOICE_DOCUMENT_H
#define PF_PORTAL_INVOICE_DOCUMENT_H

#include "web/table.h"

/* The address of row's document link as the page writes it (maybe
 * relative), newly allocated, or NULL when the row links none. header is
 * the table's header row (for the column titles), number_col and
 * select_col the columns of the number and of the checkbox (-1: none). */
char *invoice_document_href(const struct table_row *row, const struct table_row *header,
                            int number_col, int select_col);

#endif
