/* Makes text from the network safe to show on a terminal.
 *
 * Every string scraped from a page passes through here before it reaches
 * the screen, stdout or stderr (see RELIABILITY.md section 1). Input is
 * UTF-8 (possibly invalid); output is valid UTF-8 with:
 *  - ESC shown as the two characters "^[" (the rest of a sequence stays as
 *    inert text), other C0 controls and DEL removed, except that in
 *    SANITIZE_MULTILINE mode '\n' is kept; tab, CR, LF and BS become a space
 *    in single-line mode so nothing moves the cursor (in multi-line mode tab
 *    and BS become a space too, "\r\n" becomes "\n" and a lone CR "\n");
 *  - C1 controls U+0080-U+009F removed;
 *  - bidi controls (U+202A-202E, U+2066-2069, U+200E/200F, U+061C),
 *    zero-width and format characters (U+200B-200D, U+2060, U+FEFF),
 *    U+00AD and U+2028/2029 removed, and so are the other invisible
 *    characters sanitize_is_unsafe_codepoint lists (tags, noncharacters...);
 *  - invalid UTF-8 replaced by U+FFFD;
 *  - at most max_chars characters (0 = no limit), "…" marking a cut;
 *  - with SANITIZE_ASCII, only ASCII: letters lose their accents, common
 *    punctuation gets its ASCII look-alike (NBSP ' ', ’ ', « " , – -, … ...),
 *    "€" becomes "EUR", the symbols pages use too (► >, ◄ <, ✓ v, • *,
 *    → ->), anything else '?', and a cut is marked "...".
 * The function is idempotent: sanitizing its output changes nothing.
 */
#ifndef PF_UTIL_SANITIZE_H
#define PF_UTIL_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum sanitize_flags {
	SANITIZE_SINGLE_LINE = 0,
	SANITIZE_MULTILINE = 1 << 0, /* keep '\n' */
	SANITIZE_ASCII = 1 << 1,     /* also fold to ASCII (LANG=C terminals):
	                                accented letters lose their accent, other
	                                non-ASCII characters become '?' */
};

/* Returns a newly allocated, sanitized copy of text[0..len). */
char *sanitize_text(const char *text, size_t len, int flags, size_t max_chars);
/* Convenience for NUL-terminated strings. */
char *sanitize_str(const char *text, int flags);
/* True when the string holds nothing sanitize_text would change. */
bool sanitize_is_clean(const char *text, size_t len, int flags);
/* The flags for text meant for this process's terminal: SANITIZE_ASCII
 * unless the locale's character set is UTF-8 (LANG=C, POSIX, latin-1). */
int sanitize_terminal_flags(void);
/* fprintf, then the whole line through sanitize_text(flags | MULTILINE):
 * our own words (a translated "€", "à payer") fold to ASCII on a LANG=C
 * terminal as the portal's do. Returns what fprintf returns. */
int sanitize_fprintf(FILE *out, int flags, const char *format, ...)
        __attribute__((format(printf, 3, 4)));
/* True when a Unicode code point must never reach a terminal raw. */
bool sanitize_is_unsafe_codepoint(unsigned long cp);

#endif
