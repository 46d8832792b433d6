/* The demo portal as a child process. `portail-famille --demo` starts the
 * portail-famille-demo program on a free loopback port and stops it at
 * exit, so the client never links a server library (and its password
 * never shares a process with one). */
#ifndef PF_APP_DEMO_CHILD_H
#define PF_APP_DEMO_CHILD_H

#include <sys/types.h>

struct demo_child {
	pid_t pid;    /* 0: not running (then stdin_fd means nothing) */
	int stdin_fd; /* the demo stops when this closes */
};

/* The demo program to run, newly allocated: $PORTAIL_FAMILLE_DEMO when
 * set, else portail-famille-demo next to this binary's build tree
 * (src/demo/), else the installed one in the package's libexec directory.
 * NULL when none is executable. */
char *demo_child_program(void);

/* Starts the demo (in its own process group: a Ctrl-C meant for us does
 * not stop it) with args (NULL-terminated, may be NULL) added to its
 * command line, and waits for the login URL it prints. Returns 0 with
 * *login_url (owned), or -1 with *errp and nothing left running. */
int demo_child_start(const char *const *args, struct demo_child *child, char **login_url,
                     char **errp);

/* Closes its standard input, waits for it to stop (killed after 2 s).
 * Accepts a child that is not running. */
void demo_child_stop(struct demo_child *child);

#endif
