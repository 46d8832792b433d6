/* A whole file's bytes, read-only: mapped when it is a regular file (no
 * copy, no zeroed pages: `parse` of a 4.4 MB page saves 1,100 page
 * faults), read into memory otherwise (standard input, a pipe). */
#ifndef PF_UTIL_FILE_MAP_H
#define PF_UTIL_FILE_MAP_H

#include <stdbool.h>
#include <stddef.h>

struct file_map {
	const char *data; /* len bytes; not NUL-terminated when mapped */
	size_t len;
	bool mapped;
	char *copy; /* what was read when not mapped (data), else NULL */
};

/* Opens path ("-" = standard input). Files larger than max_bytes are
 * refused. Returns 0, or -1 with a message naming the file in *errp (and
 * *map left empty). The bytes stay valid until file_map_close. A mapped
 * file that another program truncates meanwhile would fault: `parse`
 * reads files the user saved. */
int file_map_open(const char *path, size_t max_bytes, struct file_map *map, char **errp);
void file_map_close(struct file_map *map);

#endif
