/* Writing JSON that is exact yet inert on a terminal. */
#ifndef PF_UTIL_JSON_PRINT_H
#define PF_UTIL_JSON_PRINT_H

#include <jansson.h>
#include <stdio.h>

/* Serialises value with jansson, then writes it with a final newline.
 * Printable characters are written as UTF-8; controls (C0, DEL, C1), bidi
 * and invisible format characters, and U+2028/2029 as \uXXXX escapes
 * (RELIABILITY.md section 1, rule 6). Returns 0 or -1. */
int json_print(FILE *out, const json_t *value);

/* The same into a newly allocated string (without the newline). */
char *json_print_string(const json_t *value);

/* A JSON string for scraped text: exact when it is valid UTF-8, else with
 * U+FFFD for the invalid bytes (json_string alone would return NULL and
 * the key would silently vanish). Never NULL. */
json_t *json_text(const char *text);

#endif
