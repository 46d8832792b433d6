/* Folding text for comparison: what a person reads as "the same label".
 *
 * Portal labels vary in case, accents, punctuation and spacing between towns
 * and versions ("N° de la facture", "N°facture", "NUMÉRO DE FACTURE").
 * fold_label() maps them to one comparable form: lowercase ASCII letters
 * and digits, accents removed (é→e, œ→oe, ß→ss...), every run of other
 * characters (spaces, NBSP, punctuation, °, :, ') turned into a single
 * space, no leading or trailing space. "N° de la facture :" → "n de la facture".
 */
#ifndef PF_UTIL_FOLD_H
#define PF_UTIL_FOLD_H

#include <stdbool.h>
#include <stddef.h>

/* Returns a newly allocated folded copy of a UTF-8 string (invalid bytes are
 * treated as separators). */
char *fold_label(const char *utf8);
/* Folds and compares: true when both fold to the same string. */
bool fold_equal(const char *a_utf8, const char *b_utf8);
/* True when folded haystack contains folded needle as whole words. A needle
 * that folds to nothing (only punctuation) matches nothing. */
bool fold_contains(const char *haystack_utf8, const char *needle_utf8);
/* Base ASCII letters of a Latin code point (U+00C0-U+017F, œ, æ, ß...), or
 * NULL when it has none. Used by fold_label and by sanitize's ASCII mode. */
const char *fold_latin_to_ascii(unsigned long cp);

#endif
