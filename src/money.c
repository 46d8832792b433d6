/* Parsing and printing amounts as integer cents; strict, never a guess. */
#include "money.h"
#include "util/i18n.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/sanitize.h"
#include "util/xalloc.h"

/* Enough for any accepted amount: 13 integer digits in 5 groups plus cents. */
#define MONEY_MAX_RUNS 16

/* The text still to parse, [p, end). */
struct money_span {
	const char *p;
	const char *end;
};

enum money_sep {
	MONEY_SEP_SPACE, /* ASCII space, U+00A0 or U+202F: only ever grouping */
	MONEY_SEP_DOT,
	MONEY_SEP_COMMA,
};

/* A number split at its separators: runs[0] sep[0] runs[1] ... runs[n]. */
struct money_runs {
	struct money_span run[MONEY_MAX_RUNS];
	enum money_sep sep[MONEY_MAX_RUNS];
	size_t nsep;
};

static const char *const money_group_spaces[] = { " ", "\xc2\xa0", "\xe2\x80\xaf" };
static const char *const money_outer_spaces[] = {
	" ", "\t", "\r", "\n", "\xc2\xa0", "\xe2\x80\xaf"
};

static size_t money_starts_with(const struct money_span *s, const char *const *seqs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t len = strlen(seqs[i]);

		if ((size_t)(s->end - s->p) >= len && memcmp(s->p, seqs[i], len) == 0)
			return len;
	}
	return 0;
}

static size_t money_ends_with(const struct money_span *s, const char *const *seqs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t len = strlen(seqs[i]);

		if ((size_t)(s->end - s->p) >= len && memcmp(s->end - len, seqs[i], len) == 0)
			return len;
	}
	return 0;
}

#define MONEY_COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void money_trim(struct money_span *s)
{
	size_t n;

	while ((n = money_starts_with(s, money_outer_spaces, MONEY_COUNT(money_outer_spaces))))
		s->p += n;
	while ((n = money_ends_with(s, money_outer_spaces, MONEY_COUNT(money_outer_spaces))))
		s->end -= n;
}

/* "EUR" compares without case because some portals print "Eur". */
static int money_strip_currency(struct money_span *s, bool at_end)
{
	static const char euro[] = "\xe2\x82\xac";
	size_t len = (size_t)(s->end - s->p);
	const char *at;

	if (len >= 3) {
		at = at_end ? s->end - 3 : s->p;
		if (memcmp(at, euro, 3) == 0 || strncasecmp(at, "EUR", 3) == 0) {
			if (at_end)
				s->end -= 3;
			else
				s->p += 3;
			money_trim(s);
			return 1;
		}
	}
	return 0;
}

static bool money_take_sign(struct money_span *s)
{
	static const char *const minus[] = { "-", "\xe2\x88\x92" };
	size_t n;

	if ((n = money_starts_with(s, minus, MONEY_COUNT(minus)))) {
		s->p += n;
		money_trim(s);
		return true;
	}
	if (s->p < s->end && *s->p == '+') {
		s->p++;
		money_trim(s);
	}
	return false;
}

static bool money_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int money_split(struct money_span body, struct money_runs *r)
{
	size_t n;

	r->nsep = 0;
	r->run[0].p = body.p;
	while (body.p < body.end) {
		enum money_sep sep;

		if (money_is_digit(*body.p)) {
			body.p++;
			continue;
		}
		if (*body.p == '.') {
			sep = MONEY_SEP_DOT;
			n = 1;
		} else if (*body.p == ',') {
			sep = MONEY_SEP_COMMA;
			n = 1;
		} else if ((n = money_starts_with(&body, money_group_spaces,
		                                  MONEY_COUNT(money_group_spaces)))) {
			sep = MONEY_SEP_SPACE;
		} else {
			return -1;
		}
		if (r->nsep + 1 >= MONEY_MAX_RUNS)
			return -1;
		r->run[r->nsep].end = body.p;
		r->sep[r->nsep++] = sep;
		body.p += n;
		r->run[r->nsep].p = body.p;
	}
	r->run[r->nsep].end = body.end;
	return 0;
}

static size_t money_run_len(const struct money_span *run)
{
	return (size_t)(run->end - run->p);
}

static size_t money_count_sep(const struct money_runs *r, enum money_sep sep)
{
	size_t i, count = 0;

	for (i = 0; i < r->nsep; i++)
		count += r->sep[i] == sep;
	return count;
}

/* Thousands groups: one kind of separator, a first group of 1-3 digits, then
 * groups of exactly 3; anything else ("1 23,45") is a typo or not money. */
static bool money_grouping_ok(const struct money_runs *r, size_t nruns)
{
	size_t i;

	if (nruns == 1)
		return true;
	if (money_run_len(&r->run[0]) < 1 || money_run_len(&r->run[0]) > 3)
		return false;
	for (i = 1; i < nruns; i++)
		if (r->sep[i - 1] != r->sep[0] || money_run_len(&r->run[i]) != 3)
			return false;
	return true;
}

