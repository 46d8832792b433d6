/* Amounts of money as integer cents, parsed the way French portals print
 * them. Never floating point, never a guess. */
#ifndef PF_MONEY_H
#define PF_MONEY_H

#include <stddef.h>
#include <stdint.h>

/* Largest absolute amount accepted: 10^13 cents (one hundred billion euros);
 * anything larger is an overflow error rather than a wrap. */
#define MONEY_MAX_CENTS INT64_C(10000000000000)

/* Parses a UTF-8 amount into cents. Accepted:
 *   181.99  181,99  226,11  12  12,5  -12,00  +3,00  −4,00 (U+2212)
 *   1 234,56 €  (space, NBSP U+00A0 or narrow NBSP U+202F grouping by 3)
 *   1.234,56  1,234.56  1234,56 EUR  44,12 € (after entity decoding)
 * Surrounding whitespace and a trailing or leading "€"/"EUR" are ignored.
 * Errors (returns -1, message in *errp): empty text, "—", letters, more than
 * two decimals, ambiguous "1.234" or "1,234" (one separator followed by
 * exactly three digits), badly grouped thousands, overflow past
 * MONEY_MAX_CENTS. */
int money_parse(const char *text, int64_t *cents, char **errp);

enum money_format_style {
	MONEY_FR,    /* "1 234,56" (ASCII space grouping) */
	MONEY_PLAIN, /* "1234,56" (CSV for French spreadsheets) */
	MONEY_DOT,   /* "1234.56" */
};
/* Writes cents into buf (size >= 32 is always enough) and returns buf.
 * Negative amounts get a leading '-'. */
char *money_format(int64_t cents, enum money_format_style style, char *buf, size_t size);

#endif
