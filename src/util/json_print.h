/* Writing JSON that is exact yet inert on a terminal. */
#ifndef PF_UTIL_JSON_PRINT_H
#define PF_UTIL_JSON_PRINT_H

#include <jansson.h>
#include <stdio.h>

/* Serialises value with jansson, then writes it with a final newline.
 * Printable non-ASCII characters are written as UTF-8; controls (C0, DEL,
 * C1), bidi and invisible format characters, and U+2028/2029 stay \uXXXX
 * escapes (RELIABILITY.md section 1, rule 6). Returns 0 or -1. */
int json_print(FILE *out, const json_t *value);

/* The same into a newly allocated string (without the newline). */
char *json_print_string(const json_t *value);

#endif
