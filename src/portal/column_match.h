/* Naming a table's columns by their header texts: the rule of
 * invoice_columns, for the other readers (payments, documents). Pure. */
#ifndef PF_PORTAL_COLUMN_MATCH_H
#define PF_PORTAL_COLUMN_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "web/table.h"

/* Length of the folded synonym `name` that folded text starts with (the
 * whole text, or followed by a space), or 0. */
size_t column_match_length(const char *folded, const char *name);

/* True when text, folded, is one of names (NULL-terminated) or starts with
 * one followed by a space. */
bool column_text_is(const char *text, const char *const *names);

/* The column (0..count-1) whose folded synonyms (names[c], each
 * NULL-terminated) a header text names, or -1: an exact synonym beats a
 * prefix, a longer prefix beats a shorter one. */
int column_match(const char *text, const char *const *const names[], int count);

/* Fills index[0..count) with the table column each known header of row
 * names (-1 when absent) and returns how many were found. */
int column_match_row(const struct table_row *row, const char *const *const names[], int count,
                     int index[]);

#endif
