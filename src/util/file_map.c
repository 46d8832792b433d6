/* A file's bytes by mmap, or by read when it cannot be mapped. */
#include "config.h"

#include "util/file_map.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/file.h"
#include "util/xalloc.h"

/* A regular, non-empty file within the limit, mapped; 1 when it is not
 * one to map (the caller reads it instead), -1 on an error. */
static int try_map(const char *path, size_t max_bytes, struct file_map *map, char **errp)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return set_error(errp, "cannot open %s: %s", path, strerror(errno));
	struct stat st;
	int rc = 1;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		if ((unsigned long long)st.st_size > max_bytes) {
			rc = set_error(errp, "%s is larger than %zu bytes", path, max_bytes);
		} else {
			void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
			if (p != MAP_FAILED) {
				map->data = p;
				map->len = (size_t)st.st_size;
				map->mapped = true;
				rc = 0;
			}
		}
	}
	close(fd);
	return rc;
}

int file_map_open(const char *path, size_t max_bytes, struct file_map *map, char **errp)
{
	*map = (struct file_map){ 0 };
	if (strcmp(path, "-") != 0) {
		int rc = try_map(path, max_bytes, map, errp);
		if (rc <= 0)
			return rc;
	}
	if (file_read_all(path, max_bytes, &map->copy, &map->len, errp) < 0)
		return -1;
	map->data = map->copy;
	return 0;
}

void file_map_close(struct file_map *map)
{
	if (map->mapped)
		munmap((void *)map->data, map->len);
	free(map->copy);
	*map = (struct file_map){ 0 };
}
