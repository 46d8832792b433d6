/* The local record of payments handed off to the card-payment site, so the
 * same invoices are not sent to payment twice by accident while the portal
 * still shows them unpaid (RELIABILITY.md section 4).
 *
 * $XDG_STATE_HOME/portail-famille/handoffs.json (default
 * ~/.local/state/...), directory 0700, file 0600: the portal's host, the
 * user, invoice numbers, amount and UTC time of each hand-off; never a
 * secret. Entries older than HANDOFF_MARKER_DAYS are forgotten. Two towns
 * may share an invoice number: an entry only counts for its own portal
 * and user (entries written before they were recorded count for all).
 *
 * Concurrent runs are serialised by flock() on handoffs.json.lock (shared
 * to read, exclusive to change) and write through a temporary file of
 * their own, renamed over: none loses another's record. */
#ifndef PF_APP_HANDOFF_MARKER_H
#define PF_APP_HANDOFF_MARKER_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define HANDOFF_MARKER_DAYS 7

/* The path of the state file, newly allocated, or NULL without HOME. */
char *handoff_marker_path(void);

/* Whose invoices: the portal's login URL (only its host is kept) and the
 * user. Either may be NULL (then "" is recorded). */
struct handoff_account {
	const char *portal_url;
	const char *user;
};

/* Looks for an earlier hand-off of any of these invoices by this account.
 * Returns 1 and its time and number in *when / *which (not owned: one of
 * numbers), 0 when none, -1 with *errp when the file exists but cannot be
 * read. */
int handoff_marker_find(const struct handoff_account *account, const char *const *numbers,
                        size_t count, time_t *when, const char **which, char **errp);

/* Appends a hand-off. Returns 0 and, when id is not NULL, an owned id for
 * handoff_marker_forget in *id; or -1 with *errp. */
int handoff_marker_record(const struct handoff_account *account, const char *const *numbers,
                          size_t count, int64_t amount_cents, char **id, char **errp);

/* Takes back the hand-off recorded under id: the Règlement was never sent,
 * so the next payment of these invoices must not be refused. 0 (also when
 * it is gone already), or -1 with *errp. */
int handoff_marker_forget(const char *id, char **errp);

#endif
