/* Fuzz target: the terminal-safety filter (util/sanitize.h).
 * Input: one byte giving max_chars (0 = no limit), then the text. Every
 * flag combination runs on it; the output must be valid UTF-8 free of
 * every control RELIABILITY.md section 1 lists ('\n' allowed only with
 * SANITIZE_MULTILINE), pure ASCII with SANITIZE_ASCII, within max_chars,
 * clean by sanitize_is_clean, and a fixed point (sanitizing it again
 * changes nothing). sanitize_is_clean must agree with sanitize_text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/sanitize.h"
#include "util/utf8.h"
#include "fuzz.h"

#define T "fuzz_sanitize"

static size_t count_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static void check_decoder(const char *text, size_t len)
{
	size_t pos = 0;
	while (pos < len) {
		unsigned long cp;
		size_t n = utf8_decode(text + pos, len - pos, &cp);
		FUZZ_CHECK(T, n >= 1 && n <= len - pos && n <= 4, "decoder took %zu bytes at %zu",
		           n, pos);
		FUZZ_CHECK(T, (cp != UTF8_BAD) == fuzz_utf8_valid(text + pos, n),
		           "decoder and the reference disagree on %zu bytes at %zu", n, pos);
		pos += n;
	}
}

/* text is the fuzzer's own buffer, exactly len bytes, so that reading past
 * its end is caught by AddressSanitizer; cstr is a NUL-terminated copy. */
static void check_flags(const char *text, const char *cstr, size_t len, int flags, size_t max)
{
	char *out = sanitize_text(text, len, flags, max);
	size_t out_len = strlen(out);
	bool multiline = flags & SANITIZE_MULTILINE;
	unsigned long bad = 0;

	FUZZ_CHECK(T, fuzz_utf8_valid(out, out_len), "flags %d: output is not valid UTF-8", flags);
	FUZZ_CHECK(T, !fuzz_has_terminal_control(out, out_len, multiline, &bad),
	           "flags %d: U+%04lX in the output", flags, bad);
	if (flags & SANITIZE_ASCII)
		for (size_t i = 0; i < out_len; i++)
			FUZZ_CHECK(T, (unsigned char)out[i] < 0x80,
			           "flags %d: byte %02X with ASCII", flags, (unsigned char)out[i]);
	if (max)
		FUZZ_CHECK(T, count_chars(out) <= max, "flags %d: %zu characters, the limit is %zu",
		           flags, count_chars(out), max);
	FUZZ_CHECK(T, sanitize_is_clean(out, out_len, flags), "flags %d: output not clean", flags);

	char *again = sanitize_text(out, out_len, flags, max);
	FUZZ_CHECK(T, strcmp(again, out) == 0, "flags %d max %zu: not idempotent", flags, max);
	free(again);

	if (max == 0) {
		bool unchanged = out_len == len && memcmp(out, text, len) == 0;
		FUZZ_CHECK(T, sanitize_is_clean(text, len, flags) == unchanged,
		           "flags %d: sanitize_is_clean says %d, sanitize_text %s the text", flags,
		           !unchanged, unchanged ? "keeps" : "changes");
		/* sanitize_str is sanitize_text up to the first NUL. */
		char *s = sanitize_str(cstr, flags);
		char *t = sanitize_text(cstr, strlen(cstr), flags, 0);
		FUZZ_CHECK(T, strcmp(s, t) == 0, "flags %d: sanitize_str differs", flags);
		free(s);
		free(t);
	}
	free(out);
}

int fuzz_sanitize(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t max = data[0];
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	char *cstr = fuzz_strndup(data + 1, len);

	check_decoder(text, len);
	for (int flags = 0; flags < 4; flags++) {
		check_flags(text, cstr, len, flags, 0);
		if (max)
			check_flags(text, cstr, len, flags, max);
	}
	free(cstr);
	return 0;
}

FUZZ_ENTRY(fuzz_sanitize)
