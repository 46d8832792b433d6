/* The double-payment guard, one for both front ends (RELIABILITY.md
 * section 4): before a Règlement leaves, an earlier hand-off of the same
 * invoices — recorded on disk by any run (handoff_marker), or made in this
 * session and not yet seen settled (the pending list) — is a question for
 * the user; then this hand-off is recorded, and taken back if the
 * Règlement never reached the portal. The questions themselves are the
 * front end's (a dialog, a y/N prompt). */
#ifndef PF_APP_PAY_GUARD_H
#define PF_APP_PAY_GUARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "portal/model.h"
#include "portal/session.h"
#include "app/handoff_marker.h"

/* One payment attempt's record. */
struct pay_guard {
	struct handoff_account account; /* not owned */
	char *marker_id;                /* this attempt's record, once made */
};

/* An earlier hand-off of one of the invoices. */
struct pay_guard_hit {
	const char *number; /* not owned: one of the chosen invoices' */
	time_t when;
};

/* Looks on disk for an earlier hand-off of any chosen invoice by this
 * account: 1 with *hit, 0 when none, -1 with *errp when the record cannot
 * be read (which must not block paying: the caller reports it). */
int pay_guard_find(const struct pay_guard *guard, const struct invoice *const *chosen, size_t count,
                   struct pay_guard_hit *hit, char **errp);

/* Records this hand-off, right before the Règlement leaves. 0, or -1 with
 * *errp (then nothing may be sent: the next run could not warn). */
int pay_guard_record(struct pay_guard *guard, const struct invoice *const *chosen, size_t count,
                     int64_t amount_cents, char **errp);

/* After portal_pay: a Règlement that never reached the portal leaves no
 * record (the next payment must not be refused for one that does not
 * exist). 0, or -1 with *errp when the record could not be taken back. */
int pay_guard_settle(struct pay_guard *guard, enum pay_progress progress, char **errp);

void pay_guard_clear(struct pay_guard *guard);

/* Invoices handed off in this session and not yet seen settled. */
struct pay_pending {
	char **numbers;
	size_t count;
	time_t since; /* the last hand-off */
};

bool pay_pending_has(const struct pay_pending *pending, const char *number);
void pay_pending_add(struct pay_pending *pending, char *const *numbers, size_t count);
/* Keeps only the numbers for which still_due(number, ctx) is true. */
void pay_pending_keep(struct pay_pending *pending, bool (*still_due)(const char *, void *),
                      void *ctx);
void pay_pending_clear(struct pay_pending *pending);

#endif
