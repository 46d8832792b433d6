/* Small helpers of the demo portal: memory, buffers, HTML escaping,
 * charset conversion of outgoing pages, random tokens, money, clocks. */
#include "demo/internal.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

static void oom(void)
{
	/* Nothing sensible is left to do; abort() rather than exit() so that
	 * no atexit handler runs with the heap exhausted. */
	static const char msg[] = "demo portal: out of memory\n";
	ssize_t w = write(2, msg, sizeof msg - 1);
	(void)w;
	abort();
}

void *demo_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *demo_xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		oom();
	return p;
}

char *demo_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(demo_xmalloc(n), s, n);
}

DEMO_PRINTF(1, 0) static char *vasprintf_x(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		oom();
	char *s = demo_xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *demo_xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = vasprintf_x(fmt, ap);
	va_end(ap);
	return s;
}

int demo_error(char **errp, const char *fmt, ...)
{
	if (errp) {
		va_list ap;
		va_start(ap, fmt);
		*errp = vasprintf_x(fmt, ap);
		va_end(ap);
	}
	return -1;
}

static void reserve(struct demo_buf *b, size_t more)
{
	if (more > SIZE_MAX - b->len - 1)
		oom();
	size_t need = b->len + more + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->data = demo_xrealloc(b->data, cap);
	b->cap = cap;
}

void demo_buf_add(struct demo_buf *b, const void *data, size_t len)
{
	reserve(b, len);
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void demo_buf_puts(struct demo_buf *b, const char *s)
{
	demo_buf_add(b, s, strlen(s));
}

void demo_buf_printf(struct demo_buf *b, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		oom();
	reserve(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	va_end(ap);
}

void demo_buf_html(struct demo_buf *b, const char *text)
{
	const char *run = text;
	for (const char *p = text; *p; p++) {
		const char *rep;
		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#039;"; break;
		default: continue;
		}
		demo_buf_add(b, run, (size_t)(p - run));
		demo_buf_puts(b, rep);
		run = p + 1;
	}
	demo_buf_puts(b, run);
}

void demo_buf_insert(struct demo_buf *b, size_t pos, const void *data, size_t len)
{
	if (pos > b->len)
		pos = b->len;
	reserve(b, len);
	memmove(b->data + pos + len, b->data + pos, b->len - pos + 1);
	memcpy(b->data + pos, data, len);
	b->len += len;
}

char *demo_buf_take(struct demo_buf *b)
{
	char *s = b->data ? b->data : demo_xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void demo_buf_release(struct demo_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/* Decodes one UTF-8 character; our own text is valid UTF-8, anything else
 * is passed through byte by byte (cp = the byte, *n = 1). */
static unsigned long utf8_next(const unsigned char *s, size_t len, size_t *n)
{
	unsigned char c = s[0];
	size_t need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
	if (c < 0x80 || need > len || c >= 0xf8) {
		*n = 1;
		return c;
	}
	unsigned long cp = c & (0x3f >> (need - 1));
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*n = 1;
			return c;
		}
		cp = cp << 6 | (s[i] & 0x3f);
	}
	*n = need;
	return cp;
}

/* The windows-1252 bytes 0x80-0x9F for the characters a French site uses. */
static int cp1252_byte(unsigned long cp)
{
	static const struct {
		unsigned long cp;
		unsigned char byte;
	} map[] = {
		{ 0x20ac, 0x80 }, { 0x201a, 0x82 }, { 0x201e, 0x84 }, { 0x2026, 0x85 },
		{ 0x0152, 0x8c }, { 0x2018, 0x91 }, { 0x2019, 0x92 }, { 0x201c, 0x93 },
		{ 0x201d, 0x94 }, { 0x2022, 0x95 }, { 0x2013, 0x96 }, { 0x2014, 0x97 },
		{ 0x0153, 0x9c }, { 0x0178, 0x9f },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].cp == cp)
			return map[i].byte;
	return -1;
}

void demo_buf_encode(struct demo_buf *out, const char *utf8, size_t len, enum demo_charset cs)
{
	if (cs == DEMO_CHARSET_UTF8 || cs == DEMO_CHARSET_UTF8_AS_LATIN1) {
		demo_buf_add(out, utf8, len);
		return;
	}
	const unsigned char *s = (const unsigned char *)utf8;
	size_t i = 0;
	reserve(out, len);
	while (i < len) {
		size_t n;
		size_t run = i;
		/* Copy ASCII runs in one go: most of a page is ASCII. */
		while (i < len && s[i] < 0x80)
			i++;
		if (i > run)
			demo_buf_add(out, s + run, i - run);
		if (i >= len)
			break;
		unsigned long cp = utf8_next(s + i, len - i, &n);
		i += n;
		int byte = -1;
		if (cs == DEMO_CHARSET_CP1252) {
			if (cp >= 0xa0 && cp <= 0xff)
				byte = (int)cp;
			else
				byte = cp1252_byte(cp);
		} else if (cp <= 0xff) {
			byte = (int)cp;
		}
		if (byte >= 0) {
			unsigned char c = (unsigned char)byte;
			demo_buf_add(out, &c, 1);
		} else {
			demo_buf_printf(out, "&#%lu;", cp);
		}
	}
}

const char *demo_charset_header(enum demo_charset cs)
{
	switch (cs) {
	case DEMO_CHARSET_UTF8:
	case DEMO_CHARSET_LATIN1_AS_UTF8: return "UTF-8";
	case DEMO_CHARSET_CP1252: return "windows-1252";
	case DEMO_CHARSET_META_ONLY: return NULL;
	case DEMO_CHARSET_LATIN1:
	case DEMO_CHARSET_UTF8_AS_LATIN1: break;
	}
	return "ISO-8859-1";
}

const char *demo_charset_meta(enum demo_charset cs)
{
	const char *h = demo_charset_header(cs);
	return h ? h : "ISO-8859-1";
}

void demo_random_string(char *out, size_t len, const char *alphabet)
{
	size_t na = strlen(alphabet);
	size_t i = 0;
	unsigned char pool[64];
	while (i < len) {
		size_t want = len - i < sizeof pool ? len - i : sizeof pool;
		ssize_t got = getrandom(pool, want, 0);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			/* No kernel randomness (very old kernel, seccomp): a token
			 * of a demo server may then be predictable, not fatal. */
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			srand((unsigned)(ts.tv_nsec ^ ts.tv_sec ^ getpid()));
			for (size_t k = 0; k < want; k++)
				pool[k] = (unsigned char)rand();
			got = (ssize_t)want;
		}
		for (ssize_t k = 0; k < got; k++)
			out[i++] = alphabet[pool[k] % na];
	}
	out[len] = '\0';
}

void demo_format_cents(char out[32], int64_t cents, char sep)
{
	uint64_t mag = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	snprintf(out, 32, "%s%llu%c%02u", cents < 0 ? "-" : "", (unsigned long long)(mag / 100),
	         sep, (unsigned)(mag % 100));
}

long long demo_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

bool demo_secret_equal(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned char diff = la != lb;
	for (size_t i = 0; i < la; i++)
		diff |= (unsigned char)(a[i] ^ b[i % (lb ? lb : 1)]);
	return diff == 0;
}
