/* Header texts → columns, folded (case, accents, punctuation ignored). */
#include "config.h"

#include "portal/column_match.h"

#include <stdlib.h>
#include <string.h>

#include "util/fold.h"

size_t column_match_length(const char *folded, const char *name)
{
	size_t len = strlen(name);
	if (strncmp(folded, name, len) != 0)
		return 0;
	return folded[len] == '\0' || folded[len] == ' ' ? len : 0;
}

bool column_text_is(const char *text, const char *const *names)
{
	char *folded = fold_label(text);
	bool found = false;
	for (const char *const *n = names; *n && !found; n++)
		found = column_match_length(folded, *n) > 0;
	free(folded);
	return found;
}

int column_match(const char *text, const char *const *const names[], int count)
{
	char *folded = fold_label(text);
	int best = -1;
	size_t best_len = 0;
	bool best_exact = false;
	for (int c = 0; c < count; c++)
		for (const char *const *n = names[c]; *n; n++) {
			size_t len = column_match_length(folded, *n);
			bool exact = len > 0 && folded[len] == '\0';
			if (len == 0 || (best_exact && !exact))
				continue;
			if ((exact && !best_exact) || len > best_len) {
				best = c;
				best_len = len;
				best_exact = exact;
			}
		}
	free(folded);
	return best;
}

int column_match_row(const struct table_row *row, const char *const *const names[], int count,
                     int index[])
{
	int matched = 0;
	for (int c = 0; c < count; c++)
		index[c] = -1;
	for (size_t i = 0; i < row->ncells; i++) {
		int c = column_match(row->cells[i].text, names, count);
		if (c >= 0 && index[c] < 0) {
			index[c] = (int)row->cells[i].col;
			matched++;
		}
	}
	return matched;
}
