/* The local record of payments handed off to the card-payment site, so the
 * same invoices are not sent to payment twice by accident while the portal
 * still shows them unpaid (RELIABILITY.md section 4).
 *
 * $XDG_STATE_HOME/portail-famille/handoffs.json (default
 * ~/.local/state/...), directory 0700, file 0600: invoice numbers, amount
 * and UTC time of each hand-off; never a secret. Entries older than
 * HANDOFF_MARKER_DAYS are forgotten. */
#ifndef PF_CLI_HANDOFF_MARKER_H
#define PF_CLI_HANDOFF_MARKER_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define HANDOFF_MARKER_DAYS 7

/* The path of the state file, newly allocated, or NULL without HOME. */
char *handoff_marker_path(void);

/* Looks for an earlier hand-off of any of these invoices. Returns 1 and
 * its time and number in *when / *which (not owned: one of numbers), 0 when
 * none, -1 with *errp when the file exists but cannot be read. */
int handoff_marker_find(const char *const *numbers, size_t count, time_t *when,
                        const char **which, char **errp);

/* Appends a hand-off. Returns 0, or -1 with *errp. */
int handoff_marker_record(const char *const *numbers, size_t count, int64_t amount_cents,
                          char **errp);

#endif
