/* Whole-file reads for saved pages and fixtures. */
#include "config.h"

#include "util/file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <stdbool.h>
#include "util/strbuf.h"

#include "util/xalloc.h"

int file_read_all(const char *path, size_t max_bytes, char **data, size_t *len, char **errp)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return set_error(errp, "cannot open %s: %s", path, strerror(errno));
	struct strbuf sb = STRBUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (sb.len + n > max_bytes) {
			strbuf_release(&sb);
			if (!is_stdin)
				fclose(f);
			return set_error(errp, "%s is larger than %zu bytes", path, max_bytes);
		}
		strbuf_append(&sb, chunk, n);
	}
	int failed = ferror(f);
	int saved = errno;
	if (!is_stdin)
		fclose(f);
	if (failed) {
		strbuf_release(&sb);
		return set_error(errp, "cannot read %s: %s", path, strerror(saved));
	}
	*len = sb.len;
	*data = strbuf_detach(&sb);
	return 0;
}
