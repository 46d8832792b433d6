/* An invoice's document, from the portal to a file. */
#include "config.h"

#include "util/i18n.h"
#include "app/document_save.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "util/file.h"
#include "util/xalloc.h"

void document_saved_clear(struct document_saved *saved)
{
	free(saved->path);
	memset(saved, 0, sizeof(*saved));
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool document_dest_is_dir(const struct document_dest *dest)
{
	return !dest->path || is_dir(dest->path);
}

/* The extension a document of this type gets when the portal names none. */
static const char *extension_for(const char *type)
{
	static const struct {
		const char *type, *ext;
	} known[] = { { "image/jpeg", ".jpg" },
		      { "image/png", ".png" },
		      { "image/tiff", ".tif" },
		      { "text/plain", ".txt" } };
	for (size_t i = 0; type && i < sizeof(known) / sizeof(known[0]); i++)
		if (strncasecmp(type, known[i].type, strlen(known[i].type)) == 0)
			return known[i].ext;
	return ".pdf";
}

char *document_file_name(const char *number, const char *proposed, const char *content_type)
{
	char *num = file_name_safe(number);
	char *name = file_name_safe(proposed);
	if (!num)
		num = xstrdup("");
	if (!name) {
		char *fallback = xasprintf("facture%s%s%s", *num ? "-" : "", num,
		                           extension_for(content_type));
		name = file_name_safe(fallback); /* under the length limit */
		free(fallback);
	} else if (*num && !strstr(name, num)) {
		const char *dot = strrchr(name, '.');
		size_t stem = dot && dot != name ? (size_t)(dot - name) : strlen(name);
		char *both = xasprintf("%.*s-%s%s", (int)stem, name, num, name + stem);
		free(name);
		name = file_name_safe(both); /* back under the length limit */
		free(both);
	}
	free(num);
	return name;
}

static char *join(const char *dir, const char *name)
{
	if (!dir || strcmp(dir, ".") == 0)
		return xstrdup(name);
	size_t len = strlen(dir);
	return xasprintf("%s%s%s", dir, len && dir[len - 1] == '/' ? "" : "/", name);
}

static bool exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

enum exit_code document_save(struct portal *portal, const char *number, const char *url,
                             const struct document_dest *dest, struct document_saved *saved,
                             char **errp)
{
	memset(saved, 0, sizeof(*saved));
	bool in_dir = document_dest_is_dir(dest);
	size_t len = dest->path ? strlen(dest->path) : 0;
	if (!in_dir && len && dest->path[len - 1] == '/') {
		set_error(errp, _("%s: no such directory"), dest->path);
		return EXIT_ERROR;
	}
	/* A file named on the command line: no need to fetch to know. */
	if (!in_dir && !dest->force && exists(dest->path)) {
		saved->path = xstrdup(dest->path);
		saved->existed = true;
		return EXIT_OK;
	}
	struct portal_document doc;
	enum exit_code rc = portal_fetch_document(portal, number, url, &doc, errp);
	if (rc != EXIT_OK)
		return rc;
	char *path = NULL;
	if (in_dir) {
		char *name = document_file_name(number, doc.filename, doc.content_type);
		path = join(dest->path, name);
		free(name);
	} else {
		path = xstrdup(dest->path);
	}
	int written = file_write_new(path, doc.data, doc.len, dest->force, errp);
	portal_document_clear(&doc);
	if (written < 0) {
		free(path);
		return EXIT_ERROR;
	}
	saved->path = path;
	saved->existed = written == FILE_EXISTS;
	return EXIT_OK;
}
