/* The network job thread, its cancellation, and questions it asks the user. */
#include "config.h"

#include "util/i18n.h"
#include "ui/worker.h"

#include <malloc.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"
#include "ui/app.h"
#include "ui/dialog.h"

void ui_worker_init(struct ui_worker *w)
{
	memset(w, 0, sizeof(*w));
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->cond, NULL);
	atomic_init(&w->cancel, false);
}

static void *job_main(void *arg)
{
	struct ui *ui = arg;
	struct ui_worker *w = &ui->worker;
	char *err = NULL;
	enum exit_code rc = w->run(ui, w->arg, &err);
	pthread_mutex_lock(&w->lock);
	w->rc = rc;
	w->err = err;
	w->finished = true;
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

/* The thread, with `run` as the job. Returns pthread_create's error. */
static int spawn(struct ui *ui, ui_job_fn run, ui_job_done_fn done, void *arg, bool background)
{
	struct ui_worker *w = &ui->worker;
	w->run = run;
	w->done = done;
	w->arg = arg;
	w->finished = false;
	w->err = NULL;
	w->rc = EXIT_OK;
	atomic_store(&w->cancel, false);
	/* Signals are for the main thread (it restores the terminal), but for
	 * a crash of the job itself: blocked, the kernel would kill the
	 * process without the handler that gives the terminal back. */
	static const int synchronous[] = {
		SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT, SIGSYS
	};
	sigset_t all, old;
	sigfillset(&all);
	for (size_t i = 0; i < sizeof(synchronous) / sizeof(synchronous[0]); i++)
		sigdelset(&all, synchronous[i]);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	int rc = pthread_create(&w->thread, NULL, job_main, ui);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc == 0) {
		w->running = true;
		w->background = background;
	}
	return rc;
}

static void spawn_failed(struct ui *ui, ui_job_done_fn done, void *arg, int rc)
{
	char *err = xasprintf(_("cannot start the network task (%s)"), strerror(rc));
	done(ui, arg, EXIT_ERROR, err);
}

/* The user waits from now on: the 100 ms without a "Chargement..." frame
 * and the progress dialog start here. */
static void user_waits(struct ui *ui, const char *label)
{
	struct ui_worker *w = &ui->worker;
	clock_gettime(CLOCK_MONOTONIC, &w->started);
	w->progress = dialog_progress(ui, label);
}

int ui_job_start(struct ui *ui, const char *label, ui_job_fn run, ui_job_done_fn done, void *arg)
{
	struct ui_worker *w = &ui->worker;
	if (w->running && (!w->background || w->next.set))
		return -1;
	if (w->running) {
		/* The background job gives way; this one starts when it ends. */
		atomic_store(&w->cancel, true);
		w->next = (struct ui_job_next){ .set = true, .run = run, .done = done, .arg = arg };
		user_waits(ui, label);
		return 0;
	}
	int rc = spawn(ui, run, done, arg, false);
	if (rc != 0)
		spawn_failed(ui, done, arg, rc);
	else
		user_waits(ui, label);
	return 0;
}

int ui_job_start_background(struct ui *ui, ui_job_fn run, ui_job_done_fn done, void *arg)
{
	struct ui_worker *w = &ui->worker;
	if (w->running)
		return -1;
	int rc = spawn(ui, run, done, arg, true);
	if (rc != 0)
		spawn_failed(ui, done, arg, rc);
	return 0;
}

bool ui_job_take_over(struct ui *ui, ui_job_fn run, const char *label, ui_job_done_fn done)
{
	struct ui_worker *w = &ui->worker;
	if (!w->running || !w->background || w->next.set || w->run != run ||
	    atomic_load(&w->cancel))
		return false;
	w->background = false;
	w->done = done;
	user_waits(ui, label);
	return true;
}

bool ui_job_busy(const struct ui *ui)
{
	const struct ui_worker *w = &ui->worker;
	return w->running && (!w->background || w->next.set);
}

bool ui_job_young(const struct ui *ui)
{
	if (!ui_job_busy(ui))
		return false;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double ms = (double)(now.tv_sec - ui->worker.started.tv_sec) * 1e3 +
	            (double)(now.tv_nsec - ui->worker.started.tv_nsec) / 1e6;
	return ms < UI_JOB_QUIET_MS;
}

/* The running job's transfer stops, its question is answered no. */
static void cancel_running(struct ui_worker *w)
{
	atomic_store(&w->cancel, true);
	pthread_mutex_lock(&w->lock);
	if (w->question && !w->answered) {
		w->answered = true;
		w->answer = false;
		pthread_cond_broadcast(&w->cond);
	}
	pthread_mutex_unlock(&w->lock);
}

/* Cancels the running job and waits for its thread; its error is dropped,
 * its `done` is the caller's to call. */
static void cancel_and_join(struct ui_worker *w)
{
	cancel_running(w);
	pthread_join(w->thread, NULL);
	w->running = w->background = false;
	free(w->err);
	w->err = NULL;
	atomic_store(&w->cancel, false);
}

void ui_job_cancel(struct ui *ui)
{
	struct ui_worker *w = &ui->worker;
	if (!ui_job_busy(ui))
		return;
	cancel_running(w);
	w->next.cancelled = w->next.set;
	if (w->progress && ui_on_stack(ui, w->progress))
		dialog_progress_cancelling(ui, w->progress);
}

