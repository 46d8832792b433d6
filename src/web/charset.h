/* Finding a page's character set and converting it to UTF-8.
 *
 * Tidy does not honour <meta charset> reliably (tidy-html5 #863), so we
 * decide ourselves, in the order a browser does (WHATWG "encoding sniffing
 * algorithm"): a byte-order mark, which cannot be there by accident and so
 * wins even over HTTP, then the charset parameter of the HTTP Content-Type,
 * a <meta> in the first 4 KiB, then sniffing (valid UTF-8 is UTF-8,
 * anything else windows-1252). An unknown label is skipped, not an error:
 * the next source decides. A label the bytes plainly contradict is
 * overruled (old portals mix them up):
 *  - "UTF-8" wins over what sniffing would guess while the bytes hold at
 *    least as many valid multibyte sequences as invalid ones: a UTF-8
 *    page with one or a few stray Latin-1 bytes is read as UTF-8, each
 *    invalid sequence becoming U+FFFD, as browsers do. It means
 *    windows-1252 only when the bytes are clearly not UTF-8: invalid
 *    sequences and no valid multibyte one at all, or more invalid
 *    sequences than valid ones;
 *  - "ISO-8859-1" on valid, non-ASCII UTF-8 means UTF-8.
 * Without a label, sniffing stays strict: one invalid sequence (other than
 * a last character cut short) means windows-1252. Labels are mapped as the
 * WHATWG Encoding standard does: "iso-8859-1", "latin1" and "us-ascii" all
 * mean windows-1252, a superset. */
#ifndef PF_WEB_CHARSET_H
#define PF_WEB_CHARSET_H

#include <stdbool.h>
#include <stddef.h>

enum charset_source {
	CHARSET_FROM_HTTP,
	CHARSET_FROM_BOM,
	CHARSET_FROM_META,
	CHARSET_SNIFFED,
};

/* Returns the canonical name ("UTF-8" or "WINDOWS-1252", or another iconv
 * name for a rarer label) of the page's encoding. content_type may be NULL.
 * *source, when not NULL, tells where the answer came from. The returned
 * string is static. */
const char *charset_detect(const char *bytes, size_t len, const char *content_type,
                           enum charset_source *source);

/* True when charset_to_utf8(bytes, len, charset) would return the very
 * same bytes (charset is UTF-8, and they hold valid UTF-8 with no NUL and
 * no leading BOM): a caller may then read them as they are, uncopied. */
bool charset_utf8_unchanged(const char *bytes, size_t len, const char *charset);

/* Converts bytes from `charset` (a label charset_canonical knows, or else
 * any iconv name without "//" suffixes) to UTF-8 into a newly allocated,
 * NUL-terminated buffer (*out, *out_len), dropping a UTF-8 BOM. Bytes that
 * are invalid in the source charset become U+FFFD, one per byte (per 16-bit
 * unit in UTF-16; UTF-8 input is validated too, one U+FFFD per maximal
 * invalid sequence) and decoding goes on after them; NUL bytes also
 * become U+FFFD so that the result is a single C string. Returns -1 only for
 * an unknown charset name (message in *errp). */
int charset_to_utf8(const char *bytes, size_t len, const char *charset, char **out, size_t *out_len,
                    char **errp);

/* Maps a charset label (any case, surrounding space or quotes) to the name
 * charset_detect would return, or NULL when unknown. */
const char *charset_canonical(const char *label);

/* Converts UTF-8 text to `charset` for form submission; characters the
 * charset cannot hold become numeric character references (&#8364;) as
 * browsers do; invalid UTF-8 becomes U+FFFD (&#65533; in a charset without
 * it). A UTF-16 page's form is sent as UTF-8, as browsers do. Returns a
 * newly allocated string, or NULL on an unknown charset. */
char *charset_from_utf8(const char *utf8, const char *charset);

#endif
