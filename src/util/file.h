/* Reading a whole file, with a size limit. */
#ifndef PF_UTIL_FILE_H
#define PF_UTIL_FILE_H

#include <stddef.h>

/* Reads path ("-" = standard input) into a newly allocated, NUL-terminated
 * buffer. Files larger than max_bytes are refused. Returns 0, or -1 with a
 * message naming the file in *errp. */
int file_read_all(const char *path, size_t max_bytes, char **data, size_t *len, char **errp);

#endif
