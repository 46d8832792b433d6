/* Accueil » "Documents à transmettre à la structure": the documents the
 * family still has to hand in, read by labels.
 *
 * The section is found by its heading text (also "Documents à fournir",
 * "Pièces à transmettre", "Justificatifs à fournir"), then the table or
 * list that follows it (or the table whose first row is that heading). A
 * document is listed when its state reads as something to do: "A fournir",
 * "A renouveler", "A transmettre", "A compléter", "Manquant", "Non
 * fourni", "Expiré", "Refusé" (folded: case and accents ignored, the state
 * may go on: "A fournir avant le 30/09"). "Reçu le ...", "Validé" are done
 * and left out. In a table with headers the columns are found by their
 * texts (Document / Pièce / Justificatif / Libellé, Enfant / Personne /
 * Bénéficiaire / Membre, État / Statut); without headers, and in a list
 * ("Attestation CAF - A fournir"), the state is the part that reads as one
 * and the document the first other part. */
#ifndef PF_PORTAL_DOCUMENTS_DUE_H
#define PF_PORTAL_DOCUMENTS_DUE_H

#include "web/html.h"
#include "portal/model.h"

/* Reads the page: never fails, an owned result (never NULL); a page
 * without the section gives section_found false and no items. */
struct documents_due *documents_due_parse(const struct html_doc *doc);
void documents_due_free(struct documents_due **docs);

/* True when a state text ("A renouveler") asks the family to act. */
bool document_state_is_due(const char *state);

#endif
