/* Whole-file reads for saved pages and fixtures; safe names and whole
 * writes for downloaded documents. */
#include "config.h"

#include "util/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <stdbool.h>
#include "util/fold.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/strbuf.h"
#include "util/utf8.h"

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

/* ---- safe names ---- */

/* What one code point of a proposed name becomes: NULL to drop it. */
static const char *safe_char(unsigned long cp, char ascii[2])
{
	if (cp == UTF8_BAD || cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
	    sanitize_is_unsafe_codepoint(cp))
		return NULL;
	if (cp < 0x80) {
		ascii[0] = strchr(":*?\"<>|", (int)cp) ? '_' : (char)cp;
		ascii[1] = '\0';
		return ascii;
	}
	if (cp == 0xa0 || cp == 0x202f || cp == 0x2007)
		return " ";
	const char *letters = fold_latin_to_ascii(cp);
	return letters ? letters : "_";
}

/* No trailing dot or space (Windows drops them, a reader misses them). */
static void trim_end(struct strbuf *sb)
{
	while (sb->len && (sb->data[sb->len - 1] == '.' || sb->data[sb->len - 1] == ' '))
		sb->data[--sb->len] = '\0';
}

/* The name cut to FILE_NAME_MAX bytes, a short extension kept. */
static void cap_length(struct strbuf *sb)
{
	if (sb->len <= FILE_NAME_MAX)
		return;
	const char *dot = strrchr(sb->data, '.');
	size_t ext = dot && sb->data + sb->len - dot <= 16 ? (size_t)(sb->data + sb->len - dot) : 0;
	memmove(sb->data + FILE_NAME_MAX - ext, sb->data + sb->len - ext, ext);
	sb->len = FILE_NAME_MAX;
	sb->data[sb->len] = '\0';
}

char *file_name_safe(const char *name)
{
	if (!name)
		return NULL;
	for (const char *p = name; *p; p++)
		if (*p == '/' || *p == '\\')
			name = p + 1;
	struct strbuf sb = STRBUF_INIT;
	size_t len = strlen(name);
	for (size_t i = 0; i < len;) {
		unsigned long cp;
		char ascii[2];
		i += utf8_decode(name + i, len - i, &cp);
		const char *put = safe_char(cp, ascii);
		/* No leading dot, space or dash. */
		if (put && !(sb.len == 0 && (*put == '.' || *put == ' ' || *put == '-')))
			strbuf_puts(&sb, put);
	}
	trim_end(&sb);
	if (sb.len == 0) {
		strbuf_release(&sb);
		return NULL;
	}
	cap_length(&sb);
	trim_end(&sb); /* a cut may end on a dot or a space */
	return strbuf_detach(&sb);
}

/* ---- whole writes ---- */

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The directory part of path ("." when it has none), newly allocated. */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	return slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
}

/* So the new name survives a crash as well as the data. */
static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Moves tmp to path without replacing a file already there; *moved says
 * whether tmp is gone (renamed) rather than linked or left. */
static int move_new(const char *tmp, const char *path, bool *moved)
{
	if (link(tmp, path) == 0)
		return FILE_WRITTEN;
	if (errno == EEXIST)
		return FILE_EXISTS;
	/* A file system without hard links (FAT, some network ones): the
	 * check and the move are two steps there. */
	struct stat st;
	if (lstat(path, &st) == 0)
		return FILE_EXISTS;
	if (rename(tmp, path) < 0)
		return -1;
	*moved = true;
	return FILE_WRITTEN;
}

int file_write_new(const char *path, const void *data, size_t len, bool replace, char **errp)
{
	char *dir = dir_of(path);
	char *tmp = xasprintf("%s/.portail-famille-XXXXXX", dir);
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		set_error(errp, _("cannot create a file in %s: %s"), dir, strerror(errno));
		free(tmp);
		free(dir);
		return -1;
	}
	int rc = fchmod(fd, 0600) == 0 && write_all(fd, data, len) == 0 && fsync(fd) == 0 ? 0 : -1;
	int saved = errno;
	if (close(fd) < 0 && rc == 0) {
		rc = -1;
		saved = errno;
	}
	bool moved = false;
	if (rc == 0 && replace) {
		rc = rename(tmp, path) == 0 ? FILE_WRITTEN : -1;
		moved = rc == FILE_WRITTEN;
		saved = errno;
	} else if (rc == 0) {
		rc = move_new(tmp, path, &moved);
		saved = errno;
	}
	if (!moved)
		unlink(tmp); /* the temporary name of a link, or what failed */
	if (rc == FILE_WRITTEN)
		sync_dir(dir);
	else if (rc < 0)
		set_error(errp, _("cannot write %s: %s"), path, strerror(saved));
	free(tmp);
	free(dir);
	return rc;
}
