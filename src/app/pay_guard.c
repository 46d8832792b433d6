/* The double-payment guard: the on-disk records and the session's list. */
#include "config.h"

#include "app/pay_guard.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static const char **numbers_of(const struct invoice *const *chosen, size_t count)
{
	const char **numbers = xcalloc(count ? count : 1, sizeof(char *));
	for (size_t i = 0; i < count; i++)
		numbers[i] = chosen[i]->number;
	return numbers;
}

int pay_guard_find(const struct pay_guard *g, const struct invoice *const *chosen, size_t count,
                   struct pay_guard_hit *hit, char **errp)
{
	const char **numbers = numbers_of(chosen, count);
	int found = handoff_marker_find(&g->account, numbers, count, &hit->when, &hit->number,
	                                errp);
	free(numbers);
	return found;
}

int pay_guard_record(struct pay_guard *g, const struct invoice *const *chosen, size_t count,
                     int64_t amount_cents, char **errp)
{
	const char **numbers = numbers_of(chosen, count);
	free(g->marker_id);
	g->marker_id = NULL;
	int rc = handoff_marker_record(&g->account, numbers, count, amount_cents, &g->marker_id,
	                               errp);
	free(numbers);
	return rc;
}

int pay_guard_settle(struct pay_guard *g, enum pay_progress progress, char **errp)
{
	if (!g->marker_id || progress != PAY_NOT_SENT)
		return 0;
	int rc = handoff_marker_forget(g->marker_id, errp);
	free(g->marker_id);
	g->marker_id = NULL;
	return rc;
}

void pay_guard_clear(struct pay_guard *g)
{
	free(g->marker_id);
	g->marker_id = NULL;
}

bool pay_pending_has(const struct pay_pending *p, const char *number)
{
	for (size_t i = 0; number && i < p->count; i++)
		if (strcmp(p->numbers[i], number) == 0)
			return true;
	return false;
}

void pay_pending_add(struct pay_pending *p, char *const *numbers, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		if (pay_pending_has(p, numbers[i]))
			continue;
		p->numbers = xreallocarray(p->numbers, p->count + 1, sizeof(char *));
		p->numbers[p->count++] = xstrdup(numbers[i]);
	}
	p->since = time(NULL);
}

void pay_pending_keep(struct pay_pending *p, bool (*still_due)(const char *, void *), void *ctx)
{
	size_t kept = 0;
	for (size_t i = 0; i < p->count; i++) {
		char *number = p->numbers[i];
		if (still_due(number, ctx))
			p->numbers[kept++] = number;
		else
			free(number);
	}
	p->count = kept;
}

void pay_pending_clear(struct pay_pending *p)
{
	for (size_t i = 0; i < p->count; i++)
		free(p->numbers[i]);
	free(p->numbers);
	memset(p, 0, sizeof(*p));
}
