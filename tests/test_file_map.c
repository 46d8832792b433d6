/* util/file_map: a regular file is mapped, standard input and an empty
 * file are read, a file over the limit or missing is refused by name. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "util/file_map.h"

static char *temp_file(const char *content, size_t len)
{
	char *path = strdup("/tmp/pf-file-map-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, content, len), (ssize_t)len);
	close(fd);
	return path;
}

static void test_regular_file_is_mapped(void **state)
{
	char *path = temp_file("<html>été</html>", 18);
	struct file_map map;
	assert_int_equal(file_map_open(path, 100, &map, NULL), 0);
	assert_true(map.mapped);
	assert_int_equal(map.len, 18);
	assert_memory_equal(map.data, "<html>été</html>", 18);
	file_map_close(&map);
	assert_null(map.data);
	unlink(path);
	free(path);
}

static void test_empty_file_is_read(void **state)
{
	char *path = temp_file("", 0);
	struct file_map map;
	assert_int_equal(file_map_open(path, 100, &map, NULL), 0);
	assert_false(map.mapped);
	assert_int_equal(map.len, 0);
	assert_non_null(map.data);
	file_map_close(&map);
	unlink(path);
	free(path);
}

static void test_limits_and_missing_files(void **state)
{
	char *path = temp_file("0123456789", 10);
	struct file_map map;
	char *err = NULL;
	assert_int_equal(file_map_open(path, 9, &map, &err), -1);
	assert_non_null(strstr(err, path));
	free(err);
	err = NULL;
	assert_int_equal(file_map_open(path, 10, &map, &err), 0);
	file_map_close(&map);
	unlink(path);
	assert_int_equal(file_map_open(path, 10, &map, &err), -1);
	assert_non_null(strstr(err, path));
	free(err);
	free(path);
}

/* Standard input is read, whatever it is (here a file put there). */
static void test_standard_input_is_read(void **state)
{
	char *path = temp_file("from stdin", 10);
	assert_non_null(freopen(path, "rb", stdin));
	struct file_map map;
	assert_int_equal(file_map_open("-", 100, &map, NULL), 0);
	assert_false(map.mapped);
	assert_int_equal(map.len, 10);
	assert_memory_equal(map.data, "from stdin", 10);
	file_map_close(&map);
	unlink(path);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_limits_and_missing_files),
		cmocka_unit_test(test_empty_file_is_read),
		cmocka_unit_test(test_regular_file_is_mapped),
		cmocka_unit_test(test_standard_input_is_read),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
