/* The streaming JSON writer (util/json_write): jansson reads back exactly
 * what was written, the layout is json_print's (jansson, indent 2), and
 * nothing that could act on a terminal is written raw. Degenerate input
 * first. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <cmocka.h>

#include "util/json_print.h"
#include "util/json_write.h"

/* {"s": text, "n": -12, "t": true, "z": null, "a": [], "o": {}} written by
 * us, into a new string. */
static char *write_sample(const char *text)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	assert_non_null(mem);
	struct json_writer w;
	json_writer_init(&w, mem);
	json_begin_object(&w, NULL);
	json_put_string(&w, "s", text);
	json_put_int(&w, "n", -12);
	json_put_bool(&w, "t", true);
	json_put_null(&w, "z");
	json_begin_array(&w, "a");
	json_end(&w);
	json_begin_object(&w, "o");
	json_end(&w);
	json_begin_array(&w, "list");
	json_put_string(&w, NULL, text);
	json_put_int(&w, NULL, INT64_MIN);
	json_end(&w);
	json_end(&w);
	assert_int_equal(json_writer_finish(&w), 0);
	fclose(mem);
	return buf;
}

/* The same document through jansson and json_print. */
static char *jansson_sample(const char *text)
{
	json_t *root = json_object();
	json_object_set_new(root, "s", json_text(text));
	json_object_set_new(root, "n", json_integer(-12));
	json_object_set_new(root, "t", json_true());
	json_object_set_new(root, "z", json_null());
	json_object_set_new(root, "a", json_array());
	json_object_set_new(root, "o", json_object());
	json_t *list = json_array();
	json_array_append_new(list, json_text(text));
	json_array_append_new(list, json_integer(INT64_MIN));
	json_object_set_new(root, "list", list);
	char *printed = json_print_string(root);
	json_decref(root);
	char *with_newline = malloc(strlen(printed) + 2);
	strcpy(with_newline, printed);
	strcat(with_newline, "\n");
	free(printed);
	return with_newline;
}

static const char *const valid_texts[] = {
	"",
	"plain ASCII",
	"quote \" backslash \\ slash /",
	"tab\tnewline\nreturn\rbell\a backspace\b feed\f escape\x1b[31m NUL-free",
	"DEL\x7f",
	"Détail financier — 181,99 €",
	"C1 CSI \xc2\x9b"
	"31m and NEL \xc2\x85",
	"bidi \xe2\x80\xae"
	"rever\xe2\x81\xa6sed",
	"line separator \xe2\x80\xa8 paragraph \xe2\x80\xa9",
	"soft hyphen \xc2\xad zero width \xe2\x80\x8b BOM \xef\xbb\xbf",
	"astral \xf0\x9f\x98\x80 tag \xf3\xa0\x80\x81",
	"CJK \xe6\xbc\xa2\xe5\xad\x97",
};

static void test_same_text_as_jansson(void **state)
{
	for (size_t i = 0; i < sizeof(valid_texts) / sizeof(valid_texts[0]); i++) {
		char *ours = write_sample(valid_texts[i]);
		char *theirs = jansson_sample(valid_texts[i]);
		if (strcmp(ours, theirs) != 0)
			fail_msg("case %zu:\nours:\n%s\njansson:\n%s", i, ours, theirs);
		json_error_t err;
		json_t *back = json_loads(ours, 0, &err);
		assert_non_null(back);
		assert_string_equal(json_string_value(json_object_get(back, "s")), valid_texts[i]);
		json_decref(back);
		free(ours);
		free(theirs);
	}
}

/* Invalid UTF-8 becomes U+FFFD, a lone surrogate too: the output stays
 * JSON that a strict parser takes. */
static void test_invalid_utf8_is_replaced(void **state)
{
	static const char *const bad[] = { "\xff", "cut \xe2\x82", "\xed\xa0\x80 surrogate",
		                           "\xc0\xaf overlong" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *ours = write_sample(bad[i]);
		json_error_t err;
		json_t *back = json_loads(ours, 0, &err);
		if (!back)
			fail_msg("case %zu not JSON: %s\n%s", i, err.text, ours);
		assert_non_null(
		        strstr(json_string_value(json_object_get(back, "s")), "\xef\xbf\xbd"));
		json_decref(back);
		free(ours);
	}
}

/* Nothing below 0x20, no DEL, no C1 and no bidi or separator character is
 * ever written raw. */
static void test_nothing_active_is_raw(void **state)
{
	for (size_t i = 0; i < sizeof(valid_texts) / sizeof(valid_texts[0]); i++) {
		char *ours = write_sample(valid_texts[i]);
		for (const unsigned char *p = (const unsigned char *)ours; *p; p++) {
			assert_false(*p < 0x20 && *p != '\n');
			assert_false(*p == 0x7f);
			assert_false(p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f);
			assert_false(p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0xa8 && p[2] <= 0xae);
		}
		free(ours);
	}
}

/* A container left open, or closed once too often, is an error. */
static void test_unbalanced_is_an_error(void **state)
{
	FILE *null = fopen("/dev/null", "w");
	struct json_writer w;
	json_writer_init(&w, null);
	json_begin_object(&w, NULL);
	assert_int_equal(json_writer_finish(&w), -1);
	json_writer_init(&w, null);
	json_begin_array(&w, NULL);
	json_end(&w);
	json_end(&w);
	assert_int_equal(json_writer_finish(&w), -1);
	fclose(null);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unbalanced_is_an_error),
		cmocka_unit_test(test_invalid_utf8_is_replaced),
		cmocka_unit_test(test_same_text_as_jansson),
		cmocka_unit_test(test_nothing_active_is_raw),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