/* The text comes from the network and the message may reach a terminal:
 * quote it sanitized and clamped. Returns -1. */
static int money_error(char **errp, const char *why, const char *text)
{
	char *shown;

	if (!errp)
		return -1;
	shown = sanitize_text(text, strlen(text), SANITIZE_SINGLE_LINE, 40);
	set_error(errp, "%s: \"%s\"", why, shown);
	free(shown);
	return -1;
}

/* Accumulates the digits of [p, end) into *v, failing past `limit`. */
static bool money_accumulate(const struct money_span *run, int64_t *v, int64_t limit)
{
	const char *p;

	for (p = run->p; p < run->end; p++) {
		*v = *v * 10 + (*p - '0');
		if (*v > limit)
			return false;
	}
	return true;
}

/* A '.' or ',' is the decimal mark when it is the last separator and the only
 * one of its kind; "1.234" (one separator, three digits) could be either. */
static int money_value(const struct money_runs *r, const char *text, int64_t *cents, char **errp)
{
	size_t nruns = r->nsep + 1, i;
	int64_t units = 0, frac = 0;
	const struct money_span *frac_run = NULL;

	if (r->nsep > 0 && r->sep[r->nsep - 1] != MONEY_SEP_SPACE &&
	    money_count_sep(r, r->sep[r->nsep - 1]) == 1) {
		frac_run = &r->run[r->nsep];
		nruns--;
		if (r->nsep == 1 && money_run_len(frac_run) == 3)
			return money_error(errp, "ambiguous amount (thousands or decimals?)", text);
		if (money_run_len(frac_run) > 2)
			return money_error(errp, "more than two decimals", text);
	}
	for (i = 0; i <= r->nsep; i++)
		if (money_run_len(&r->run[i]) == 0)
			return money_error(errp, "misplaced separator", text);
	if (!money_grouping_ok(r, nruns))
		return money_error(errp, "badly grouped thousands", text);
	for (i = 0; i < nruns; i++)
		if (!money_accumulate(&r->run[i], &units, MONEY_MAX_CENTS / 100))
			return money_error(errp, "amount too large", text);
	if (frac_run) {
		money_accumulate(frac_run, &frac, 99);
		if (money_run_len(frac_run) == 1)
			frac *= 10;
	}
	*cents = units * 100 + frac;
	if (*cents > MONEY_MAX_CENTS)
		return money_error(errp, "amount too large", text);
	return 0;
}

int money_parse(const char *text, int64_t *cents, char **errp)
{
	struct money_span s;
	struct money_runs runs;
	int currencies = 0;
	bool negative;
	int64_t value = 0;

	if (!text)
		return set_error(errp, _("no amount"));
	s.p = text;
	s.end = text + strlen(text);
	money_trim(&s);
	if (s.p == s.end)
		return set_error(errp, _("empty amount"));
	currencies += money_strip_currency(&s, true);
	currencies += money_strip_currency(&s, false);
	negative = money_take_sign(&s);
	currencies += money_strip_currency(&s, false); /* "-€12" */
	if (currencies > 1)
		return money_error(errp, "currency given twice", text);
	if (s.p == s.end || !money_is_digit(*s.p) || !money_is_digit(s.end[-1]) ||
	    money_split(s, &runs) < 0)
		return money_error(errp, "not an amount", text);
	if (money_value(&runs, text, &value, errp) < 0)
		return -1;
	*cents = negative ? -value : value;
	return 0;
}

/* Writes the integer part, grouped by three with `group` when not NUL. */
static void money_format_units(uint64_t units, char group, char *out, size_t size)
{
	char rev[32];
	size_t n = 0, digits = 0, i;

	do {
		if (group && digits > 0 && digits % 3 == 0)
			rev[n++] = group;
		rev[n++] = (char)('0' + units % 10);
		units /= 10;
		digits++;
	} while (units > 0 && n < sizeof rev - 2);
	for (i = 0; i < n && i + 1 < size; i++)
		out[i] = rev[n - 1 - i];
	out[i < size ? i : size - 1] = '\0';
}

char *money_format(int64_t cents, enum money_format_style style, char *buf, size_t size)
{
	/* Through uint64_t so that INT64_MIN has a magnitude too. */
	uint64_t mag = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	char units[32];

	if (size == 0)
		return buf;
	money_format_units(mag / 100, style == MONEY_FR ? ' ' : '\0', units, sizeof units);
	snprintf(buf, size, "%s%s%c%02u", cents < 0 ? "-" : "", units,
	         style == MONEY_DOT ? '.' : ',', (unsigned)(mag % 100));
	return buf;
}
