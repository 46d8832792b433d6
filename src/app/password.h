/* Where the password comes from, and keeping it out of sight.
 *
 * Sources, first found wins: --password-command (first line of its
 * output), --password-file (refused if group or others may read it), the
 * PORTAIL_FAMILLE_PASSWORD environment variable (taken and removed from the
 * environment at start-up), a no-echo prompt on the terminal. The password
 * never goes into argv, a log or a file; every copy is wiped after use. */
#ifndef PF_APP_PASSWORD_H
#define PF_APP_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>

#define PASSWORD_MAX 512
/* The password command must answer within this many seconds. */
#define PASSWORD_COMMAND_TIMEOUT 30

struct password_source {
	const char *command; /* NULL = none */
	const char *file;    /* NULL = none */
	char *from_env;      /* taken by password_take_environment, owned */
	const char *fixed;   /* a known password (the demo's), NULL = none */
	const char *user;    /* for the prompt */
	const char *host;    /* for the prompt */
};

/* Core dumps off and the process not dumpable (no ptrace of the password
 * by same-user processes), except in sanitizer builds where LeakSanitizer
 * needs ptrace (RELIABILITY.md section 3). */
void password_protect_process(void);

/* Copies PORTAIL_FAMILLE_PASSWORD into src->from_env, wipes the variable's
 * bytes in the environment and removes it, so no child inherits it. */
void password_take_environment(struct password_source *src);

/* The callback the portal session calls (portal_options.get_password):
 * ctx is a struct password_source. Writes the password into buf. */
int password_get(void *ctx, char *buf, size_t size, char **errp);

/* Wipes and frees what password_take_environment kept. */
void password_source_clear(struct password_source *src);

/* Reads the first line of a secret from fd into buf: at most size - 1
 * bytes, stops at CR/LF/EOF, refuses NUL bytes and lines that do not fit.
 * timeout_s > 0 bounds the wait. Exposed for tests. */
int password_read_line(int fd, char *buf, size_t size, int timeout_s, char **errp);

#endif
