/* Network waits off the main thread: one job at a time runs in a pthread
 * while the loop keeps reading keys (and shows a progress dialog whose Esc
 * or Ctrl-C cancels the transfer through http_options.cancelled). A job
 * that needs the user (the portal's confirm(), the double-payment warning)
 * asks through ui_job_ask and waits for the answer.
 *
 * A background job (ui_job_start_background: the invoices read after
 * login, for the home screen's reminder) shows nothing and gives way: a
 * job the user starts meanwhile cancels it and waits for it to end, with
 * its own progress dialog on already; the same work is taken over instead
 * (ui_job_take_over), so that nothing is asked of the portal twice.
 *
 * Only the job touches the portal session while it runs; its results go
 * back to the main thread through `done`, which the loop calls. */
#ifndef PF_UI_WORKER_H
#define PF_UI_WORKER_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <time.h>

#include "exit_codes.h"

struct ui;
struct screen;

/* Runs in the worker thread: no curses, no screen state. */
typedef enum exit_code (*ui_job_fn)(struct ui *ui, void *arg, char **errp);
/* Runs in the main thread once the job ended; owns err (may be NULL).
 * rc is EXIT_ERROR with err "annulé" when the user cancelled. At shutdown
 * with the job still running it is called with ui NULL: free arg only. */
typedef void (*ui_job_done_fn)(struct ui *ui, void *arg, enum exit_code rc, char *err);

struct ui_worker {
	pthread_t thread;
	bool running;            /* started, `done` not called yet */
	struct timespec started; /* CLOCK_MONOTONIC, when it started */
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool finished; /* the job function returned (under lock) */
	atomic_bool cancel;
	ui_job_fn run;
	ui_job_done_fn done;
	void *arg;
	bool background; /* started by the program, not by a key: no dialog */
	/* The user's job waiting for a cancelled background job to end. */
	struct ui_job_next {
		bool set;
		bool cancelled; /* Esc before it could start */
		ui_job_fn run;
		ui_job_done_fn done;
		void *arg;
	} next;
	enum exit_code rc;
	char *err;
	struct screen *progress; /* the progress dialog, while shown */
	/* A question from the job (under lock). */
	char *question;
	const char *question_title;
	struct screen *question_dialog;
	bool answered, answer;
};

void ui_worker_init(struct ui_worker *w);
/* Cancels and waits for a running job (its `done` is not called). */
void ui_worker_destroy(struct ui *ui);

/* Starts a job with a progress dialog saying `label`. Returns 0, or -1
 * when a job is already running (the caller says "patientez"); a
 * background job does not count: this one comes next. */
int ui_job_start(struct ui *ui, const char *label, ui_job_fn run, ui_job_done_fn done, void *arg);
/* Starts a job without a dialog, that any other job cancels. Its `done`
 * is called as any job's (rc EXIT_ERROR when it was cancelled). Returns
 * -1 when a job is already running. */
int ui_job_start_background(struct ui *ui, ui_job_fn run, ui_job_done_fn done, void *arg);
/* A background job running `run` becomes the user's: its progress
 * dialog says `label`, its result goes to `done` (with the argument it
 * was started with). False when there is no such job. */
bool ui_job_take_over(struct ui *ui, ui_job_fn run, const char *label, ui_job_done_fn done);
/* Cancels a background job and waits for its end (its `done` called):
 * before the main thread uses the session itself (an account switch). */
void ui_job_stop_background(struct ui *ui);
/* A job the user waits for is running (or waiting for its turn). */
bool ui_job_busy(const struct ui *ui);
/* A job started less than UI_JOB_QUIET_MS ago is still running: the frame
 * it would show ("Chargement...") is skipped, the page may come first. */
#define UI_JOB_QUIET_MS 100
bool ui_job_young(const struct ui *ui);
/* Called by the loop: shows pending questions, delivers a finished job. */
void ui_job_poll(struct ui *ui);
/* Asks the running job to stop (the transfer is cancelled). */
void ui_job_cancel(struct ui *ui);
/* For http_options.cancelled: ctx is the struct ui. */
bool ui_job_cancelled(void *ctx);
/* From the job's thread: shows `question` (taken; page text is sanitized
 * by the dialog) under `title` (static) in a yes/no dialog whose default
 * is no, and returns the answer; false when cancelled. */
bool ui_job_ask(struct ui *ui, const char *title, char *question);

#endif
