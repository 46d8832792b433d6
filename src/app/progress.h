/* The step a command is waiting on, on standard error when it is a
 * terminal: "portail-famille: login… (request 2)", erased once answered.
 * Never on a pipe or a file, never in the full-screen interface. */
#ifndef PF_APP_PROGRESS_H
#define PF_APP_PROGRESS_H

#include <stdbool.h>
#include <stdio.h>

struct progress {
	FILE *out;         /* NULL: shows nothing */
	unsigned requests; /* requests started so far */
	bool shown;        /* a line is on the screen, to erase */
};

/* out when it is a terminal, else nothing. */
void progress_init(struct progress *p, FILE *out);

/* "login… (request 2)", "invoice page… (request 4, redirect 1)": the
 * text of the line, newly allocated, label sanitized. */
char *progress_text(const char *label, unsigned request, unsigned hop);

/* An http_options.progress callback (ctx: a struct progress): label
 * shows the line, NULL erases it ("\r", clear to the end of the line). */
void progress_step(void *ctx, const char *label, unsigned hop);

#endif
