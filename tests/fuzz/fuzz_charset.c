/* Fuzz target: deciding a page's character set and decoding it
 * (charset.h), the first thing every downloaded page goes through.
 * Input: an optional first line holding the Content-Type header value (see
 * fuzz_split_header), then the page bytes. Properties: charset_detect
 * names a charset charset_canonical knows, charset_to_utf8 accepts it and
 * gives valid UTF-8 without NUL bytes, exactly *out_len bytes long; the
 * same for one of the charsets the portal's pages use, picked by the
 * input's length; re-encoding the text with charset_from_utf8 works, and
 * is the identity for UTF-8. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "web/charset.h"
#include "fuzz.h"

#define T "fuzz_charset"

static void check_decode(const uint8_t *bytes, size_t len, const char *charset)
{
	char *out = NULL, *err = NULL;
	size_t out_len = 0;

	if (charset_to_utf8((const char *)bytes, len, charset, &out, &out_len, &err) != 0)
		fuzz_fail(T, "charset_to_utf8 refuses %s: %s", charset, err ? err : "?");
	FUZZ_CHECK(T, out != NULL && out[out_len] == '\0' && strlen(out) == out_len,
	           "%s: a NUL inside the text or a wrong length", charset);
	FUZZ_CHECK(T, fuzz_utf8_valid(out, out_len), "%s: output is not valid UTF-8", charset);

	char *back = charset_from_utf8(out, charset);
	FUZZ_CHECK(T, back != NULL, "charset_from_utf8 refuses %s", charset);
	if (strcmp(charset, "UTF-8") == 0)
		FUZZ_CHECK(T, strcmp(back, out) == 0, "UTF-8 re-encoding changed the text");
	free(back);
	free(out);
}

int fuzz_charset(const uint8_t *data, size_t size)
{
	static const char *const charsets[] = { "UTF-8", "WINDOWS-1252", "ISO-8859-15", "UTF-16LE",
		                                "UTF-16BE" };
	char *content_type = NULL;
	const uint8_t *bytes;
	size_t len;
	enum charset_source source;

	if (size > FUZZ_MAX_HTML)
		return 0;
	fuzz_split_header(data, size, 256, &content_type, &bytes, &len);

	const char *name = charset_detect((const char *)bytes, len, content_type, &source);
	FUZZ_CHECK(T, name != NULL, "charset_detect gave no charset");
	const char *canonical = charset_canonical(name);
	FUZZ_CHECK(T, canonical && strcmp(canonical, name) == 0,
	           "charset_detect gave %s, which charset_canonical does not know", name);
	FUZZ_CHECK(T, source >= CHARSET_FROM_HTTP && source <= CHARSET_SNIFFED, "source %d",
	           (int)source);
	check_decode(bytes, len, name);

	const char *other = charsets[len % (sizeof charsets / sizeof charsets[0])];
	if (strcmp(other, name) != 0)
		check_decode(bytes, len, other);
	if (content_type)
		(void)charset_canonical(content_type);
	free(content_type);
	return 0;
}

FUZZ_ENTRY(fuzz_charset)
