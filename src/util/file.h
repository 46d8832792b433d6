/* Files: whole-file reads with a size limit, safe names for files the
 * network names, and writes that never leave half a file. */
#ifndef PF_UTIL_FILE_H
#define PF_UTIL_FILE_H

#include <stdbool.h>
#include <stddef.h>

/* Reads path ("-" = standard input) into a newly allocated, NUL-terminated
 * buffer. Files larger than max_bytes are refused. Returns 0, or -1 with a
 * message naming the file in *errp. */
int file_read_all(const char *path, size_t max_bytes, char **data, size_t *len, char **errp);

/* A file name made from a name the network proposed (a download's
 * Content-Disposition, an invoice number): its last path component only
 * (after the last '/' or '\'), controls, bidi and invisible characters
 * dropped, accented Latin letters without their accent and any other
 * non-ASCII character, and the characters Windows forbids (: * ? " < > |),
 * as '_'; no leading dot, space or dash (no hidden file, no "..", nothing
 * a command takes for an option), no trailing dot or space, at most
 * FILE_NAME_MAX bytes (the extension kept). So the name is plain printable
 * ASCII: it prints the same on any terminal. Newly allocated; NULL when
 * nothing is left (name NULL, "", "..", only controls). */
#define FILE_NAME_MAX 200
char *file_name_safe(const char *name);

/* Writes data[0..len) as path, whole or not at all: into a temporary file
 * of the same directory (mode 0600), flushed to disk, then moved into
 * place. An existing path is replaced only when replace is true (rename);
 * otherwise the move fails if the name is taken, even by a file created
 * meanwhile (link). Returns FILE_WRITTEN (0); FILE_EXISTS (1) when path
 * exists and replace is false (nothing written, *errp untouched); or -1
 * with a message naming the path in *errp (the temporary file removed). */
enum {
	FILE_WRITTEN = 0,
	FILE_EXISTS = 1
};
int file_write_new(const char *path, const void *data, size_t len, bool replace, char **errp);

#endif