void ui_job_stop_background(struct ui *ui)
{
	struct ui_worker *w = &ui->worker;
	if (!w->running || !w->background || w->next.set)
		return;
	cancel_and_join(w);
	w->done(ui, w->arg, EXIT_ERROR, xstrdup(_("cancelled")));
}

bool ui_job_cancelled(void *ctx)
{
	struct ui *ui = ctx;
	return atomic_load(&ui->worker.cancel) || cli_interrupted(NULL);
}

bool ui_job_ask(struct ui *ui, const char *title, char *question)
{
	struct ui_worker *w = &ui->worker;
	pthread_mutex_lock(&w->lock);
	if (atomic_load(&w->cancel)) {
		pthread_mutex_unlock(&w->lock);
		free(question);
		return false;
	}
	w->question = question;
	w->question_title = title;
	w->answered = false;
	while (!w->answered)
		pthread_cond_wait(&w->cond, &w->lock);
	bool yes = w->answer;
	free(w->question);
	w->question = NULL;
	pthread_mutex_unlock(&w->lock);
	return yes;
}

static void on_answer(struct ui *ui, bool yes, void *arg)
{
	struct ui_worker *w = &ui->worker;
	pthread_mutex_lock(&w->lock);
	w->question_dialog = NULL;
	if (w->question && !w->answered) {
		w->answered = true;
		w->answer = yes;
		pthread_cond_broadcast(&w->cond);
	}
	pthread_mutex_unlock(&w->lock);
}

/* A question waiting for a dialog: pushed here, on the main thread. */
static void show_question(struct ui *ui)
{
	struct ui_worker *w = &ui->worker;
	char *text = NULL;
	const char *title = NULL;
	pthread_mutex_lock(&w->lock);
	if (w->question && !w->answered && !w->question_dialog) {
		text = xstrdup(w->question);
		title = w->question_title;
	}
	pthread_mutex_unlock(&w->lock);
	if (!text)
		return;
	/* Its yes lets a payment go on: only keys pressed while it shows. */
	w->question_dialog = dialog_fresh_keys(dialog_confirm(ui, title, text, _("continue"),
	                                                      _("cancel"), false, on_answer, NULL));
	free(text);
}

static void remove_screen(struct ui *ui, struct screen **s)
{
	if (*s && ui_on_stack(ui, *s)) {
		ui_pop_to(ui, *s);
		ui_pop(ui);
	}
	*s = NULL;
}

/* The job waiting for a background job that just ended. */
static void start_next(struct ui *ui)
{
	struct ui_worker *w = &ui->worker;
	struct ui_job_next next = w->next;
	w->next = (struct ui_job_next){ 0 };
	int rc = next.cancelled ? 0 : spawn(ui, next.run, next.done, next.arg, false);
	if (!next.cancelled && rc == 0)
		return; /* its progress dialog stays */
	remove_screen(ui, &w->progress);
	ui_redraw(ui);
	if (next.cancelled)
		next.done(ui, next.arg, EXIT_ERROR, xstrdup(_("cancelled")));
	else
		spawn_failed(ui, next.done, next.arg, rc);
}

void ui_job_poll(struct ui *ui)
{
	struct ui_worker *w = &ui->worker;
	if (!w->running)
		return;
	show_question(ui);
	pthread_mutex_lock(&w->lock);
	bool finished = w->finished;
	pthread_mutex_unlock(&w->lock);
	if (!finished)
		return;
	pthread_join(w->thread, NULL);
	w->running = false;
	enum exit_code rc = w->rc;
	char *err = w->err;
	w->err = NULL;
	if (rc != EXIT_OK && atomic_load(&w->cancel)) {
		free(err);
		err = xstrdup(_("cancelled"));
	}
	atomic_store(&w->cancel, false);
	bool background = w->background;
	w->background = false;
	remove_screen(ui, &w->question_dialog);
	if (background && w->next.set) {
		/* It gave way (its done sees "cancelled", as a rule): the user's
		 * job starts, under the progress dialog already shown. */
		w->done(ui, w->arg, rc, err);
		start_next(ui);
		return;
	}
	remove_screen(ui, &w->progress);
	if (!background)
		ui_redraw(ui);
	w->done(ui, w->arg, rc, err);
	/* A job's page, its tree and tidy's pools are freed by now; without a
	 * trim, free keeps the top of the heap, and the job's pages with it,
	 * for the rest of the session (measured: about 110 kB of private
	 * memory an interface session need not keep; docs/benchmarks.md). */
	malloc_trim(0);
}

void ui_worker_destroy(struct ui *ui)
{
	struct ui_worker *w = &ui->worker;
	if (w->running) {
		cancel_and_join(w);
		/* The job's argument belongs to its done callback: let it free it,
		 * with the screens already gone. */
		w->done(NULL, w->arg, EXIT_ERROR, NULL);
	}
	if (w->next.set)
		w->next.done(NULL, w->next.arg, EXIT_ERROR, NULL);
	w->next = (struct ui_job_next){ 0 };
	pthread_mutex_destroy(&w->lock);
	pthread_cond_destroy(&w->cond);
}
