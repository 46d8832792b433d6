/* Fuzz target: the config file (cli_config_read, inih underneath).
 * Input: the file's bytes. The options the command line gave stay as they
 * were; a success leaves every other option either unset or holding text
 * found on one line of the input, and means no line was too long for
 * inih; a failure says so with a message naming the file (a line of it, or
 * the profiles a choice did not find); nothing leaks. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app/config_file.h"
#include "fuzz.h"

#define T "fuzz_config"

/* True when value appears within a single line of text. */
static bool on_one_line(const char *text, const char *value)
{
	size_t len = strlen(value);
	if (memchr(value, '\n', len))
		return false;
	for (const char *p = strstr(text, value); p; p = strstr(p + 1, value))
		if (!memchr(p, '\n', len))
			return true;
	return false;
}

static size_t longest_line(const char *text)
{
	size_t longest = 0;
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		longest = n > longest ? n : longest;
		p += n + (p[n] == '\n');
	}
	return longest;
}

int fuzz_config(const uint8_t *data, size_t size)
{
	char *text = fuzz_strndup(data, size);
	FILE *f = fmemopen((void *)data, size, "r");
	if (!f) {
		free(text);
		return 0;
	}
	struct cli_options o;
	memset(&o, 0, sizeof(o));
	o.user = strdup("given-on-the-command-line");
	char *err = NULL;
	int rc = cli_config_read(&o, f, "CONFIG", &err);
	fclose(f);
	FUZZ_CHECK(T, rc == 0 || rc == -1, "returned %d", rc);
	FUZZ_CHECK(T, strcmp(o.user, "given-on-the-command-line") == 0,
	           "the config overrode --user with \"%s\"", o.user);
	if (rc == 0) {
		FUZZ_CHECK(T, err == NULL, "success with a message: %s", err);
		FUZZ_CHECK(T, longest_line(text) <= 198 && strlen(text) == size,
		           "a line of %zu bytes or a NUL byte was accepted", longest_line(text));
		FUZZ_CHECK(T, !o.url || on_one_line(text, o.url), "url \"%s\" is not in the file",
		           o.url);
		FUZZ_CHECK(T, !o.password_command || on_one_line(text, o.password_command),
		           "password_command \"%s\" is not in the file", o.password_command);
	} else {
		/* "config file CONFIG, line N: ...", or a profile's choice that
		 * names the file ("no profile \"x\" in CONFIG ..."). */
		FUZZ_CHECK(T, err && strstr(err, "CONFIG"), "failure without the file's name: %s",
		           err ? err : "(none)");
	}
	free(err);
	cli_options_free(&o);
	free(text);
	return 0;
}

FUZZ_ENTRY(fuzz_config)
