/* Fuzz target: a download's Content-Disposition to the file it is saved
 * as, the path of `download` and the interface's d: the header value →
 * http_disposition_filename → file_name_safe → document_file_name. Input:
 * an optional first line, the invoice number (fuzz_split_header), then
 * the header value.
 * Properties: the proposed name is valid UTF-8 without NUL; a safe name is
 * NULL or 1 to FILE_NAME_MAX bytes of printable ASCII, with no path
 * separator, none of : * ? " < > |, no leading dot, space or dash, no
 * trailing dot or space, and is its own safe name; the name a document gets
 * is always such a name, never "." or "..". */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/file.h"
#include "web/disposition.h"
#include "app/document_save.h"
#include "fuzz.h"

#define T "fuzz_disposition"
#define MAX_VALUE 8192

static void check_safe(const char *what, const char *name)
{
	if (!name)
		return;
	size_t len = strlen(name);
	FUZZ_CHECK(T, len >= 1 && len <= FILE_NAME_MAX, "%s: %zu bytes", what, len);
	for (const char *p = name; *p; p++)
		FUZZ_CHECK(T, *p >= 0x20 && *p < 0x7f && !strchr("/\\:*?\"<>|", *p),
		           "%s: byte 0x%02x at %zu", what, (unsigned char)*p, (size_t)(p - name));
	FUZZ_CHECK(T, name[0] != '.' && name[0] != ' ' && name[0] != '-', "%s: starts with '%c'",
	           what, name[0]);
	FUZZ_CHECK(T, name[len - 1] != '.' && name[len - 1] != ' ', "%s: ends with '%c'", what,
	           name[len - 1]);
	char *again = file_name_safe(name);
	FUZZ_CHECK(T, again && strcmp(again, name) == 0, "%s: not its own safe name", what);
	free(again);
}

int fuzz_disposition(const uint8_t *data, size_t size)
{
	char *number = NULL;
	const uint8_t *rest;
	size_t len;

	if (size > MAX_VALUE)
		return 0;
	fuzz_split_header(data, size, 64, &number, &rest, &len);
	char *value = fuzz_strndup(rest, len);
	char *proposed = http_disposition_filename(value);
	if (proposed)
		FUZZ_CHECK(T, *proposed && fuzz_utf8_valid(proposed, strlen(proposed)),
		           "the proposed name is empty or not UTF-8");
	char *safe = file_name_safe(proposed);
	check_safe("file_name_safe", safe);
	char *name = document_file_name(number ? number : "", proposed, NULL);
	FUZZ_CHECK(T, name != NULL, "no name for the document");
	check_safe("document_file_name", name);
	FUZZ_CHECK(T, strcmp(name, ".") != 0 && strcmp(name, "..") != 0, "the name is a dot");
	free(name);
	free(safe);
	free(proposed);
	free(value);
	free(number);
	return 0;
}

FUZZ_ENTRY(fuzz_disposition)
