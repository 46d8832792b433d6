/* Dialogs: screens drawn over the current one in a window of their own.
 * Confirm (yes/no), error (a message to acknowledge) and progress (a
 * spinner while the network works; Esc or Ctrl-C cancels). */
#ifndef PF_UI_DIALOG_H
#define PF_UI_DIALOG_H

#include <stdbool.h>

struct ui;
struct screen;

/* Called after the dialog left the stack, so it may push screens. */
typedef void (*dialog_answer_fn)(struct ui *ui, bool yes, void *arg);

/* Pushes a question. text may hold '\n' (page text is sanitized here).
 * Enter takes the default, o/y says yes, n/Esc/q says no. */
struct screen *dialog_confirm(struct ui *ui, const char *title, const char *text,
                              const char *yes_label, const char *no_label, bool default_yes,
                              dialog_answer_fn answer, void *arg);
/* For a question whose yes pays or sends something to the portal: it takes
 * its answer only from keys pressed while it is on the terminal. What was
 * typed before it showed (the type-ahead kept during a load, the keys
 * waiting in the terminal's input queue) is thrown away, and the status
 * line says so. Returns s. */
struct screen *dialog_fresh_keys(struct screen *s);
/* Pushes an error message; any of Enter, Esc, q closes it. */
struct screen *dialog_error(struct ui *ui, const char *title, const char *text);
/* Pushes a progress dialog; shown after a short delay so fast answers do
 * not flash it. */
struct screen *dialog_progress(struct ui *ui, const char *label);
/* The progress dialog says the cancel was heard. */
void dialog_progress_cancelling(struct ui *ui, struct screen *s);

#endif
